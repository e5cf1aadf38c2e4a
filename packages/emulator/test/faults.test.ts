import { expect } from "@jest/globals";
import { API, PROVIDER, send, useEmulator } from "./support";

const emulator = useEmulator();
const CONFIGURATIONS = `${PROVIDER}/roleManagementAlertConfigurations${API}`;

describe("injected faults", () => {
    test("503 with Retry-After answers `times` requests, then the API answers again", async () => {
        emulator().admin.injectFault({ status: 503, retryAfterSeconds: 2, times: 2 });
        for (let i = 0; i < 2; i += 1) {
            const response = await send(emulator(), "GET", CONFIGURATIONS);
            expect(response.status).toBe(503);
            expect(response.headers.get("retry-after")).toBe("2");
            expect(response.json).toEqual({ error: { code: "ServiceUnavailable", message: expect.any(String) } });
            expect(response.headers.get("x-ms-request-id")).not.toBeNull();
        }
        expect((await send(emulator(), "GET", CONFIGURATIONS)).status).toBe(200);
        expect(emulator().admin.faults()).toEqual([]);
    });

    test("method and pathIncludes restrict what a fault hits", async () => {
        emulator().admin.injectFault({
            method: "PATCH",
            pathIncludes: "roleManagementAlertConfigurations/DuplicateRoleCreated",
            status: 429,
        });
        expect(
            (await send(emulator(), "GET", `${PROVIDER}/roleManagementAlertConfigurations/DuplicateRoleCreated${API}`))
                .status,
        ).toBe(200);
        const body = {
            properties: { alertConfigurationType: "DuplicateRoleCreatedAlertConfiguration", isEnabled: false },
        };
        const throttled = await send(
            emulator(),
            "PATCH",
            `${PROVIDER}/roleManagementAlertConfigurations/DuplicateRoleCreated${API}`,
            { body },
        );
        expect(throttled.status).toBe(429);
        expect(throttled.json).toMatchObject({ error: { code: "TooManyRequests" } });
    });

    test("an html body is served as text/html", async () => {
        emulator().admin.injectFault({ status: 502, body: "html" });
        const response = await send(emulator(), "GET", CONFIGURATIONS);
        expect(response.status).toBe(502);
        expect(response.headers.get("content-type")).toMatch(/^text\/html/);
        expect(response.text).toContain("<html>");
    });

    test("malformedJson claims JSON but does not parse", async () => {
        emulator().admin.injectFault({ status: 500, body: "malformedJson" });
        const response = await send(emulator(), "GET", CONFIGURATIONS);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        expect(() => JSON.parse(response.text) as unknown).toThrow();
    });

    test("emptyProperties answers 200 with every properties object emptied", async () => {
        emulator().admin.injectFault({ body: "emptyProperties" });
        const list = await send(emulator(), "GET", CONFIGURATIONS);
        expect(list.status).toBe(200);
        for (const item of (list.json as { value: Array<{ properties: unknown }> }).value)
            expect(item.properties).toEqual({});
    });

    test("resetConnection drops the socket", async () => {
        emulator().admin.injectFault({ resetConnection: true });
        await expect(send(emulator(), "GET", CONFIGURATIONS)).rejects.toThrow();
        expect((await send(emulator(), "GET", CONFIGURATIONS)).status).toBe(200);
    });

    test("hang never answers (the client times out)", async () => {
        emulator().admin.injectFault({ hang: true });
        const pending = fetch(`${emulator().url}${CONFIGURATIONS}`, {
            headers: { authorization: `Bearer ${emulator().admin.issueToken()}` },
            signal: AbortSignal.timeout(200),
        });
        await expect(pending).rejects.toThrow();
    });

    test("latencyMs delays the fault's answer", async () => {
        emulator().admin.injectFault({ status: 500, latencyMs: 150 });
        const started = Date.now();
        await send(emulator(), "GET", CONFIGURATIONS);
        expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    test("setLatency delays every API request", async () => {
        emulator().admin.setLatency(120);
        const started = Date.now();
        expect((await send(emulator(), "GET", CONFIGURATIONS)).status).toBe(200);
        expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    });

    test("clearFaults removes pending faults", async () => {
        emulator().admin.injectFault({ status: 500, times: 5 });
        emulator().admin.clearFaults();
        expect((await send(emulator(), "GET", CONFIGURATIONS)).status).toBe(200);
    });

    test("API faults do not hit token endpoints unless targeted", async () => {
        emulator().admin.injectFault({ status: 500 });
        const env = emulator().tokenEnvironment();
        const tokenUrl = `${env["IDENTITY_ENDPOINT"]}?resource=https://management.azure.com&api-version=2019-08-01`;
        const headers = { "x-identity-header": env["IDENTITY_HEADER"] ?? "" };
        expect((await fetch(tokenUrl, { headers })).status).toBe(200);
        emulator().admin.clearFaults();
        emulator().admin.injectFault({ status: 500, target: "token" });
        expect((await fetch(tokenUrl, { headers })).status).toBe(500);
    });
});

describe("request log", () => {
    test("records method, path, query, status, api and token audience, never the token", async () => {
        const token = emulator().admin.issueToken();
        emulator().admin.clearRequests();
        await send(emulator(), "GET", CONFIGURATIONS, { token });
        await send(emulator(), "GET", CONFIGURATIONS, { token: null });
        const entries = emulator().admin.requests();
        expect(entries).toEqual([
            {
                timestamp: expect.any(String),
                method: "GET",
                path: `${PROVIDER}/roleManagementAlertConfigurations`,
                query: { "api-version": "2022-08-01-preview" },
                status: 200,
                api: "arm",
                audience: "https://management.azure.com",
            },
            expect.objectContaining({ status: 401, api: "arm" }),
        ]);
        expect(JSON.stringify(entries)).not.toContain(token);
    });

    test("marks requests answered by a fault", async () => {
        const faultId = emulator().admin.injectFault({ status: 503 });
        await send(emulator(), "GET", CONFIGURATIONS);
        expect(emulator().admin.requests().at(-1)).toMatchObject({ status: 503, faultId });
    });

    test("admin calls are not logged; clearRequests empties the log", async () => {
        await fetch(`${emulator().url}/_emulator/health`);
        expect(emulator().admin.requests()).toEqual([]);
        await send(emulator(), "GET", CONFIGURATIONS);
        emulator().admin.clearRequests();
        expect(emulator().admin.requests()).toEqual([]);
    });
});
