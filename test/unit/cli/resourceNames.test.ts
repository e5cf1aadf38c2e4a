import { parseTarget } from "../../../src/functions/target";
import {
    alertSlug,
    declaredNames,
    declaredResources,
    resourceName,
    scopeNames,
    scopeSlug,
} from "../../../src/cli/resourceNames";

const SUB = "/subscriptions/0B1C2D3E-1111-2222-3333-444444444444";

test.each([
    [SUB, "sub-0b1c2d3e"],
    [`${SUB}/resourceGroups/app`, "sub-0b1c2d3e-rg-app"],
    [`${SUB}/resourceGroups/rg-App`, "sub-0b1c2d3e-rg-app"],
    [`${SUB}/resourceGroups/RG_Core.1`, "sub-0b1c2d3e-rg-core-1"],
    [`${SUB}/resourceGroups/app/providers/Microsoft.KeyVault/vaults/kv1`, "sub-0b1c2d3e-rg-app-vaults-kv1"],
    [
        `${SUB}/resourceGroups/app/providers/Microsoft.Sql/servers/s1/databases/db1`,
        "sub-0b1c2d3e-rg-app-servers-s1-databases-db1",
    ],
    ["/providers/Microsoft.Management/managementGroups/Platform", "mg-platform"],
    ["providers/Microsoft.Management/managementGroups/mg-landing_zones", "mg-landing-zones"],
    ["directory", "directory"],
])("scope %s => %s", (scope, expected) => {
    expect(scopeSlug(parseTarget(scope))).toBe(expected);
});

test.each([
    ["TooManyOwnersAssignedToResource", "too-many-owners-assigned-to-resource"],
    ["AzureRolesAssignedOutsidePimAlert", "azure-roles-assigned-outside-pim"],
    ["StaleSignInAlert", "stale-sign-in"],
    ["NoMfaOnRoleActivationAlert", "no-mfa-on-role-activation"],
    ["TooManyGlobalAdminsAssignedToTenantAlert", "too-many-global-admins-assigned-to-tenant"],
])("alert %s => %s", (alertId, expected) => {
    expect(alertSlug(alertId)).toBe(expected);
});

test("the same scope in any spelling gives the same name", () => {
    const names = [SUB, SUB.toLowerCase(), `${SUB.slice(1)}/`, `/providers/Microsoft.Subscription${SUB}`].map((s) => {
        const target = parseTarget(s);
        return resourceName(scopeSlug(target), "DuplicateRoleCreated");
    });
    expect(new Set(names)).toEqual(new Set(["sub-0b1c2d3e-duplicate-role-created"]));
});

test("declaredNames finds the names a program declares, whatever the quotes and spacing", () => {
    const program = [
        'new pim.AlertConfiguration("sub-1-a", { scope, alertId: "A" });',
        "new pim.DirectoryAlertConfiguration( 'directory-b', {});",
        "const x = new pim.AlertDismissal(`dismiss`, {});",
        'new other.Thing("not-pim", {});',
    ].join("\n");
    expect(declaredNames(program)).toEqual(new Set(["sub-1-a", "directory-b", "dismiss"]));
});

test("scopes that share a slug each get a suffix of their own, whatever the order; others keep the plain slug", () => {
    const a = parseTarget(`${SUB}/resourceGroups/app`);
    const b = parseTarget(`${SUB}/resourceGroups/rg-app`);
    const c = parseTarget("/providers/Microsoft.Management/managementGroups/platform");
    const forward = scopeNames([a, b, c]);
    expect(scopeNames([c, b, a])).toEqual(forward);
    expect([...forward.values()]).toEqual([
        expect.stringMatching(/^sub-0b1c2d3e-rg-app-[0-9a-f]{6}$/),
        expect.stringMatching(/^sub-0b1c2d3e-rg-app-[0-9a-f]{6}$/),
        "mg-platform",
    ]);
    expect(new Set(forward.values()).size).toBe(3);
    // A scope the program already declares counts too.
    expect(scopeNames([b], [a]).get(`${SUB.toLowerCase()}/resourceGroups/rg-app`.toLowerCase())).toBe(
        forward.get(`${SUB}/resourceGroups/rg-app`.toLowerCase()),
    );
});

test("declaredResources reads name, scope and alert id of literal declarations", () => {
    const program = [
        'new pim.AlertConfiguration("a", {\n    scope: "/subscriptions/x",\n    alertId: "DuplicateRoleCreated",\n});',
        "new pim.DirectoryAlertDismissal('b', { alertId: \"StaleSignInAlert\" });",
        "new pim.AlertDismissal(`c`, { scope, alertId });",
    ].join("\n");
    expect(declaredResources(program)).toEqual([
        { className: "AlertConfiguration", name: "a", scope: "/subscriptions/x", alertId: "DuplicateRoleCreated" },
        { className: "DirectoryAlertDismissal", name: "b", scope: undefined, alertId: "StaleSignInAlert" },
        { className: "AlertDismissal", name: "c", scope: undefined, alertId: undefined },
    ]);
});
