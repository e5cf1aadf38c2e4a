import { expect } from "@jest/globals";
// Contract: Microsoft's own Graph clients against the emulator over HTTPS: the Graph beta SDK (Kiota:
// @microsoft/msgraph-beta-sdk's request adapter and generated models, msgraph-sdk-core's PageIterator;
// run in a worker thread, see kiotaWorker.cjs) and @microsoft/microsoft-graph-client. Where a client has
// a defect of its own, the test works around it and names it; the emulator is never bent to it.
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { Client, PageIterator as ClientPageIterator, ResponseType } from "@microsoft/microsoft-graph-client";
import { Agent } from "undici";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";

const SCOPE = "scopeId eq '/' and scopeType eq 'DirectoryRole'";

/** One PATCH per configuration type: `@odata.type`, and values other than the seed. */
const CONFIGURATION_UPDATES: Record<string, { odataType: string; wire: Record<string, unknown> }> = {
    InvalidLicenseAlert: { odataType: "invalidLicenseAlertConfiguration", wire: { isEnabled: false } },
    NoMfaOnRoleActivationAlert: { odataType: "noMfaOnRoleActivationAlertConfiguration", wire: { isEnabled: false } },
    RedundantAssignmentAlert: {
        odataType: "redundantAssignmentAlertConfiguration",
        wire: { isEnabled: true, duration: "P45D" },
    },
    RolesAssignedOutsidePimAlert: {
        odataType: "rolesAssignedOutsidePrivilegedIdentityManagementAlertConfiguration",
        wire: { isEnabled: false },
    },
    SequentialActivationRenewalsAlert: {
        odataType: "sequentialActivationRenewalsAlertConfiguration",
        wire: { isEnabled: true, sequentialActivationCounterThreshold: 5, timeIntervalBetweenActivations: "PT2H" },
    },
    StaleSignInAlert: { odataType: "staleSignInAlertConfiguration", wire: { isEnabled: true, duration: "P60D" } },
    TooManyGlobalAdminsAssignedToTenantAlert: {
        odataType: "tooManyGlobalAdminsAssignedToTenantAlertConfiguration",
        wire: { isEnabled: true, globalAdminCountThreshold: 4, percentageOfGlobalAdminsOutOfRolesThreshold: 20 },
    },
};

let emulator: Emulator;
let agent: Agent;
let client: Client;
let kiota: Worker;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
let nextId = 0;

/** One Kiota call in the worker; rejects with `{ status, code, message }` when the SDK raises an ODataError. */
function sdk<T>(call: Record<string, unknown>): Promise<T> {
    const id = (nextId += 1);
    return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        kiota.postMessage({ id, call });
    });
}

beforeAll(async () => {
    emulator = await startEmulator({ https: true, retryAfterSeconds: 0 });
    const ca = emulator.certificate?.certPem ?? "";
    const token = emulator.admin.issueToken({ audience: "https://graph.microsoft.com" });
    kiota = new Worker(path.join(__dirname, "kiotaWorker.cjs"), { workerData: { baseUrl: emulator.url, ca, token } });
    kiota.on("message", ({ id, result, error }: { id: number; result?: unknown; error?: unknown }) => {
        const waiter = pending.get(id);
        pending.delete(id);
        if (error === undefined) waiter?.resolve(result);
        else waiter?.reject(error);
    });
    // The emulator's certificate, given to fetch (NODE_EXTRA_CA_CERTS is read only at process start).
    agent = new Agent({ connect: { ca } });
    client = Client.init({
        authProvider: (done) => done(null, token),
        baseUrl: `${emulator.url}/`,
        defaultVersion: "beta",
        customHosts: new Set([new URL(emulator.url).hostname]),
        // Node's fetch takes undici's `dispatcher`; its bundled undici types and the undici package's differ in
        // name only.
        fetchOptions: { dispatcher: agent as unknown as NonNullable<RequestInit["dispatcher"]> },
    });
});
afterEach(() => emulator.reset());
afterAll(async () => {
    await kiota.terminate();
    await agent.close();
    await emulator.stop();
});

const graphId = (suffix: string): string => `DirectoryRole_${emulator.tenantId}_${suffix}`;

