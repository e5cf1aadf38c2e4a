import { API, PROVIDER, send, SUBSCRIPTION, useEmulator } from "./support";

const emulator = useEmulator();

async function admin(method: string, route: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const init: RequestInit = { method };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await fetch(`${emulator().url}/_emulator/${route}`, init);
    return { status: response.status, json: await response.json() };
}

describe("admin HTTP API", () => {
    test("drift on a configuration bypasses value validation and shows in GET", async () => {
        const body = { scope: `/${SUBSCRIPTION}`, alertId: "TooManyOwnersAssignedToResource", properties: { thresholdNumberOfOwners: 999, isEnabled: false } };
        expect(await admin("POST", "arm/configurations", body)).toEqual({ status: 200, json: { ok: true } });
        const response = await send(emulator(), "GET", `${PROVIDER}/roleManagementAlertConfigurations/TooManyOwnersAssignedToResource${API}`);
        expect(response.json).toMatchObject({
            properties: { isEnabled: false, thresholdNumberOfOwners: 999, thresholdPercentageOfOwnersOutOfAllRoleMembers: 3 },
        });
        const read = await admin("GET", `arm/configurations?scope=${SUBSCRIPTION}&alertId=TooManyOwnersAssignedToResource`);
        expect(read.json).toMatchObject({ thresholdNumberOfOwners: 999 });
    });

    test("drift still checks property names", async () => {
        const response = await admin("POST", "arm/configurations", {
            scope: SUBSCRIPTION,
            alertId: "DuplicateRoleCreated",
            properties: { thresholdNumberOfOwners: 1 },
        });
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({ error: { code: "InvalidAdminRequest", message: expect.stringContaining("thresholdNumberOfOwners") } });
    });

    test("drift on an alert's isActive, and raising an incident", async () => {
        await admin("POST", "arm/alerts", { scope: SUBSCRIPTION, alertId: "DuplicateRoleCreated", isActive: false });
        expect((await admin("GET", `arm/alerts?scope=${SUBSCRIPTION}&alertId=DuplicateRoleCreated`)).json).toMatchObject({ isActive: false, incidentCount: 1 });
        const raised = await admin("POST", "arm/incidents", { scope: SUBSCRIPTION, alertId: "DuplicateRoleCreated" });
        const incidentId = (raised.json as { incidentId: string }).incidentId;
        const alert = await send(emulator(), "GET", `${PROVIDER}/roleManagementAlerts/DuplicateRoleCreated${API}`);
        expect(alert.json).toMatchObject({ properties: { isActive: true, incidentCount: 2 } });
        const incident = await send(emulator(), "GET", `${PROVIDER}/roleManagementAlerts/DuplicateRoleCreated/alertIncidents/${incidentId}${API}`);
        expect(incident.json).toMatchObject({ name: incidentId, properties: { alertIncidentType: "DuplicateRoleCreatedAlertIncident" } });
    });

    test("faults: inject, list, clear; invalid specs are rejected", async () => {
        const injected = await admin("POST", "faults", { status: 500, times: 3, pathIncludes: "roleManagementAlerts" });
        expect(injected.json).toEqual({ id: expect.any(String) });
        expect((await admin("GET", "faults")).json).toMatchObject({ value: [{ status: 500, remaining: 3 }] });
        await admin("DELETE", "faults");
        expect((await admin("GET", "faults")).json).toEqual({ value: [] });
        expect((await admin("POST", "faults", { status: "500" })).status).toBe(400);
        expect((await admin("POST", "faults", { body: "xml" })).status).toBe(400);
        expect((await admin("POST", "faults", { statsu: 500 })).status).toBe(400);
    });

    test("page size, latency, operation behaviour and fail-next", async () => {
        await admin("POST", "page-size", { pageSize: 2 });
        const page = await send(emulator(), "GET", `${PROVIDER}/roleManagementAlerts${API}`);
        expect((page.json as { value: unknown[]; nextLink: string }).value).toHaveLength(2);
        expect((await admin("POST", "page-size", { pageSize: 0 })).status).toBe(400);
        expect((await admin("POST", "latency", { latencyMs: 0 })).status).toBe(200);
        expect((await admin("POST", "operations/behaviour", { pollsUntilDone: 0 })).status).toBe(200);
        await admin("POST", "operations/fail-next");
        const location = (await send(emulator(), "POST", `${PROVIDER}/roleManagementAlerts/refresh${API}`)).headers.get("location") ?? "";
        expect((await send(emulator(), "GET", location)).json).toMatchObject({ status: "Failed" });
    });

    test("read-only principal, issued token and request log", async () => {
        const token = ((await admin("POST", "tokens", { objectId: "99999999-0000-4000-8000-000000000000" })).json as { access_token: string }).access_token;
        await admin("POST", "principals/read-only", { principalId: "99999999-0000-4000-8000-000000000000" });
        const denied = await send(emulator(), "PATCH", `${PROVIDER}/roleManagementAlerts/DuplicateRoleCreated${API}`, {
            token,
            body: { properties: { isActive: false } },
        });
        expect(denied.status).toBe(403);
        const log = (await admin("GET", "requests")).json as { value: Array<{ status: number }> };
        expect(log.value.map((entry) => entry.status)).toEqual([403]);
        await admin("DELETE", "requests");
        expect((await admin("GET", "requests")).json).toEqual({ value: [] });
    });

    test("reset restores the seed data", async () => {
        await admin("POST", "arm/alerts", { scope: SUBSCRIPTION, alertId: "DuplicateRoleCreated", isActive: false });
        await admin("POST", "reset");
        expect(emulator().admin.alert(SUBSCRIPTION, "DuplicateRoleCreated").isActive).toBe(true);
    });

    test("environment, health and unknown routes", async () => {
        expect((await admin("GET", "environment")).json).toEqual(emulator().tokenEnvironment());
        expect(await admin("GET", "health")).toEqual({ status: 200, json: { ok: true } });
        expect((await admin("POST", "nothing-here")).status).toBe(404);
        expect((await admin("POST", "arm/alerts", { scope: "tenants/x", alertId: "DuplicateRoleCreated", isActive: true })).status).toBe(400);
    });
});
