import { readTokenClaims } from "../../../src/auth/tokenClaims";
import { resolveTenantId, tenantIdFromConfigurationIds, type TenantIdSources } from "../../../src/graph/tenantId";

const configuredTenant = "11111111-1111-1111-1111-111111111111";
const tokenTenant = "22222222-2222-2222-2222-222222222222";
const listedTenant = "33333333-3333-3333-3333-333333333333";

function sources(configured: string | undefined, tid: unknown, ids: string[]): TenantIdSources & { asked: string[] } {
    const asked: string[] = [];
    return {
        asked,
        configured,
        async tokenClaims() {
            asked.push("token");
            return tid === undefined ? undefined : { tid };
        },
        async listConfigurationIds() {
            asked.push("list");
            return ids;
        },
    };
}

describe("resolveTenantId", () => {
    test.each<[string, string | undefined, unknown, string[], string, string[]]>([
        ["the configured GUID first, asking nothing else", configuredTenant, tokenTenant, [], configuredTenant, []],
        [
            "a configured GUID in upper case, lowered",
            configuredTenant.toUpperCase(),
            undefined,
            [],
            configuredTenant,
            [],
        ],
        ["the token's tid when nothing is configured", undefined, tokenTenant, [], tokenTenant, ["token"]],
        [
            "the token's tid when the configured tenant is a domain name",
            "contoso.onmicrosoft.com",
            tokenTenant,
            [],
            tokenTenant,
            ["token"],
        ],
        [
            "the listed ids' prefix when the token has no tid",
            undefined,
            undefined,
            [`DirectoryRole_${listedTenant}_StaleSignInAlert`],
            listedTenant,
            ["token", "list"],
        ],
        [
            "the listed ids' prefix when the tid is not a GUID",
            undefined,
            42,
            [`DirectoryRole_${listedTenant}_StaleSignInAlert`],
            listedTenant,
            ["token", "list"],
        ],
    ])("%s", async (_what, configured, tid, ids, expected, asked) => {
        const s = sources(configured, tid, ids);
        await expect(resolveTenantId(s)).resolves.toBe(expected);
        expect(s.asked).toEqual(asked);
    });

    test("says what to configure when no source has a tenant id", async () => {
        await expect(resolveTenantId(sources("contoso.onmicrosoft.com", undefined, []))).rejects.toThrow(
            'finding the tenant id of the directory-role alerts: pim-alerts:tenantId is "contoso.onmicrosoft.com", not a GUID, the Graph access token has no tid claim ' +
                "and the list of alert configurations is empty; set pim-alerts:tenantId to the tenant's GUID",
        );
        await expect(resolveTenantId(sources(undefined, undefined, []))).rejects.toThrow(
            "pim-alerts:tenantId is not set",
        );
    });

    test("skips ids of alerts this version does not know", () => {
        expect(
            tenantIdFromConfigurationIds([
                `DirectoryRole_${listedTenant}_SomeNewAlert`,
                "x",
                `DirectoryRole_${listedTenant}_InvalidLicenseAlert`,
            ]),
        ).toBe(listedTenant);
        expect(tenantIdFromConfigurationIds([])).toBeUndefined();
    });
});

describe("readTokenClaims", () => {
    const jwt = (payload: string) => `eyJhbGciOiJub25lIn0.${Buffer.from(payload).toString("base64url")}.c2ln`;

    test("reads the claims of a JWT", () => {
        expect(readTokenClaims(jwt(JSON.stringify({ tid: tokenTenant, aud: "https://graph.microsoft.com" })))).toEqual({
            tid: tokenTenant,
            aud: "https://graph.microsoft.com",
        });
    });

    test.each<[string, string]>([
        ["an opaque token", "opaque-token-value"],
        ["a payload that is not JSON", jwt("not json")],
        ["a payload that is an array", jwt("[1,2]")],
        ["an empty payload", "a..c"],
        ["too many parts", "a.b.c.d"],
    ])("has no claims for %s, and never throws", (_what, token) => {
        expect(readTokenClaims(token)).toBeUndefined();
    });
});
