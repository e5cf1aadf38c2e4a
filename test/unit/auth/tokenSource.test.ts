import type { AccessToken, TokenCredential } from "@azure/identity";
import { AuthenticationError, createTokenSource } from "../../../src/auth/tokenSource";

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
});
