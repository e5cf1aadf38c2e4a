import * as vm from "node:vm";
import { comment, literal, renderProgram, type ScopeDeclarations } from "../../../src/cli/codegen";
import { declarationsOf, type ScopePolicy } from "../../../src/cli/exportPolicy";
import { declaredResources } from "../../../src/cli/resourceNames";
import { parseTarget } from "../../../src/functions/target";

const SUB = "/subscriptions/11111111-1111-1111-1111-111111111111";
const TENANT = "8d3c7a2e-5b1f-4c6e-9a0d-e71f2b4c9a10";

const armPolicy: ScopePolicy = {
    target: parseTarget(SUB),
    configurations: [
        {
            id: `${SUB}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/TooManyOwnersAssignedToResource`,
            alertId: "TooManyOwnersAssignedToResource",
            configurationType: "TooManyOwnersAssignedToResourceAlertConfiguration",
            isEnabled: false,
            // API order differs from the catalog's: the output follows the catalog.
            settings: { thresholdPercentageOfOwnersOutOfAllRoleMembers: 3, thresholdNumberOfOwners: 2 },
        },
        {
            id: "x",
            alertId: "DuplicateRoleCreated",
            configurationType: "DuplicateRoleCreatedAlertConfiguration",
            isEnabled: true,
            settings: {},
        },
    ],
    alerts: [
        // Dismissed: inactive while it has incidents.
        { id: "a1", alertId: "DuplicateRoleCreated", isActive: false, incidentCount: 2 },
        // Not dismissed: active, or inactive with no incident.
        { id: "a2", alertId: "TooManyOwnersAssignedToResource", isActive: true, incidentCount: 1 },
        { id: "a3", alertId: "AzureRolesAssignedOutsidePimAlert", isActive: false, incidentCount: 0 },
    ],
};
const directoryPolicy: ScopePolicy = {
    target: parseTarget("directory"),
    configurations: [
        {
            id: `DirectoryRole_${TENANT}_StaleSignInAlert`,
            alertId: "StaleSignInAlert",
            configurationType: "#microsoft.graph.staleSignInAlertConfiguration",
            isEnabled: true,
            settings: { duration: "P45D" },
        },
    ],
    alerts: [
        {
            id: `DirectoryRole_${TENANT}_NoMfaOnRoleActivationAlert`,
            alertId: "NoMfaOnRoleActivationAlert",
            isActive: false,
            incidentCount: 1,
        },
    ],
};
const arm: ScopeDeclarations = { target: armPolicy.target, declarations: declarationsOf(armPolicy) };
const directory: ScopeDeclarations = { target: directoryPolicy.target, declarations: declarationsOf(directoryPolicy) };

const fresh = { existing: [], withHeader: true, withImport: true };

test("a new program: header, import, one resource per configuration with every value, sorted by alert, then the dismissals", () => {
    const { text, declared, skipped } = renderProgram([arm, directory], fresh);
    expect(declared).toEqual([
        "sub-11111111-duplicate-role-created",
        "sub-11111111-too-many-owners-assigned-to-resource",
        "sub-11111111-duplicate-role-created-dismissal",
        "directory-stale-sign-in",
        "directory-no-mfa-on-role-activation-dismissal",
    ]);
    expect(skipped).toEqual([]);
    expect(text).toBe(
        [
            "// PIM alert policy adopted from the live configurations by `pim-alerts export`.",
            "// Every configuration declares every current value and every dismissed alert stays dismissed, so the first",
            "// `pulumi up` adopts them without changing anything in Azure. Edit a value to change the policy.",
            'import * as pim from "pulumi-pim-alerts";',
            "",
            `// ${SUB}`,
            'new pim.AlertConfiguration("sub-11111111-duplicate-role-created", {',
            `    scope: "${SUB}",`,
            '    alertId: "DuplicateRoleCreated",',
            "    isEnabled: true,",
            "});",
            "",
            'new pim.AlertConfiguration("sub-11111111-too-many-owners-assigned-to-resource", {',
            `    scope: "${SUB}",`,
            '    alertId: "TooManyOwnersAssignedToResource",',
            "    isEnabled: false,",
            "    thresholdNumberOfOwners: 2,",
            "    thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,",
            "});",
            "",
            'new pim.AlertDismissal("sub-11111111-duplicate-role-created-dismissal", {',
            `    scope: "${SUB}",`,
            '    alertId: "DuplicateRoleCreated",',
            "});",
            "",
            `// Entra directory roles (Microsoft Graph) of tenant ${TENANT}`,
            'new pim.DirectoryAlertConfiguration("directory-stale-sign-in", {',
            '    alertId: "StaleSignInAlert",',
            "    isEnabled: true,",
            '    duration: "P45D",',
            "});",
            "",
            'new pim.DirectoryAlertDismissal("directory-no-mfa-on-role-activation-dismissal", {',
            '    alertId: "NoMfaOnRoleActivationAlert",',
            "});",
            "",
        ].join("\n"),
    );
});

