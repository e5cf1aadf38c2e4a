import { createDirectoryAlertsClient } from "../../../src/graph/alertsClient";
import type { ApiClient, ApiRequest, ApiResponse } from "../../../src/http/apiClient";

const tenantId = "aaaabbbb-0000-1111-2222-ccccddddeeee";
const base = "identityGovernance/roleManagementAlerts";
const stale = { tenantId, alertId: "StaleSignInAlert" } as const;

/** An ApiClient that records requests and answers from a queue. */
function fakeHttp(bodies: unknown[] = []): {
    http: ApiClient;
    sent: ApiRequest[];
    listed: Array<Omit<ApiRequest, "method" | "body">>;
} {
    const sent: ApiRequest[] = [];
    const listed: Array<Omit<ApiRequest, "method" | "body">> = [];
    const http: ApiClient = {
        api: "graph",
        baseUrl: "https://graph.example/beta",
        async send(request): Promise<ApiResponse> {
            sent.push(request);
            return { status: request.method === "PATCH" ? 204 : 200, headers: {}, body: bodies.shift() };
        },
        async listAll(request) {
            listed.push(request);
            return bodies.shift() as unknown[];
        },
        async listPage(request) {
            listed.push(request);
            return { items: bodies.shift() as unknown[], nextLink: undefined };
        },
    };
    return { http, sent, listed };
}

describe("directory alerts client", () => {
    test("GETs a configuration by its Graph id, without a filter", async () => {
        const { http, sent } = fakeHttp([
            {
                id: `DirectoryRole_${tenantId}_StaleSignInAlert`,
                "@odata.type": "#microsoft.graph.staleSignInAlertConfiguration",
                isEnabled: true,
                duration: "P30D",
            },
        ]);
        const configuration = await createDirectoryAlertsClient(http).getConfiguration(stale);
        expect(configuration.values).toEqual({ isEnabled: true, duration: "P30D" });
        expect(sent).toEqual([
            {
                method: "GET",
                path: `${base}/alertConfigurations/DirectoryRole_${tenantId}_StaleSignInAlert`,
                subject: { description: `directory alert configuration StaleSignInAlert in tenant ${tenantId}` },
            },
        ]);
    });

    test("PATCHes a configuration with its @odata.type", async () => {
        const { http, sent } = fakeHttp();
        await createDirectoryAlertsClient(http).patchConfiguration(stale, { isEnabled: true, duration: "P30D" });
        expect(sent[0]).toMatchObject({
            method: "PATCH",
            path: `${base}/alertConfigurations/DirectoryRole_${tenantId}_StaleSignInAlert`,
            body: {
                "@odata.type": "#microsoft.graph.staleSignInAlertConfiguration",
                isEnabled: true,
                duration: "P30D",
            },
        });
    });

    test("every list carries the required filter", async () => {
        const { http, listed } = fakeHttp([
            [{ id: `DirectoryRole_${tenantId}_InvalidLicenseAlert` }, { id: 7 }, "junk"],
        ]);
        expect(await createDirectoryAlertsClient(http).listConfigurationIds()).toEqual([
            `DirectoryRole_${tenantId}_InvalidLicenseAlert`,
        ]);
        expect(listed).toEqual([
            {
                path: `${base}/alertConfigurations`,
                query: { $filter: "scopeId eq '/' and scopeType eq 'DirectoryRole'" },
                subject: { description: "directory-role alert configurations" },
            },
        ]);
    });

    test("dismisses and reactivates an alert with a boolean isActive", async () => {
        const { http, sent } = fakeHttp();
        const client = createDirectoryAlertsClient(http);
        await client.patchAlert({ tenantId, alertId: "NoMfaOnRoleActivationAlert" }, false);
        await client.patchAlert({ tenantId, alertId: "NoMfaOnRoleActivationAlert" }, true);
        expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([
            ["PATCH", `${base}/alerts/DirectoryRole_${tenantId}_NoMfaOnRoleActivationAlert`, { isActive: false }],
            ["PATCH", `${base}/alerts/DirectoryRole_${tenantId}_NoMfaOnRoleActivationAlert`, { isActive: true }],
        ]);
    });

    test("GETs an alert", async () => {
        const { http, sent } = fakeHttp([
            { id: "x", isActive: true, incidentCount: 1, lastScannedDateTime: "2026-01-01T00:00:00Z" },
        ]);
        expect(await createDirectoryAlertsClient(http).getAlert(stale)).toEqual({
            id: "x",
            isActive: true,
            incidentCount: 1,
            lastScannedDateTime: "2026-01-01T00:00:00Z",
        });
        expect(sent[0]?.path).toBe(`${base}/alerts/DirectoryRole_${tenantId}_StaleSignInAlert`);
    });

    test("a 200 with a body that is not a configuration is an UnexpectedResponseError naming the URL", async () => {
        const { http } = fakeHttp(["<html>proxy</html>"]);
        await expect(createDirectoryAlertsClient(http).getConfiguration(stale)).rejects.toThrow(
            `GET https://graph.example/beta/${base}/alertConfigurations/DirectoryRole_${tenantId}_StaleSignInAlert answered 200 with an unexpected body: not an alert configuration`,
        );
    });
});
