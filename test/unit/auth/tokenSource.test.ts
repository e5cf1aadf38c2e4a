import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type { AccessToken, TokenCredential } from "@azure/identity";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { AuthenticationError, InsecureConnectionError } from "../../../src/errors";
import {
    createCredential,
    createTokenSource,
    credentialOptions,
    isKnownAuthorityHost,
    redactSecrets,
} from "../../../src/auth/tokenSource";

function fakeCredential(lifetimeMs: number, tokens: string[] = []): TokenCredential & { calls: string[] } {
    const calls: string[] = [];
    return {
        calls,
        async getToken(scope: string | string[]): Promise<AccessToken> {
            calls.push(String(scope));
            return {
                token: tokens[calls.length - 1] ?? `token-${calls.length}`,
                expiresOnTimestamp: Date.now() + lifetimeMs,
            };
        },
    };
}

describe("token source", () => {
    test("one credential and one token per audience, shared by concurrent callers", async () => {
        let created = 0;
        const credential = fakeCredential(3_600_000);
        const source = createTokenSource(() => (created++, credential));
        const tokens = await Promise.all(
            [1, 2, 3, 4].map(() => source.getToken("https://management.azure.com/.default")),
        );
        await source.getToken("https://graph.microsoft.com/.default");
        await source.getToken("https://management.azure.com/.default");
        expect(new Set(tokens).size).toBe(1);
        expect(created).toBe(1);
        expect(credential.calls).toEqual([
            "https://management.azure.com/.default",
            "https://graph.microsoft.com/.default",
        ]);
        expect([...source.requests]).toEqual([
            ["https://management.azure.com/.default", 1],
            ["https://graph.microsoft.com/.default", 1],
        ]);
    });

    test("renews a token within five minutes of its expiry", async () => {
        const credential = fakeCredential(4 * 60_000);
        const source = createTokenSource(() => credential);
        expect(await source.getToken("a")).toBe("token-1");
        expect(await source.getToken("a")).toBe("token-2");
    });

    test("a refused token request is an InsecureConnectionError naming the audience, with no sign-in advice", async () => {
        const source = createTokenSource(() => ({
            getToken: () =>
                Promise.reject(
                    new InsecureConnectionError(
                        "refusing to send a token request to http://192.0.2.10:8081 through a proxy over plain http",
                    ),
                ),
        }));
        const error = await source.getToken("a").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InsecureConnectionError);
        expect((error as Error).message).toBe(
            "getting an access token for a: refusing to send a token request to http://192.0.2.10:8081 through a proxy over plain http",
        );
    });

    test("a failed sign-in says how to sign in, without the underlying secret", async () => {
        const source = createTokenSource(() => ({
            getToken: async () => {
                throw new Error("AADSTS7000215: Invalid client secret provided.\nTrace ID: ...");
            },
        }));
        const error = await source.getToken("a").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AuthenticationError);
        expect((error as Error).message).toBe(
            "getting an access token for a: AADSTS7000215: Invalid client secret provided. Sign in with `az login`, or give the pipeline an identity " +
                "(AZURE_CLIENT_ID/AZURE_TENANT_ID with a secret, federated token or managed identity), or set pim-alerts:clientId, pim-alerts:tenantId and the secret pim-alerts:clientSecret",
        );
    });

    test("a credential message that echoes the secret (raw, form- or URL-encoded, JSON-escaped) is redacted", async () => {
        const secret = 'a+b/c=d~e "q" \\ 0123';
        for (const echoed of [
            secret,
            encodeURIComponent(secret),
            new URLSearchParams({ s: secret }).toString().slice(2),
            JSON.stringify(secret).slice(1, -1),
        ]) {
            const source = createTokenSource(
                () => ({
                    getToken: async () => {
                        throw new Error(
                            `invalid_client: the body was client_secret=${echoed}&scope=x.\nmore ${secret}`,
                        );
                    },
                }),
                [undefined, secret],
            );
            const message = ((await source.getToken("a").catch((e: unknown) => e)) as Error).message;
            expect(message).toContain(
                "invalid_client: the body was client_secret=REDACTED&scope=x. Sign in with `az login`",
            );
            expect(message).not.toContain(secret);
            expect(message).not.toContain(echoed);
        }
    });
});

describe("redactSecrets", () => {
    test("leaves text without the secret alone and ignores missing or trivially short values", () => {
        expect(redactSecrets("nothing to see", ["s3cr3t-value"])).toBe("nothing to see");
        expect(redactSecrets("a b c", [undefined, "", "a"])).toBe("a b c");
        expect(redactSecrets("x s3cr3t-value y s3cr3t-value", ["s3cr3t-value"])).toBe("x REDACTED y REDACTED");
    });
});

describe("credential options", () => {
    test.each([
        ["https://login.microsoftonline.com", true],
        ["https://login.microsoftonline.com/", true],
        ["https://LOGIN.microsoftonline.com", true],
        ["https://login.chinacloudapi.cn", true],
        ["https://login.microsoftonline.us", true],
        ["https://127.0.0.1:8443", false],
        ["https://login.microsoftonline.com:8443", false],
        ["https://adfs.contoso.com/adfs", false],
        ["not a url", false],
    ])("%s is a known cloud authority: %s", (host, known) => {
        expect(isKnownAuthorityHost(host)).toBe(known);
        // Instance discovery (a GET to login.microsoftonline.com) is only kept for the known clouds.
        expect(credentialOptions(host)).toEqual(
            known ? { authorityHost: host } : { authorityHost: host, disableInstanceDiscovery: true },
        );
    });
});

describe("createCredential against the emulator's managed-identity endpoint, with HTTP_PROXY set", () => {
    const USER_ASSIGNED = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    let emulator: Emulator;
    let proxy: http.Server;
    const proxied: string[] = [];
    const saved: Record<string, string | undefined> = {};

    beforeAll(async () => {
        emulator = await startEmulator({ retryAfterSeconds: 0 });
        proxy = http.createServer((req, res) => {
            proxied.push(`${req.method} ${req.url}`);
            res.writeHead(502).end();
        });
        await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
        const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
        // What the provider host's environment would hold (@azure/identity reads it, as it does there).
        const env = {
            ...emulator.admin.tokenEnvironment(),
            HTTP_PROXY: proxyUrl,
            HTTPS_PROXY: proxyUrl,
            AZURE_CLIENT_ID: undefined,
        };
        for (const [name, value] of Object.entries(env)) {
            saved[name] = process.env[name];
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
    });

    afterAll(async () => {
        for (const [name, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
        proxy.closeAllConnections();
        await new Promise((resolve) => proxy.close(resolve));
        await emulator.stop();
    });

    test.each([
        ["pim-alerts:clientId set", USER_ASSIGNED, USER_ASSIGNED],
        ["no client id", undefined, undefined],
    ])(
        "AZURE_TOKEN_CREDENTIALS=ManagedIdentityCredential with %s: the identity asked for, and nothing through the proxy",
        async (_what, clientId, appid) => {
            const credential = createCredential({
                tenantId: undefined,
                clientId,
                clientSecret: undefined,
                authorityHost: "https://login.microsoftonline.com",
                retryDelayScale: 1,
            });
            const token = (await credential.getToken("https://management.azure.com/.default"))?.token ?? "";
            const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<
                string,
                unknown
            >;
            if (appid !== undefined) expect(claims["appid"]).toBe(appid);
            else expect(claims["appid"]).not.toBe(USER_ASSIGNED);
            expect(proxied).toEqual([]);
        },
    );
});