describe("Graph beta SDK (Kiota) against the emulator", () => {
    const LIST = "/alerts{?%24count,%24expand,%24filter,%24select,%24top}";
    const ALERT = "/alerts/{unifiedRoleManagementAlert%2Did}{?%24expand,%24select}";
    const alertPath = (suffix: string) => ({ "unifiedRoleManagementAlert%2Did": graphId(suffix) });
    type Model = Record<string, unknown>;

    test("lists the alerts with the documented filter, across pages, with PageIterator", async () => {
        emulator.admin.setPageSize(3);
        const alerts = await sdk<Model[]>({
            op: "iterate",
            method: "GET",
            template: LIST,
            query: { "%24filter": SCOPE },
            factory: "createUnifiedRoleManagementAlertCollectionResponseFromDiscriminatorValue",
        });
        expect(new Set(alerts.map((alert) => alert["id"])).size).toBe(7);
    });

    test("the list-alerts page's example 2 (alertConfiguration/isEnabled eq false, $expand=*) parses into derived types", async () => {
        emulator.admin.graph.setConfiguration("StaleSignInAlert", { isEnabled: false });
        const page = await sdk<{ value: Model[] }>({
            op: "send",
            method: "GET",
            template: LIST,
            query: { "%24filter": `${SCOPE} and alertConfiguration/isEnabled eq false`, "%24expand": ["*"] },
            factory: "createUnifiedRoleManagementAlertCollectionResponseFromDiscriminatorValue",
        });
        expect(page.value).toHaveLength(1);
        expect(page.value[0]).toMatchObject({
            id: graphId("StaleSignInAlert"),
            alertConfiguration: {
                odataType: "#microsoft.graph.staleSignInAlertConfiguration",
                isEnabled: false,
                duration: "P30D",
            },
            alertDefinition: { severityLevel: "medium" },
            alertIncidents: [
                expect.objectContaining({
                    odataType: "#microsoft.graph.staleSignInAlertIncident",
                    lastSignInDateTime: expect.any(String),
                }),
            ],
        });
    });

    test("gets an alert with $expand=alertIncidents; filters its incidents by id; counts them", async () => {
        const path = alertPath("TooManyGlobalAdminsAssignedToTenantAlert");
        const alert = await sdk<Model & { alertIncidents: Model[] }>({
            op: "send",
            method: "GET",
            template: ALERT,
            path,
            query: { "%24expand": ["alertIncidents"] },
            factory: "createUnifiedRoleManagementAlertFromDiscriminatorValue",
        });
        expect(alert["incidentCount"]).toBe(4);
        expect(alert.alertIncidents.map((incident) => incident["assigneeUserPrincipalName"])).toContain(
            "adelev@contoso.example",
        );
        const first = alert.alertIncidents[0]?.["id"];
        const filtered = await sdk<{ value: Model[] }>({
            op: "send",
            method: "GET",
            template: "/alerts/{unifiedRoleManagementAlert%2Did}/alertIncidents{?%24filter,%24top}",
            path,
            query: { "%24filter": `id eq '${String(first)}'` },
            factory: "createUnifiedRoleManagementAlertIncidentCollectionResponseFromDiscriminatorValue",
        });
        expect(filtered.value.map((incident) => incident["id"])).toEqual([first]);
        expect(
            await sdk({
                op: "count",
                method: "GET",
                template: "/alerts/{unifiedRoleManagementAlert%2Did}/alertIncidents/$count",
                path,
            }),
        ).toBe(4);
    });

    test.each(Object.entries(CONFIGURATION_UPDATES))(
        "updates the %s configuration through the SDK's serializer",
        async (suffix, { odataType, wire }) => {
            const template = "/alertConfigurations/{unifiedRoleManagementAlertConfiguration%2Did}";
            const path = { "unifiedRoleManagementAlertConfiguration%2Did": graphId(suffix) };
            await sdk({
                op: "write",
                method: "PATCH",
                template,
                path,
                body: { odataType: `#microsoft.graph.${odataType}`, ...wire },
                durations: Object.keys(wire).filter((name) => typeof wire[name] === "string"),
                // SDK defect: serializeUnifiedRoleManagementAlertConfiguration hands a derived type to its own
                // serializer with isSerializingDerivedType = true, which returns at once, so the derived
                // type's properties (duration, thresholds) are dropped. The derived serializer, called
                // directly, writes them all.
                serializer: `serialize${odataType.charAt(0).toUpperCase()}${odataType.slice(1)}`,
            });
            expect(emulator.admin.graph.configuration(suffix)).toEqual(wire);
            const read = await sdk<Model>({
                op: "send",
                method: "GET",
                template,
                path,
                factory: "createUnifiedRoleManagementAlertConfigurationFromDiscriminatorValue",
            });
            expect(read).toMatchObject({ odataType: `#microsoft.graph.${odataType}`, ...wire });
        },
    );

    test("dismisses an alert, refreshes it (Location read with HeadersInspectionOptions, operation polled), remediates an incident", async () => {
        const path = alertPath("StaleSignInAlert");
        await sdk({
            op: "write",
            method: "PATCH",
            template: ALERT,
            path,
            body: { isActive: false },
            serializer: "serializeUnifiedRoleManagementAlert",
        });
        expect(emulator.admin.graph.alert("StaleSignInAlert").isActive).toBe(false);
        // The SDK's refresh builders send no response content and so drop the Location; Kiota's headers
        // inspection option (used in the worker) is its way to read it.
        const { location } = await sdk<{ location: string }>({
            op: "write",
            method: "POST",
            template: "/alerts/{unifiedRoleManagementAlert%2Did}/refresh",
            path,
        });
        const operationId = decodeURIComponent(location.split("/operations/")[1] ?? "");
        expect(operationId).toBe(`refresh:${graphId("StaleSignInAlert")}`);
        const statuses: unknown[] = [];
        for (let poll = 0; poll < 5 && statuses.at(-1) !== "succeeded"; poll += 1) {
            const operation = await sdk<Model>({
                op: "send",
                method: "GET",
                template: "/operations/{longRunningOperation%2Did}",
                path: { "longRunningOperation%2Did": operationId },
                factory: "createLongRunningOperationFromDiscriminatorValue",
            });
            statuses.push(operation["status"]);
        }
        expect(statuses).toEqual(["running", "succeeded"]);
        expect(emulator.admin.graph.alert("StaleSignInAlert").isActive).toBe(true);
        const incidentId = emulator.admin.graph.alert("StaleSignInAlert").incidentIds[0] ?? "";
        const remediate =
            "/alerts/{unifiedRoleManagementAlert%2Did}/alertIncidents/{unifiedRoleManagementAlertIncident%2Did}/remediate";
        await sdk({
            op: "write",
            method: "POST",
            template: remediate,
            path: { ...path, "unifiedRoleManagementAlertIncident%2Did": incidentId },
        });
        expect(emulator.admin.graph.alert("StaleSignInAlert").incidentIds).toEqual([]);
    });

    test("an unsupported filter is a 400 the SDK raises as an ODataError with Graph's code", async () => {
        const failure = sdk({
            op: "send",
            method: "GET",
            template: LIST,
            query: { "%24filter": `${SCOPE} and isActive eq true` },
            factory: "createUnifiedRoleManagementAlertCollectionResponseFromDiscriminatorValue",
        });
        await expect(failure).rejects.toMatchObject({ status: 400, code: "Request_UnsupportedQuery" });
    });
});

