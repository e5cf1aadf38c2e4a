import { expect } from "@jest/globals";
import { ClientSecretCredential, DefaultAzureCredential, ManagedIdentityCredential } from "@azure/identity";
import { MANAGED_IDENTITY_OBJECT_ID } from "../src";
import { API, PROVIDER, send, useEmulator } from "./support";

const emulator = useEmulator();

/** Variables that would steer @azure/identity elsewhere; removed while a test runs. */
const IDENTITY_VARIABLES = [
    "IDENTITY_ENDPOINT",
    "IDENTITY_HEADER",
    "AZURE_TOKEN_CREDENTIALS",
    "AZURE_CLIENT_ID",
    "AZURE_CLIENT_SECRET",
    "AZURE_TENANT_ID",
    "AZURE_FEDERATED_TOKEN_FILE",
    "MSI_ENDPOINT",
    "MSI_SECRET",
    "IMDS_ENDPOINT",
    "AZURE_POD_IDENTITY_AUTHORITY_HOST",
];
let saved: Record<string, string | undefined> = {};

beforeEach(() => {
    saved = Object.fromEntries(IDENTITY_VARIABLES.map((name) => [name, process.env[name]]));
    for (const name of IDENTITY_VARIABLES) delete process.env[name];
    Object.assign(process.env, emulator().tokenEnvironment());
});

afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
});

function claimsOf(token: string): Record<string, unknown> {
    return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("the real @azure/identity against the emulator", () => {
    test("tokenEnvironment() names the App Service MSI endpoint and restricts DefaultAzureCredential to it", () => {
        expect(emulator().tokenEnvironment()).toEqual({
            IDENTITY_ENDPOINT: `${emulator().url}/_emulator/msi/token`,
            IDENTITY_HEADER: expect.stringMatching(/^[0-9a-f]{32}$/),
            AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential",
        });
    });

    test("DefaultAzureCredential gets an ARM token that the ARM API accepts", async () => {
        const accessToken = await new DefaultAzureCredential().getToken("https://management.azure.com/.default");
        expect(claimsOf(accessToken.token)).toMatchObject({
            aud: "https://management.azure.com",
            tid: emulator().tenantId,
            oid: MANAGED_IDENTITY_OBJECT_ID,
        });
        expect(accessToken.expiresOnTimestamp).toBeGreaterThan(Date.now() + 50 * 60 * 1000);
        const response = await send(emulator(), "GET", `${PROVIDER}/roleManagementAlerts${API}`, {
            token: accessToken.token,
        });
        expect(response.status).toBe(200);
    });

    test("ManagedIdentityCredential gets a Graph token that Graph accepts; the request log counts tokens per audience", async () => {
        emulator().admin.clearRequests();
        const accessToken = await new ManagedIdentityCredential().getToken("https://graph.microsoft.com/.default");
        expect(claimsOf(accessToken.token)).toMatchObject({ aud: "https://graph.microsoft.com" });
        const tokenRequests = emulator()
            .admin.requests()
            .filter((entry) => entry.api === "token");
        expect(tokenRequests).toEqual([
            expect.objectContaining({
                path: "/_emulator/msi/token",
                status: 200,
                audience: "https://graph.microsoft.com",
            }),
        ]);
        const filter = encodeURIComponent("scopeId eq '/' and scopeType eq 'DirectoryRole'");
        const graph = await send(
            emulator(),
            "GET",
            `/beta/identityGovernance/roleManagementAlerts/alerts?$filter=${filter}`,
            { token: accessToken.token },
        );
        expect(graph.status).toBe(200);
    });

    test("a user-assigned identity (clientId) gets tokens with that appid", async () => {
        const clientId = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
        const accessToken = await new ManagedIdentityCredential({ clientId }).getToken(
            "https://management.azure.com/.default",
        );
        expect(claimsOf(accessToken.token)).toMatchObject({ appid: clientId });
    });

    test("the MSI endpoint rejects a wrong X-IDENTITY-HEADER and an unknown resource", async () => {
        // Checked with raw requests: MSAL caches managed-identity tokens process-wide, so a credential
        // would answer from its cache without calling the endpoint.
        const endpoint = emulator().tokenEnvironment()["IDENTITY_ENDPOINT"] ?? "";
        const header = emulator().tokenEnvironment()["IDENTITY_HEADER"] ?? "";
        const wrong = await fetch(`${endpoint}?resource=https://management.azure.com&api-version=2019-08-01`, {
            headers: { "x-identity-header": "wrong" },
        });
        expect(wrong.status).toBe(401);
        const unknown = await fetch(`${endpoint}?resource=https://vault.azure.net&api-version=2019-08-01`, {
            headers: { "x-identity-header": header },
        });
        expect(unknown.status).toBe(400);
        expect(await unknown.json()).toMatchObject({ error: "invalid_resource" });
    });

    test("ClientSecretCredential refuses an http authorityHost (documented limitation of @azure/identity)", () => {
        const create = (): ClientSecretCredential =>
            new ClientSecretCredential(emulator().tenantId, "app", "secret", {
                authorityHost: emulator().url,
                disableInstanceDiscovery: true,
            });
        expect(create).toThrow("The authorityHost address must use the 'https' protocol.");
    });
});

describe("Entra endpoints for plain-HTTP client-credentials clients", () => {
    async function tokenRequest(form: Record<string, string>): Promise<Response> {
        const configuration = (await (
            await fetch(`${emulator().url}/${emulator().tenantId}/v2.0/.well-known/openid-configuration`)
        ).json()) as {
            token_endpoint: string;
        };
        return fetch(configuration.token_endpoint, { method: "POST", body: new URLSearchParams(form) });
    }

    const form = (secret: string): Record<string, string> => ({
        grant_type: "client_credentials",
        client_id: "app-1",
        client_secret: secret,
        scope: "https://management.azure.com/.default",
    });

    test("a registered client gets a token the ARM API accepts; the log holds no secret", async () => {
        emulator().admin.registerClient({ clientId: "app-1", clientSecret: "s3cr3t-value" });
        const response = await tokenRequest(form("s3cr3t-value"));
        expect(response.status).toBe(200);
        const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
        expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
        expect(claimsOf(body.access_token)).toMatchObject({ appid: "app-1" });
        expect(
            (await send(emulator(), "GET", `${PROVIDER}/roleManagementAlerts${API}`, { token: body.access_token }))
                .status,
        ).toBe(200);
        expect(JSON.stringify(emulator().admin.requests())).not.toContain("s3cr3t-value");
    });

    test("a wrong secret answers 401 invalid_client, an unknown client 400 unauthorized_client", async () => {
        emulator().admin.registerClient({ clientId: "app-1", clientSecret: "right" });
        const wrong = await tokenRequest(form("wrong"));
        expect(wrong.status).toBe(401);
        expect(await wrong.json()).toMatchObject({ error: "invalid_client", error_codes: [7000215] });
        const unknown = await tokenRequest({ ...form("x"), client_id: "nobody" });
        expect(unknown.status).toBe(400);
        expect(await unknown.json()).toMatchObject({ error: "unauthorized_client" });
    });
});
