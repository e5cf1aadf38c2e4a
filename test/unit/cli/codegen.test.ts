import { renderProgram, type ScopeConfigurations } from "../../../src/cli/codegen";
import { parseTarget } from "../../../src/functions/target";

const SUB = "/subscriptions/11111111-1111-1111-1111-111111111111";
const TENANT = "8d3c7a2e-5b1f-4c6e-9a0d-e71f2b4c9a10";

const arm: ScopeConfigurations = {
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
        { id: "x", alertId: "DuplicateRoleCreated", configurationType: "DuplicateRoleCreatedAlertConfiguration", isEnabled: true, settings: {} },
    ],
};
const directory: ScopeConfigurations = {
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
};

const fresh = { takenNames: new Set<string>(), withHeader: true, withImport: true };

test("a new program: header, import, one resource per configuration with every value, sorted by alert", () => {
    const { text, declared, skipped } = renderProgram([arm, directory], fresh);
    expect(declared).toEqual(["sub-11111111-duplicate-role-created", "sub-11111111-too-many-owners-assigned-to-resource", "directory-stale-sign-in"]);
    expect(skipped).toEqual([]);
    expect(text).toBe(
        [
            "// PIM alert policy adopted from the live configurations by `pim-alerts export`.",
            "// Every resource declares every current value, so the first `pulumi up` adopts the configurations",
            "// without changing anything in Azure. Edit a value to change the policy.",
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
            `// Entra directory roles (Microsoft Graph) of tenant ${TENANT}`,
            'new pim.DirectoryAlertConfiguration("directory-stale-sign-in", {',
            '    alertId: "StaleSignInAlert",',
            "    isEnabled: true,",
            '    duration: "P45D",',
            "});",
            "",
        ].join("\n"),
    );
});

test("the same input gives the same text (stable output)", () => {
    expect(renderProgram([arm, directory], fresh).text).toBe(renderProgram([arm, directory], fresh).text);
});

test("appending: no header or import, names the program declares are skipped", () => {
    const { text, declared, skipped } = renderProgram([arm, directory], {
        takenNames: new Set(["sub-11111111-duplicate-role-created", "directory-stale-sign-in"]),
        withHeader: false,
        withImport: false,
    });
    expect(skipped).toEqual(["sub-11111111-duplicate-role-created", "directory-stale-sign-in"]);
    expect(declared).toEqual(["sub-11111111-too-many-owners-assigned-to-resource"]);
    expect(text.startsWith(`// ${SUB}\nnew pim.AlertConfiguration(`)).toBe(true);
    expect(text).not.toContain("import");
    expect(text).not.toContain("Entra directory roles");
});

test("two scopes that give the same name get distinct names", () => {
    const other = { ...arm, target: parseTarget("/subscriptions/11111111-2222-3333-4444-555555555555") };
    const { declared } = renderProgram([arm, other], fresh);
    expect(declared.filter((n) => n.startsWith("sub-11111111-duplicate-role-created"))).toEqual([
        "sub-11111111-duplicate-role-created",
        "sub-11111111-duplicate-role-created-2",
    ]);
});
