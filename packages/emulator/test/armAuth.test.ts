import { expect } from "@jest/globals";
import { MANAGED_IDENTITY_OBJECT_ID } from "../src";
import { API, PROVIDER, send, SUBSCRIPTION, useEmulator } from "./support";

const emulator = useEmulator();
const CONFIGURATIONS = `${PROVIDER}/roleManagementAlertConfigurations${API}`;
const DUPLICATE = `${PROVIDER}/roleManagementAlertConfigurations/DuplicateRoleCreated${API}`;
const PATCH_BODY = {
    properties: { alertConfigurationType: "DuplicateRoleCreatedAlertConfiguration", isEnabled: false },
};

describe("authentication", () => {
    test("no Authorization header: 401 AuthenticationFailed with a WWW-Authenticate challenge", async () => {
        const response = await send(emulator(), "GET", CONFIGURATIONS, { token: null });
        expect(response.status).toBe(401);
        expect(response.json).toMatchObject({ error: { code: "AuthenticationFailed" } });
        expect(response.headers.get("www-authenticate")).toMatch(
            /^Bearer authorization_uri="http:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+", error="invalid_token"/,
        );
    });

    test("a header that is not Bearer: 401 AuthenticationFailed", async () => {
        const response = await send(emulator(), "GET", CONFIGURATIONS, {
            token: null,
            headers: { authorization: "Basic dXNlcjpwYXNz" },
        });
        expect(response.json).toMatchObject({ error: { code: "AuthenticationFailed" } });
    });

    test.each([
        [
            "a token the emulator did not issue",
            "eyJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0.x",
        ],
        ["garbage", "not-a-token"],
    ])("%s: 401 InvalidAuthenticationToken", async (_what, token) => {
        const response = await send(emulator(), "GET", CONFIGURATIONS, { token });
        expect(response.status).toBe(401);
        expect(response.json).toEqual({
            error: { code: "InvalidAuthenticationToken", message: "The access token is invalid." },
        });
    });

    test("an expired token: 401 InvalidAuthenticationToken", async () => {
        const token = emulator().admin.issueToken({ lifetimeSeconds: -60 });
        const response = await send(emulator(), "GET", CONFIGURATIONS, { token });
        expect(response.json).toEqual({
            error: { code: "InvalidAuthenticationToken", message: "The access token expired." },
        });
    });

    test("a Graph token on ARM: 401 InvalidAuthenticationTokenAudience naming the audience", async () => {
        const token = emulator().admin.issueToken({ audience: "https://graph.microsoft.com/.default" });
        const response = await send(emulator(), "GET", CONFIGURATIONS, { token });
        expect(response.status).toBe(401);
        expect(response.json).toMatchObject({
            error: {
                code: "InvalidAuthenticationTokenAudience",
                message: expect.stringContaining("'https://graph.microsoft.com'"),
            },
        });
    });

    test.each([
        "https://management.core.windows.net/",
        "https://management.chinacloudapi.cn",
        "https://management.usgovcloudapi.net",
    ])("a token for %s is accepted", async (audience) => {
        const response = await send(emulator(), "GET", CONFIGURATIONS, {
            token: emulator().admin.issueToken({ audience }),
        });
        expect(response.status).toBe(200);
    });
});

describe("api-version", () => {
    test("missing: 400 MissingApiVersionParameter", async () => {
        const response = await send(emulator(), "GET", `${PROVIDER}/roleManagementAlerts`);
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({ error: { code: "MissingApiVersionParameter" } });
    });

    test("another version (the one in the examples' Location header): 400 InvalidApiVersionParameter", async () => {
        const response = await send(
            emulator(),
            "GET",
            `${PROVIDER}/roleManagementAlerts?api-version=2022-04-01-preview`,
        );
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({
            error: { code: "InvalidApiVersionParameter", message: expect.stringContaining("'2022-08-01-preview'") },
        });
    });
});

describe("authorization of a read-only principal", () => {
    test("reads succeed, PATCH answers 403 AuthorizationFailed with ARM's message", async () => {
        emulator().admin.setReadOnly(MANAGED_IDENTITY_OBJECT_ID);
        expect((await send(emulator(), "GET", DUPLICATE)).status).toBe(200);
        const response = await send(emulator(), "PATCH", DUPLICATE, { body: PATCH_BODY });
        expect(response.status).toBe(403);
        expect(response.json).toEqual({
            error: {
                code: "AuthorizationFailed",
                message: expect.stringContaining(
                    `The client '${MANAGED_IDENTITY_OBJECT_ID}' with object id '${MANAGED_IDENTITY_OBJECT_ID}' does not have authorization to perform action 'Microsoft.Authorization/roleManagementAlertConfigurations/write' over scope '/${SUBSCRIPTION}' or the scope is invalid.`,
                ),
            },
        });
        expect(emulator().admin.configuration(SUBSCRIPTION, "DuplicateRoleCreated")).toEqual({ isEnabled: true });
    });

    test.each([
        ["PATCH", "roleManagementAlerts/DuplicateRoleCreated", "Microsoft.Authorization/roleManagementAlerts/write"],
        ["POST", "roleManagementAlerts/refresh", "Microsoft.Authorization/roleManagementAlerts/refresh/action"],
        [
            "POST",
            "roleManagementAlerts/DuplicateRoleCreated/refresh",
            "Microsoft.Authorization/roleManagementAlerts/refresh/action",
        ],
        [
            "POST",
            "roleManagementAlerts/DuplicateRoleCreated/alertIncidents/0645231d-16ba-4ebf-851a-0875df4052bd/remediate",
            "Microsoft.Authorization/roleManagementAlerts/alertIncidents/remediate/action",
        ],
    ])("%s %s is denied with action %s", async (method, relative, action) => {
        emulator().admin.setReadOnly("ci-app", true);
        const token = emulator().admin.issueToken({
            appId: "ci-app",
            objectId: "11111111-2222-3333-4444-555555555555",
        });
        const response = await send(emulator(), method, `${PROVIDER}/${relative}${API}`, {
            token,
            body: { properties: { isActive: false } },
        });
        expect(response.status).toBe(403);
        expect(response.json).toMatchObject({ error: { message: expect.stringContaining(`'${action}'`) } });
    });

    test("setReadOnly(id, false) lifts the restriction", async () => {
        emulator().admin.setReadOnly(MANAGED_IDENTITY_OBJECT_ID);
        emulator().admin.setReadOnly(MANAGED_IDENTITY_OBJECT_ID, false);
        expect((await send(emulator(), "PATCH", DUPLICATE, { body: PATCH_BODY })).status).toBe(204);
    });
});

describe("request ids", () => {
    test("every response, errors included, carries x-ms-request-id and x-ms-correlation-request-id", async () => {
        for (const response of [
            await send(emulator(), "GET", CONFIGURATIONS),
            await send(emulator(), "GET", CONFIGURATIONS, { token: null }),
        ]) {
            expect(response.headers.get("x-ms-request-id")).toMatch(/^[0-9a-f-]{36}$/);
            expect(response.headers.get("x-ms-correlation-request-id")).toMatch(/^[0-9a-f-]{36}$/);
        }
    });

    test("a correlation id sent by the client is echoed", async () => {
        const correlation = "7f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";
        const response = await send(emulator(), "GET", CONFIGURATIONS, {
            headers: { "x-ms-correlation-request-id": correlation },
        });
        expect(response.headers.get("x-ms-correlation-request-id")).toBe(correlation);
    });
});
