import type { AccessToken, TokenCredential } from "@azure/identity";
import { AuthenticationError } from "../../../src/errors";
import { createTokenSource, credentialOptions, isKnownAuthorityHost, redactSecrets } from "../../../src/auth/tokenSource";

function fakeCredential(lifetimeMs: number, tokens: string[] = []): TokenCredential & { calls: string[] } {
    const calls: string[] = [];
    return {
        calls,
        async getToken(scope: string | string[]): Promise<AccessToken> {
            calls.push(String(scope));
            return { token: tokens[calls.length - 1] ?? `token-${calls.length}`, expiresOnTimestamp: Date.now() + lifetimeMs };
        },
    };
}

describe("token source", () => {
    test("one credential and one token per audience, shared by concurrent callers", async () => {
        let created = 0;
        const credential = fakeCredential(3_600_000);
        const source = createTokenSource(() => (created++, credential));
        const tokens = await Promise.all([1, 2, 3, 4].map(() => source.getToken("https://management.azure.com/.default")));
        await source.getToken("https://graph.microsoft.com/.default");
        await source.getToken("https://management.azure.com/.default");
        expect(new Set(tokens).size).toBe(1);
        expect(created).toBe(1);
        expect(credential.calls).toEqual(["https://management.azure.com/.default", "https://graph.microsoft.com/.default"]);
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
                        throw new Error(`invalid_client: the body was client_secret=${echoed}&scope=x.\nmore ${secret}`);
                    },
                }),
                [undefined, secret],
            );
            const message = ((await source.getToken("a").catch((e: unknown) => e)) as Error).message;
            expect(message).toContain("invalid_client: the body was client_secret=REDACTED&scope=x. Sign in with `az login`");
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
        expect(credentialOptions(host)).toEqual(known ? { authorityHost: host } : { authorityHost: host, disableInstanceDiscovery: true });
    });
});
