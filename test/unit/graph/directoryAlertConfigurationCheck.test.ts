import { checkDirectoryAlertConfiguration } from "../../../src/provider/directory/configurationCheck";
import { UNKNOWN_VALUE } from "../../../src/provider/common/checkFailures";

const stale = { alertId: "StaleSignInAlert" };
const redundant = { alertId: "RedundantAssignmentAlert" };
const renewals = { alertId: "SequentialActivationRenewalsAlert" };
const admins = { alertId: "TooManyGlobalAdminsAssignedToTenantAlert" };

function failuresOf(inputs: Record<string, unknown>) {
    return checkDirectoryAlertConfiguration(inputs).failures;
}

describe("DirectoryAlertConfiguration check", () => {
    test("fills the default onDelete and keeps the user's duration spelling", () => {
        const result = checkDirectoryAlertConfiguration({ ...stale, isEnabled: true, duration: "PT720H" });
        expect(result.failures).toEqual([]);
        expect(result.inputs).toEqual({ ...stale, isEnabled: true, duration: "PT720H", onDelete: "retain" });
    });

    test("the __provider property is not a user property", () => {
        expect(failuresOf({ ...stale, __provider: "require('x')" })).toEqual([]);
    });

    // Every range: the bounds pass, one step outside fails.
    test.each<[string, Record<string, unknown>]>([
        ["global admin count 2", { ...admins, globalAdminCountThreshold: 2 }],
        ["global admin count 100", { ...admins, globalAdminCountThreshold: 100 }],
        ["global admin percentage 0", { ...admins, percentageOfGlobalAdminsOutOfRolesThreshold: 0 }],
        ["global admin percentage 100", { ...admins, percentageOfGlobalAdminsOutOfRolesThreshold: 100 }],
        ["stale sign-in P1D", { ...stale, duration: "P1D" }],
        ["stale sign-in P365D", { ...stale, duration: "P365D" }],
        ["stale sign-in PT8760H (365 days)", { ...stale, duration: "PT8760H" }],
        ["stale sign-in P4W2D", { ...stale, duration: "P4W2D" }],
        ["redundant assignment P0D", { ...redundant, duration: "P0D" }],
        ["redundant assignment P100D", { ...redundant, duration: "P100D" }],
        ["activations 2", { ...renewals, sequentialActivationCounterThreshold: 2 }],
        ["activations 100", { ...renewals, sequentialActivationCounterThreshold: 100 }],
        ["activation window PT1S", { ...renewals, timeIntervalBetweenActivations: "PT1S" }],
        ["activation window PT10S (Microsoft's sample)", { ...renewals, timeIntervalBetweenActivations: "PT10S" }],
        ["activation window P30D", { ...renewals, timeIntervalBetweenActivations: "P30D" }],
        ["activation window PT1H30M (not whole days)", { ...renewals, timeIntervalBetweenActivations: "PT1H30M" }],
        ["isEnabled on a non-configurable alert", { alertId: "InvalidLicenseAlert", isEnabled: false }],
        ["nothing declared", { alertId: "RolesAssignedOutsidePimAlert" }],
    ])("accepts %s", (_what, inputs) => {
        expect(failuresOf(inputs)).toEqual([]);
    });

    test.each<[string, Record<string, unknown>, string, string]>([
        [
            "a global admin count below 2",
            { ...admins, globalAdminCountThreshold: 1 },
            "globalAdminCountThreshold",
            "globalAdminCountThreshold must be between 2 and 100 (a number of global administrators); got 1",
        ],
        [
            "a global admin count above 100",
            { ...admins, globalAdminCountThreshold: 101 },
            "globalAdminCountThreshold",
            "globalAdminCountThreshold must be between 2 and 100 (a number of global administrators); got 101",
        ],
        [
            "a fractional global admin count",
            { ...admins, globalAdminCountThreshold: 2.5 },
            "globalAdminCountThreshold",
            "globalAdminCountThreshold must be a whole number (a number of global administrators, 2..100); got 2.5",
        ],
        [
            "a count as a string",
            { ...admins, globalAdminCountThreshold: "4" },
            "globalAdminCountThreshold",
            'globalAdminCountThreshold must be a number (a number of global administrators, 2..100); got string "4"',
        ],
        [
            "a negative percentage",
            { ...admins, percentageOfGlobalAdminsOutOfRolesThreshold: -1 },
            "percentageOfGlobalAdminsOutOfRolesThreshold",
            "percentageOfGlobalAdminsOutOfRolesThreshold must be between 0 and 100 (a percentage); got -1",
        ],
        [
            "a percentage above 100",
            { ...admins, percentageOfGlobalAdminsOutOfRolesThreshold: 101 },
            "percentageOfGlobalAdminsOutOfRolesThreshold",
            "percentageOfGlobalAdminsOutOfRolesThreshold must be between 0 and 100 (a percentage); got 101",
        ],
        [
            "a stale sign-in of 0 days",
            { ...stale, duration: "P0D" },
            "duration",
            'duration must be between P1D and P365D (days without a sign-in: 1 day to 365 days); got "P0D" (0 seconds)',
        ],
        [
            "a stale sign-in of 366 days",
            { ...stale, duration: "P366D" },
            "duration",
            'duration must be between P1D and P365D (days without a sign-in: 1 day to 365 days); got "P366D" (366 days)',
        ],
        [
            "a stale sign-in of 53 weeks",
            { ...stale, duration: "P53W" },
            "duration",
            'duration must be between P1D and P365D (days without a sign-in: 1 day to 365 days); got "P53W" (371 days)',
        ],
        [
            "a stale sign-in in hours that is not whole days",
            { ...stale, duration: "PT36H" },
            "duration",
            'duration must be a whole number of days (days without a sign-in, P1D..P365D); got "PT36H" (1 day 12 hours)',
        ],
        [
            "a stale sign-in in months",
            { ...stale, duration: "P1M" },
            "duration",
            'duration is not valid: "P1M" uses years or months, whose length varies; write days instead (e.g. "P30D", "P365D"); allowed: days without a sign-in, P1D..P365D',
        ],
        [
            "a stale sign-in in years",
            { ...stale, duration: "P1Y" },
            "duration",
            'duration is not valid: "P1Y" uses years or months, whose length varies; write days instead (e.g. "P30D", "P365D"); allowed: days without a sign-in, P1D..P365D',
        ],
        [
            "a stale sign-in as a number of days",
            { ...stale, duration: 30 },
            "duration",
            'duration must be an ISO-8601 duration string (days without a sign-in, P1D..P365D, e.g. "P365D"); got number 30',
        ],
        [
            "a stale sign-in that is not ISO-8601",
            { ...stale, duration: "30 days" },
            "duration",
            'duration is not valid: "30 days" is not an ISO-8601 duration (e.g. "P30D", "PT12H", "PT10S"); allowed: days without a sign-in, P1D..P365D',
        ],
        [
            "a redundant assignment of 101 days",
            { ...redundant, duration: "P101D" },
            "duration",
            'duration must be between P0D and P100D (days a role can go without activation: 0 seconds to 100 days); got "P101D" (101 days)',
        ],
        [
            "a negative redundant assignment",
            { ...redundant, duration: "-P1D" },
            "duration",
            'duration is not valid: "-P1D" is negative; allowed: days a role can go without activation, P0D..P100D',
        ],
        [
            "a fractional redundant assignment",
            { ...redundant, duration: "P1.5D" },
            "duration",
            'duration must be a whole number of days (days a role can go without activation, P0D..P100D); got "P1.5D" (1 day 12 hours)',
        ],
        [
            "1 activation",
            { ...renewals, sequentialActivationCounterThreshold: 1 },
            "sequentialActivationCounterThreshold",
            "sequentialActivationCounterThreshold must be between 2 and 100 (a number of activations); got 1",
        ],
        [
            "101 activations",
            { ...renewals, sequentialActivationCounterThreshold: 101 },
            "sequentialActivationCounterThreshold",
            "sequentialActivationCounterThreshold must be between 2 and 100 (a number of activations); got 101",
        ],
        [
            "an activation window of 0",
            { ...renewals, timeIntervalBetweenActivations: "PT0S" },
            "timeIntervalBetweenActivations",
            'timeIntervalBetweenActivations must be between PT1S and P30D (the window in which activations are counted: 1 second to 30 days); got "PT0S" (0 seconds)',
        ],
        [
            "an activation window below a second",
            { ...renewals, timeIntervalBetweenActivations: "PT0.5S" },
            "timeIntervalBetweenActivations",
            'timeIntervalBetweenActivations must be between PT1S and P30D (the window in which activations are counted: 1 second to 30 days); got "PT0.5S" (500 milliseconds)',
        ],
        [
            "an activation window of 31 days",
            { ...renewals, timeIntervalBetweenActivations: "PT744H" },
            "timeIntervalBetweenActivations",
            'timeIntervalBetweenActivations must be between PT1S and P30D (the window in which activations are counted: 1 second to 30 days); got "PT744H" (31 days)',
        ],
        [
            "an activation window in months",
            { ...renewals, timeIntervalBetweenActivations: "P1M" },
            "timeIntervalBetweenActivations",
            'timeIntervalBetweenActivations is not valid: "P1M" uses years or months',
        ],
        [
            "a setting of another alert",
            { ...stale, globalAdminCountThreshold: 3 },
            "globalAdminCountThreshold",
            "globalAdminCountThreshold (3) is not a setting of StaleSignInAlert; its settings are duration",
        ],
        [
            "duration on the renewals alert",
            { ...renewals, duration: "P30D" },
            "duration",
            'duration ("P30D") is not a setting of SequentialActivationRenewalsAlert; its settings are sequentialActivationCounterThreshold, timeIntervalBetweenActivations',
        ],
        [
            "a setting on a non-configurable alert",
            { alertId: "NoMfaOnRoleActivationAlert", duration: "P30D" },
            "duration",
            'duration ("P30D") is not a setting of NoMfaOnRoleActivationAlert; this alert has no settings (only isEnabled)',
        ],
        [
            "an unknown alert id, listing the valid ones",
            { alertId: "StaleSignIn" },
            "alertId",
            'alertId must be one of InvalidLicenseAlert, NoMfaOnRoleActivationAlert, RedundantAssignmentAlert, RolesAssignedOutsidePimAlert, SequentialActivationRenewalsAlert, StaleSignInAlert, TooManyGlobalAdminsAssignedToTenantAlert; got "StaleSignIn"',
        ],
        [
            "an ARM alert id",
            { alertId: "TooManyOwnersAssignedToResource" },
            "alertId",
            'got "TooManyOwnersAssignedToResource"',
        ],
        ["a missing alert id", {}, "alertId", "alertId must be one of InvalidLicenseAlert"],
        [
            "a non-boolean isEnabled",
            { ...stale, isEnabled: "true" },
            "isEnabled",
            'isEnabled must be true or false; got string "true"',
        ],
        [
            "an unknown property",
            { ...stale, staleDays: 30 },
            "staleDays",
            "staleDays (30) is not a property of DirectoryAlertConfiguration; allowed: alertId, isEnabled, onDelete, duration, sequentialActivationCounterThreshold, timeIntervalBetweenActivations, globalAdminCountThreshold, percentageOfGlobalAdminsOutOfRolesThreshold",
        ],
        [
            "a bad onDelete",
            { ...stale, onDelete: "reactivate" },
            "onDelete",
            'onDelete must be one of retain, restore; got "reactivate"',
        ],
    ])("rejects %s", (_what, inputs, property, reason) => {
        const failures = failuresOf(inputs);
        expect(failures).toHaveLength(1);
        expect(failures[0]?.property).toBe(property);
        expect(failures[0]?.reason).toContain(reason);
        // Every failure names the value the program gave.
        if (property in inputs) expect(failures[0]?.reason).toContain(JSON.stringify(inputs[property]));
    });

    test("values unknown during preview pass through unchecked", () => {
        const result = checkDirectoryAlertConfiguration({
            alertId: UNKNOWN_VALUE,
            duration: UNKNOWN_VALUE,
            isEnabled: UNKNOWN_VALUE,
            onDelete: UNKNOWN_VALUE,
        });
        expect(result.failures).toEqual([]);
        expect(result.inputs["duration"]).toBe(UNKNOWN_VALUE);
    });

    test.each<[string, unknown, object[]]>([
        ["a duration within the union of both alerts' ranges passes", "P200D", []],
        [
            "a duration outside every alert's range fails",
            "P400D",
            [
                {
                    property: "duration",
                    reason: 'duration must be between P0D and P365D (a duration: 0 seconds to 365 days); got "P400D" (400 days)',
                },
            ],
        ],
        [
            "a number of days fails",
            30,
            [
                {
                    property: "duration",
                    reason: 'duration must be an ISO-8601 duration string (a duration, P0D..P365D, e.g. "P365D"); got number 30',
                },
            ],
        ],
    ])("with an alert id unknown at preview, %s (the loosest range of the setting)", (_what, duration, failures) => {
        expect(failuresOf({ alertId: UNKNOWN_VALUE, duration })).toEqual(failures);
    });

    test("every failure is reported, not only the first", () => {
        const properties = failuresOf({
            alertId: "StaleSignInAlert",
            isEnabled: 1,
            duration: "P0D",
            globalAdminCountThreshold: 1,
            onDelete: "x",
        }).map((f) => f.property);
        expect(properties).toEqual(["isEnabled", "onDelete", "duration", "globalAdminCountThreshold"]);
    });
});
