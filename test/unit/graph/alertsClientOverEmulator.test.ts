// The Graph client against the emulator in this process: the one list filter is accepted (a list
// without it is a 400), @odata.nextLink pages are followed, and the tenant id is found from the ids.
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { createDirectoryAlertsClient } from "../../../src/graph/alertsClient";
import { DIRECTORY_ALERT_IDS } from "../../../src/graph/catalog";
import { resolveTenantId } from "../../../src/graph/tenantId";
import { createApiClient, type ApiClient } from "../../../src/http/apiClient";

let emulator: Emulator;
let http: ApiClient;

beforeAll(async () => {
    emulator = await startEmulator({ retryAfterSeconds: 0 });
    http = createApiClient({
        api: "graph",
        baseUrl: `${emulator.url}/beta`,
        getToken: async () => emulator.admin.issueToken({ audience: "https://graph.microsoft.com" }),
    });
});
afterAll(async () => {
    await emulator.stop();
});
beforeEach(() => {
    emulator.reset();
});

describe("directory alerts client over the emulator", () => {
    test("lists every configuration id across pages, always with the required filter", async () => {
        emulator.admin.setPageSize(2);
        const ids = await createDirectoryAlertsClient(http).listConfigurationIds();
        expect(ids.sort()).toEqual(
            DIRECTORY_ALERT_IDS.map((alertId) => `DirectoryRole_${emulator.tenantId}_${alertId}`).sort(),
        );
        const lists = emulator.admin.requests().filter((r) => r.api === "graph");
        expect(lists).toHaveLength(4);
        for (const request of lists) expect(request.status).toBe(200);
    });

    test("without the filter Graph answers 400: the reason the client builds no list without it", async () => {
        await expect(
            http.listAll({ path: "identityGovernance/roleManagementAlerts/alertConfigurations" }),
        ).rejects.toThrow("failed with 400");
    });

    test("the tenant id is the prefix of the listed ids when neither config nor token has one", async () => {
        const client = createDirectoryAlertsClient(http);
        await expect(
            resolveTenantId({
                configured: undefined,
                tokenClaims: async () => undefined,
                listConfigurationIds: () => client.listConfigurationIds(),
            }),
        ).resolves.toBe(emulator.tenantId);
    });

    test("a configuration read back after a PATCH (204, no body) has the new values", async () => {
        const client = createDirectoryAlertsClient(http);
        const ref = { tenantId: emulator.tenantId, alertId: "SequentialActivationRenewalsAlert" } as const;
        await client.patchConfiguration(ref, { isEnabled: false, timeIntervalBetweenActivations: "PT120M" });
        expect((await client.getConfiguration(ref)).values).toEqual({
            isEnabled: false,
            sequentialActivationCounterThreshold: 10,
            timeIntervalBetweenActivations: "PT2H",
        });
    });
});