describe("@microsoft/microsoft-graph-client against the emulator", () => {
    const ROOT = "/identityGovernance/roleManagementAlerts";

    test("lists with filters, $select, $count and paging (PageIterator)", async () => {
        emulator.admin.setPageSize(2);
        const first = (await client
            .api(`${ROOT}/alertDefinitions`)
            .filter(SCOPE)
            .select(["id", "isRemediatable"])
            .count(true)
            .get()) as {
            "@odata.count": number;
            value: Array<Record<string, unknown>>;
        };
        expect(first["@odata.count"]).toBe(7);
        expect(Object.keys(first.value[0] ?? {}).sort()).toEqual(["id", "isRemediatable"]);
        const ids: unknown[] = [];
        await new ClientPageIterator(
            client,
            first,
            (item: Record<string, unknown>) => (ids.push(item["id"]), true),
        ).iterate();
        expect(ids).toHaveLength(7);
        const one = (await client
            .api(`${ROOT}/alertConfigurations`)
            .filter(`${SCOPE} and alertDefinitionId eq '${graphId("StaleSignInAlert")}'`)
            .expand("alertDefinition")
            .get()) as {
            value: Array<Record<string, unknown>>;
        };
        expect(one.value).toEqual([
            expect.objectContaining({
                "@odata.type": "#microsoft.graph.staleSignInAlertConfiguration",
                alertDefinition: expect.any(Object),
            }),
        ]);
    });

    test("gets an alert with $expand, PATCHes every configuration type, dismisses, refreshes and remediates", async () => {
        const alert = (await client
            .api(`${ROOT}/alerts/${graphId("RolesAssignedOutsidePimAlert")}`)
            .expand(["alertConfiguration", "alertIncidents"])
            .get()) as Record<string, unknown>;
        expect(alert).toMatchObject({
            incidentCount: 1,
            alertConfiguration: {
                "@odata.type": "#microsoft.graph.rolesAssignedOutsidePrivilegedIdentityManagementAlertConfiguration",
            },
        });
        for (const [suffix, { odataType, wire }] of Object.entries(CONFIGURATION_UPDATES)) {
            await client
                .api(`${ROOT}/alertConfigurations/${graphId(suffix)}`)
                .patch({ "@odata.type": `#microsoft.graph.${odataType}`, ...wire });
            expect(emulator.admin.graph.configuration(suffix)).toEqual(wire);
        }
        // StaleSignInAlert stays enabled above: a refresh does not rescan a disabled alert.
        await client.api(`${ROOT}/alerts/${graphId("StaleSignInAlert")}`).patch({ isActive: false });
        expect(emulator.admin.graph.alert("StaleSignInAlert").isActive).toBe(false);

        const accepted = (await client
            .api(`${ROOT}/alerts/refresh`)
            .responseType(ResponseType.RAW)
            .post({ scopeId: "/", scopeType: "DirectoryRole" })) as Response;
        expect(accepted.status).toBe(202);
        const location = accepted.headers.get("location") ?? "";
        const statuses: unknown[] = [];
        for (let poll = 0; poll < 5 && statuses.at(-1) !== "succeeded"; poll += 1)
            statuses.push(((await client.api(location).get()) as { status: string }).status);
        expect(statuses).toEqual(["running", "succeeded"]);
        expect(emulator.admin.graph.alert("StaleSignInAlert").isActive).toBe(true);

        const incidentId = emulator.admin.graph.alert("StaleSignInAlert").incidentIds[0] ?? "";
        await client
            .api(`${ROOT}/alerts/${graphId("StaleSignInAlert")}/alertIncidents/${incidentId}/remediate`)
            .post(undefined);
        expect(emulator.admin.graph.alert("StaleSignInAlert").incidentCount).toBe(0);
    });
});
