import { expect } from "@jest/globals";
import { request } from "node:http";
import { API, PROVIDER, send, SUBSCRIPTION, useEmulator } from "./support";

const emulator = useEmulator();

async function admin(method: string, route: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const init: RequestInit = { method, headers: method === "GET" ? {} : { "content-type": "application/json" } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await fetch(`${emulator().url}/_emulator/${route}`, init);
    return { status: response.status, json: await response.json() };
}

describe("admin HTTP API", () => {
    test("drift on a configuration bypasses value validation and shows in GET", async () => {
        const body = {
            scope: `/${SUBSCRIPTION}`,
            alertId: "TooManyOwnersAssignedToResource",
            properties: { thresholdNumberOfOwners: 999, isEnabled: false },
        };
        expect(await admin("POST", "arm/configurations", body)).toEqual({ status: 200, json: { ok: true } });
        const response = await send(
            emulator(),
            "GET",
            `${PROVIDER}/roleManagementAlertConfigurations/TooManyOwnersAssignedToResource${API}`,
        );
        expect(response.json).toMatchObject({
            properties: {
                isEnabled: false,
                thresholdNumberOfOwners: 999,
                thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,
            },
        });
        const read = await admin(
            "GET",
            `arm/configurations?scope=${SUBSCRIPTION}&alertId=TooManyOwnersAssignedToResource`,
        );
        expect(read.json).toMatchObject({ thresholdNumberOfOwners: 999 });
    });

    test("drift still checks property names", async () => {
        const response = await admin("POST", "arm/configurations", {
            scope: SUBSCRIPTION,
            alertId: "DuplicateRoleCreated",
            properties: { thresholdNumberOfOwners: 1 },
        });
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({
            error: { code: "InvalidAdminRequest", message: expect.stringContaining("thresholdNumberOfOwners") },
        });
    });

    test("drift on an alert's isActive, and raising an incident", async () => {
        await admin("POST", "arm/alerts", { scope: SUBSCRIPTION, alertId: "DuplicateRoleCreated", isActive: false });
        expect(
            (await admin("GET", `arm/alerts?scope=${SUBSCRIPTION}&alertId=DuplicateRoleCreated`)).json,
        ).toMatchObject({ isActive: false, incidentCount: 1 });
        const raised = await admin("POST", "arm/incidents", { scope: SUBSCRIPTION, alertId: "DuplicateRoleCreated" });
        const incidentId = (raised.json as { incidentId: string }).incidentId;
        const alert = await send(emulator(), "GET", `${PROVIDER}/roleManagementAlerts/DuplicateRoleCreated${API}`);
        expect(alert.json).toMatchObject({ properties: { isActive: true, incidentCount: 2 } });
        const incident = await send(
            emulator(),
            "GET",
            `${PROVIDER}/roleManagementAlerts/DuplicateRoleCreated/alertIncidents/${incidentId}${API}`,
        );
        expect(incident.json).toMatchObject({
            name: incidentId,
            properties: { alertIncidentType: "DuplicateRoleCreatedAlertIncident" },
        });
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
        const location =
            (await send(emulator(), "POST", `${PROVIDER}/roleManagementAlerts/refresh${API}`)).headers.get(
                "location",
            ) ?? "";
        expect((await send(emulator(), "GET", location)).json).toMatchObject({ status: "Failed" });
    });

    test("read-only principal, issued token and request log", async () => {
        const token = (
            (await admin("POST", "tokens", { objectId: "99999999-0000-4000-8000-000000000000" })).json as {
                access_token: string;
            }
        ).access_token;
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
        expect(
            (await admin("POST", "arm/alerts", { scope: "tenants/x", alertId: "DuplicateRoleCreated", isActive: true }))
                .status,
        ).toBe(400);
    });
});

/** A raw HTTP request, with a Host and Content-Type of the test's choosing (fetch sets Host itself). */
function raw(
    method: string,
    route: string,
    headers: Record<string, string>,
    body = "",
): Promise<{ status: number; json: unknown }> {
    return new Promise((resolve, reject) => {
        const req = request(
            { host: "127.0.0.1", port: emulator().port, method, path: `/_emulator/${route}`, headers },
            (res) => {
                let text = "";
                res.setEncoding("utf8");
                res.on("data", (chunk: string) => (text += chunk));
                res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
            },
        );
        req.on("error", reject);
        req.end(body);
    });
}

describe("admin HTTP API: only loopback callers and JSON writes (a web page cannot drive it)", () => {
    test("a DNS-rebinding Host is refused with 403, before the route runs", async () => {
        const response = await raw(
            "POST",
            "tokens",
            { host: `attacker.example:${emulator().port}`, "content-type": "application/json" },
            "{}",
        );
        expect(response).toEqual({
            status: 403,
            json: {
                error: {
                    code: "AdminHostNotAllowed",
                    message: expect.stringContaining(`got 'attacker.example:${emulator().port}'`),
                },
            },
        });
        expect((await raw("GET", "environment", { host: "pim.attacker.example" })).status).toBe(403);
    });

    test("a simple cross-site form POST (text/plain, no preflight) is refused with 415 and changes nothing", async () => {
        const body = JSON.stringify({ scope: SUBSCRIPTION, alertId: "DuplicateRoleCreated", isActive: false });
        const response = await raw(
            "POST",
            "arm/alerts",
            { host: `127.0.0.1:${emulator().port}`, "content-type": "text/plain" },
            body,
        );
        expect(response).toEqual({
            status: 415,
            json: {
                error: { code: "AdminContentTypeNotAllowed", message: expect.stringContaining("got 'text/plain'") },
            },
        });
        expect(emulator().admin.alert(SUBSCRIPTION, "DuplicateRoleCreated").isActive).toBe(true);
        expect((await raw("POST", "reset", { host: "localhost" })).status).toBe(415);
        expect(
            (await raw("DELETE", "faults", { host: "localhost", "content-type": "application/x-www-form-urlencoded" }))
                .status,
        ).toBe(415);
    });

    test("loopback Hosts (127.0.0.1, localhost, [::1], with or without port) with JSON are served", async () => {
        for (const host of ["127.0.0.1", `localhost:${emulator().port}`, "[::1]:1"]) {
            expect(
                (await raw("POST", "reset", { host, "content-type": "application/json; charset=utf-8" })).status,
            ).toBe(200);
        }
    });

    test("GET /_emulator/ lists every admin route with what it takes", async () => {
        const listing = (await admin("GET", "")).json as {
            routes: Array<{ method: string; path: string; description: string }>;
            requests: string;
        };
        expect(listing.routes).toContainEqual({
            method: "POST",
            path: "/_emulator/faults",
            description: expect.stringContaining("Injects a fault"),
        });
        expect(listing.routes).toContainEqual({
            method: "GET",
            path: "/_emulator/graph/alerts",
            description: expect.stringContaining("Query: alertId"),
        });
        expect(listing.routes).toHaveLength(27);
        expect(listing.requests).toContain("Content-Type: application/json");
        // Every listed route exists (none answers "No admin route").
        for (const route of listing.routes.filter(
            (entry) => entry.method === "GET" && !entry.description.includes("Query:"),
        )) {
            expect((await fetch(`${emulator().url}${route.path}`)).status).toBe(200);
        }
        expect((await admin("GET", "nothing-here")).json).toMatchObject({
            error: { message: "No admin route 'GET nothing-here'; GET /_emulator/ lists them." },
        });
    });
});