test("the same input gives the same text (stable output)", () => {
    expect(renderProgram([arm, directory], fresh).text).toBe(renderProgram([arm, directory], fresh).text);
});

test("appending: no header or import; what the program declares is skipped, by scope and alert whatever its name", () => {
    const program = [
        // Renamed by hand, in another spelling of the scope: still the same configuration.
        `new pim.AlertConfiguration("owners", { scope: "${SUB.toUpperCase().replace("/SUBSCRIPTIONS", "subscriptions")}/", alertId: "TooManyOwnersAssignedToResource" });`,
        'new pim.DirectoryAlertConfiguration("directory-stale-sign-in", {',
        '    alertId: "StaleSignInAlert",',
        "});",
    ].join("\n");
    const { text, declared, skipped } = renderProgram([arm, directory], {
        existing: declaredResources(program),
        withHeader: false,
        withImport: false,
    });
    expect(skipped).toEqual([
        { name: "owners", reason: "the program already declares it" },
        { name: "directory-stale-sign-in", reason: "the program already declares it" },
    ]);
    expect(declared).toEqual([
        "sub-11111111-duplicate-role-created",
        "sub-11111111-duplicate-role-created-dismissal",
        "directory-no-mfa-on-role-activation-dismissal",
    ]);
    expect(text.startsWith(`// ${SUB}\nnew pim.AlertConfiguration(`)).toBe(true);
    expect(text).not.toContain("import");
});

test("a name the program declares for something it does not spell out is left alone (skipped, not duplicated)", () => {
    const program =
        'new pim.AlertConfiguration("sub-11111111-duplicate-role-created", { scope: mySubscription, alertId });';
    const { skipped } = renderProgram([arm], {
        existing: declaredResources(program),
        withHeader: false,
        withImport: false,
    });
    expect(skipped.map((s) => s.name)).toEqual(["sub-11111111-duplicate-role-created"]);
    expect(skipped[0]?.reason).toContain("already declares a resource of that name");
});

describe("two subscriptions whose ids share their first eight characters", () => {
    const other: ScopeDeclarations = {
        target: parseTarget("/subscriptions/11111111-2222-3333-4444-555555555555"),
        declarations: declarationsOf({
            ...armPolicy,
            target: parseTarget("/subscriptions/11111111-2222-3333-4444-555555555555"),
        }),
    };
    const names = (scopes: ScopeDeclarations[]) => renderProgram(scopes, fresh).declared;

    test("get distinct names that do not depend on the order of the scopes", () => {
        const forward = names([arm, other]);
        const backward = names([other, arm]);
        expect(new Set(forward)).toEqual(new Set(backward));
        expect(new Set(forward).size).toBe(6);
        expect(forward.every((n) => /^sub-11111111-[0-9a-f]{6}-/.test(n))).toBe(true);
    });

    test("appending the second to a program that declares the first adds it under names of its own", () => {
        const first = renderProgram([arm], fresh);
        const second = renderProgram([other], {
            existing: declaredResources(first.text),
            withHeader: false,
            withImport: false,
        });
        expect(second.skipped).toEqual([]);
        expect(second.declared).toHaveLength(3);
        expect(second.declared.filter((n) => first.declared.includes(n))).toEqual([]);
        // And the first again: all of it is already declared.
        const again = renderProgram([arm], {
            existing: declaredResources(`${first.text}${second.text}`),
            withHeader: false,
            withImport: false,
        });
        expect(again.declared).toEqual([]);
        expect(again.skipped.map((s) => s.name)).toEqual(first.declared);
    });
});

describe("values become code only as literals that cannot break out", () => {
    test.each([
        ["a newline", "a\nrequire('fs')", "\"a\\nrequire('fs')\""],
        ["quotes and backslashes", 'x"); process.exit(1); ("\\', '"x\\"); process.exit(1); (\\"\\\\"'],
        ["a line separator", "a\u2028b\u2029c", '"a\\u2028b\\u2029c"'],
        ["controls and DEL", "\u001b]0;t\u0007\u007f\u009b", '"\\u001b]0;t\\u0007\\u007f\\u009b"'],
        ["a template and a comment end", "`${x}` */", '"`${x}` */"'],
    ])("%s", (_what, value, expected) => {
        const code = literal(value);
        expect(code).toBe(expected);
        expect(code).toMatch(/^[\x20-\x7e]+$/);
        // The literal is the value, and nothing else: evaluating it gives the value back.
        expect(vm.runInNewContext(code) as unknown).toBe(value);
    });

    test("a comment refuses anything but one line of printable ASCII", () => {
        expect(comment("/subscriptions/x")).toBe("// /subscriptions/x");
        expect(() => comment("a\nb")).toThrow(/internal-error/);
        expect(() => comment("a\u2028b")).toThrow(/internal-error/);
    });
});
