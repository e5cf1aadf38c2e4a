import {
    ALL_DIRECTORY_SETTINGS,
    alertOfOdataType,
    alertsWithSetting,
    DIRECTORY_ALERT_IDS,
    DIRECTORY_ALERTS,
    directoryManagedPropertyNames,
    isDirectoryAlertId,
} from "../../../src/graph/catalog";

describe("directory alert catalog", () => {
    test.each<[string, string, string[]]>([
        ["InvalidLicenseAlert", "#microsoft.graph.invalidLicenseAlertConfiguration", []],
        ["NoMfaOnRoleActivationAlert", "#microsoft.graph.noMfaOnRoleActivationAlertConfiguration", []],
        ["RedundantAssignmentAlert", "#microsoft.graph.redundantAssignmentAlertConfiguration", ["duration"]],
        [
            "RolesAssignedOutsidePimAlert",
            "#microsoft.graph.rolesAssignedOutsidePrivilegedIdentityManagementAlertConfiguration",
            [],
        ],
        [
            "SequentialActivationRenewalsAlert",
            "#microsoft.graph.sequentialActivationRenewalsAlertConfiguration",
            ["sequentialActivationCounterThreshold", "timeIntervalBetweenActivations"],
        ],
        ["StaleSignInAlert", "#microsoft.graph.staleSignInAlertConfiguration", ["duration"]],
        [
            "TooManyGlobalAdminsAssignedToTenantAlert",
            "#microsoft.graph.tooManyGlobalAdminsAssignedToTenantAlertConfiguration",
            ["globalAdminCountThreshold", "percentageOfGlobalAdminsOutOfRolesThreshold"],
        ],
    ])("%s has @odata.type %s and settings %j", (alertId, odataType, settings) => {
        expect(isDirectoryAlertId(alertId)).toBe(true);
        if (!isDirectoryAlertId(alertId)) return;
        expect(DIRECTORY_ALERTS[alertId]).toMatchObject({ alertId, odataType });
        expect(Object.keys(DIRECTORY_ALERTS[alertId].settings)).toEqual(settings);
        expect(directoryManagedPropertyNames(alertId)).toEqual(["isEnabled", ...settings]);
        expect(alertOfOdataType(odataType)?.alertId).toBe(alertId);
    });

    test("exactly seven alerts", () => {
        expect(DIRECTORY_ALERT_IDS).toHaveLength(7);
    });

    test.each<[string, string, object]>([
        [
            "TooManyGlobalAdminsAssignedToTenantAlert",
            "globalAdminCountThreshold",
            { kind: "integer", min: 2, max: 100 },
        ],
        [
            "TooManyGlobalAdminsAssignedToTenantAlert",
            "percentageOfGlobalAdminsOutOfRolesThreshold",
            { kind: "integer", min: 0, max: 100 },
        ],
        ["StaleSignInAlert", "duration", { kind: "duration", min: "P1D", max: "P365D", wholeDays: true }],
        ["RedundantAssignmentAlert", "duration", { kind: "duration", min: "P0D", max: "P100D", wholeDays: true }],
        [
            "SequentialActivationRenewalsAlert",
            "sequentialActivationCounterThreshold",
            { kind: "integer", min: 2, max: 100 },
        ],
        [
            "SequentialActivationRenewalsAlert",
            "timeIntervalBetweenActivations",
            { kind: "duration", min: "PT1S", max: "P30D", wholeDays: false },
        ],
    ])("%s.%s is constrained to %j", (alertId, setting, constraint) => {
        if (!isDirectoryAlertId(alertId)) throw new Error(alertId);
        expect(DIRECTORY_ALERTS[alertId].settings[setting]).toMatchObject(constraint);
    });

    test("every setting name once; duration belongs to two alerts", () => {
        expect(ALL_DIRECTORY_SETTINGS).toEqual([
            "duration",
            "sequentialActivationCounterThreshold",
            "timeIntervalBetweenActivations",
            "globalAdminCountThreshold",
            "percentageOfGlobalAdminsOutOfRolesThreshold",
        ]);
        expect(alertsWithSetting("duration").map((s) => s.alertId)).toEqual([
            "RedundantAssignmentAlert",
            "StaleSignInAlert",
        ]);
    });

    test.each<[string, string | undefined]>([
        ["microsoft.graph.staleSignInAlertConfiguration", "StaleSignInAlert"],
        ["#Microsoft.Graph.StaleSignInAlertConfiguration", "StaleSignInAlert"],
        ["#microsoft.graph.unifiedRoleManagementAlertConfiguration", undefined],
    ])("@odata.type %s belongs to %s", (odataType, alertId) => {
        expect(alertOfOdataType(odataType)?.alertId).toBe(alertId);
    });

    test.each<[unknown]>([
        ["staleSignInAlert"],
        ["StaleSignIn"],
        ["TooManyOwnersAssignedToResource"],
        [7],
        [undefined],
    ])("%j is not a directory alert id", (value) => {
        expect(isDirectoryAlertId(value)).toBe(false);
    });
});
