import { expect } from "@jest/globals";
import { FILTER, graphId, ROOT, sendGraph } from "./graphSupport";
import { useEmulator } from "./support";

const emulator = useEmulator();

async function admin(method: string, route: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${emulator().url}/_emulator/${route}`, {
        method,
        headers: { "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: await response.json() };
}

describe("Graph admin and faults", () => {
    test("drift over HTTP plants any value under a known name; the GET shows it", async () => {
        await admin("POST", "graph/configurations", {
            alertId: "StaleSignInAlert",
            properties: { duration: "P9999D", isEnabled: false },
        });
        const response = await sendGraph(
            emulator(),
            "GET",
            `${ROOT}/alertConfigurations/${graphId(emulator(), "StaleSignInAlert")}`,
        );
        expect(response.json).toMatchObject({ duration: "P9999D", isEnabled: false });
        expect(
            (
                await admin("POST", "graph/configurations", {
                    alertId: "StaleSignInAlert",
                    properties: { globalAdminCountThreshold: 2 },
                })
            ).status,
        ).toBe(400);
        expect(
            (await admin("GET", `graph/configurations?alertId=${graphId(emulator(), "StaleSignInAlert")}`)).json,
        ).toMatchObject({ duration: "P9999D" });
    });

    test("alert drift and raised incidents over HTTP", async () => {
        await admin("POST", "graph/alerts", { alertId: "NoMfaOnRoleActivationAlert", isActive: false });
        expect((await admin("GET", "graph/alerts?alertId=NoMfaOnRoleActivationAlert")).json).toMatchObject({
            isActive: false,
            incidentCount: 1,
        });
        const raised = (
            await admin("POST", "graph/incidents", {
                alertId: "InvalidLicenseAlert",
                properties: { tenantLicenseStatus: "Expired" },
            })
        ).json as {
            incidentId: string;
        };
        const id = graphId(emulator(), "InvalidLicenseAlert");
        const incident = await sendGraph(emulator(), "GET", `${ROOT}/alerts/${id}/alertIncidents/${raised.incidentId}`);
        expect(incident.json).toMatchObject({
            "@odata.type": "#microsoft.graph.invalidLicenseAlertIncident",
            tenantLicenseStatus: "Expired",
        });
        expect((await sendGraph(emulator(), "GET", `${ROOT}/alerts/${id}`)).json).toMatchObject({
            isActive: true,
            incidentCount: 1,
        });
    });

    test("definition flags can be changed", async () => {
        await admin("POST", "graph/definitions", { alertId: "StaleSignInAlert", isRemediatable: false });
        const id = graphId(emulator(), "StaleSignInAlert");
        expect((await sendGraph(emulator(), "GET", `${ROOT}/alertDefinitions/${id}`)).json).toMatchObject({
            isRemediatable: false,
        });
    });

    test("reset restores the Graph seed", () => {
        emulator().admin.graph.setConfiguration("TooManyGlobalAdminsAssignedToTenantAlert", {
            globalAdminCountThreshold: 50,
        });
        emulator().reset();
        expect(emulator().admin.graph.configuration("TooManyGlobalAdminsAssignedToTenantAlert")).toMatchObject({
            globalAdminCountThreshold: 3,
        });
    });

    test("a fault on a Graph path answers in Graph's error shape", async () => {
        emulator().admin.injectFault({ pathIncludes: "/beta/", status: 503, retryAfterSeconds: 1 });
        const response = await sendGraph(emulator(), "GET", `${ROOT}/alerts${FILTER}`);
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("1");
        expect(response.json).toMatchObject({
            error: { code: "ServiceUnavailable", innerError: { "request-id": response.headers.get("request-id") } },
        });
    });

    test("emptyProperties on Graph keeps only id and @odata.type", async () => {
        emulator().admin.injectFault({ body: "emptyProperties" });
        const response = await sendGraph(
            emulator(),
            "GET",
            `${ROOT}/alertConfigurations/${graphId(emulator(), "StaleSignInAlert")}`,
        );
        expect(response.status).toBe(200);
        expect(response.json).toEqual({
            "@odata.context": expect.any(String),
            "@odata.type": "#microsoft.graph.staleSignInAlertConfiguration",
            id: graphId(emulator(), "StaleSignInAlert"),
        });
    });

    test("the request log tells Graph from ARM and records the Graph audience", async () => {
        await sendGraph(emulator(), "GET", `${ROOT}/alerts${FILTER}`);
        expect(emulator().admin.requests()).toEqual([
            expect.objectContaining({
                api: "graph",
                status: 200,
                audience: "https://graph.microsoft.com",
                query: { $filter: "scopeId eq '/' and scopeType eq 'DirectoryRole'" },
            }),
        ]);
    });
});
