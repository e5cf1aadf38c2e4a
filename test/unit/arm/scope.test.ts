import { parseScope, sameScope } from "../../../src/arm/scope";

const SUB = "00000000-0000-0000-0000-0000000000AA";

describe("parseScope", () => {
    test.each([
        [`/subscriptions/${SUB}`, "subscription", `/subscriptions/${SUB.toLowerCase()}`],
        [`subscriptions/${SUB}/`, "subscription", `/subscriptions/${SUB.toLowerCase()}`],
        [
            `/SUBSCRIPTIONS/${SUB}/resourcegroups/rg-App`,
            "resourceGroup",
            `/subscriptions/${SUB.toLowerCase()}/resourceGroups/rg-App`,
        ],
        [
            `/providers/microsoft.management/MANAGEMENTGROUPS/platform`,
            "managementGroup",
            "/providers/Microsoft.Management/managementGroups/platform",
        ],
        [
            `/providers/Microsoft.Subscription/subscriptions/${SUB}/`,
            "subscription",
            `/subscriptions/${SUB.toLowerCase()}`,
        ],
        [
            `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-1`,
            "resource",
            `/subscriptions/${SUB.toLowerCase()}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-1`,
        ],
    ])("%s is a %s scope stored as %s", (input, kind, canonical) => {
        expect(parseScope(input)).toEqual({ ok: true, value: { kind, id: canonical } });
    });

    test.each([
        ["", "empty"],
        ["/subscriptions/not-a-guid", "GUID"],
        [`/subscriptions/${SUB}/resourceGroups`, "resourceGroups/{name}"],
        [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults`, "{type}/{name} pairs"],
        [`/subscriptions/${SUB}?api-version=1`, "not allowed"],
        [`/subscriptions/${SUB}/../../tenants`, "not allowed"],
        [`/subscriptions/${SUB}//resourceGroups/rg`, "empty path segment"],
        [`/tenants/x`, "must start with"],
        [` /subscriptions/${SUB}`, "whitespace"],
        [`/subscriptions/${SUB}/resourceGroups/rg.`, "period"],
        [`/providers/Microsoft.Management/managementGroups/a/b`, "exactly one id"],
    ])("%j is rejected (%s)", (input, why) => {
        const result = parseScope(input);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problem).toContain(why);
    });

    test("the same scope in another case is the same scope", () => {
        expect(
            sameScope(
                `/subscriptions/${SUB.toLowerCase()}/resourceGroups/RG`,
                `/subscriptions/${SUB.toLowerCase()}/resourceGroups/rg`,
            ),
        ).toBe(true);
        expect(
            sameScope(
                `/subscriptions/${SUB.toLowerCase()}/resourceGroups/rg1`,
                `/subscriptions/${SUB.toLowerCase()}/resourceGroups/rg`,
            ),
        ).toBe(false);
    });
});
