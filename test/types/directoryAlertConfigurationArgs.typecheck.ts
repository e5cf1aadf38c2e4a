// Compile-time tests of the typed Args of the directory-role resources: checked by `npm run typecheck`.
// Each @ts-expect-error line must be an error, or tsc fails.
import type * as pulumi from "@pulumi/pulumi";
import { DirectoryAlertConfiguration, DirectoryAlertDismissal } from "../../src";

export function declarations(fromConfig: string, fromOutput: pulumi.Output<string>): void {
    new DirectoryAlertConfiguration("stale-accounts", { alertId: "StaleSignInAlert", isEnabled: true, duration: "P30D" });
    new DirectoryAlertConfiguration("redundant", { alertId: "RedundantAssignmentAlert", duration: "P14D", onDelete: "restore" });
    new DirectoryAlertConfiguration("global-admins", {
        alertId: "TooManyGlobalAdminsAssignedToTenantAlert",
        globalAdminCountThreshold: 4,
        percentageOfGlobalAdminsOutOfRolesThreshold: 10,
    });
    new DirectoryAlertConfiguration("renewals", {
        alertId: "SequentialActivationRenewalsAlert",
        sequentialActivationCounterThreshold: 3,
        timeIntervalBetweenActivations: "PT1H",
    });
    new DirectoryAlertConfiguration("licence", { alertId: "InvalidLicenseAlert", isEnabled: false });
    new DirectoryAlertConfiguration("no-mfa", { alertId: "NoMfaOnRoleActivationAlert", isEnabled: true });
    new DirectoryAlertConfiguration("outside", { alertId: "RolesAssignedOutsidePimAlert", isEnabled: true });
    // A setting on the wrong alert, with a literal alert id, does not compile.
    // @ts-expect-error globalAdminCountThreshold is not a setting of StaleSignInAlert
    new DirectoryAlertConfiguration("wrong", { alertId: "StaleSignInAlert", globalAdminCountThreshold: 3 });
    // @ts-expect-error duration belongs to StaleSignInAlert and RedundantAssignmentAlert, not to this alert
    new DirectoryAlertConfiguration("wrong2", { alertId: "SequentialActivationRenewalsAlert", duration: "P30D" });
    // @ts-expect-error a non-configurable alert accepts only isEnabled
    new DirectoryAlertConfiguration("wrong3", { alertId: "NoMfaOnRoleActivationAlert", duration: "P30D" });
    // @ts-expect-error timeIntervalBetweenActivations belongs to SequentialActivationRenewalsAlert
    new DirectoryAlertConfiguration("wrong4", { alertId: "TooManyGlobalAdminsAssignedToTenantAlert", timeIntervalBetweenActivations: "PT1H" });
    // @ts-expect-error an unknown literal alert id does not compile
    new DirectoryAlertConfiguration("unknown", { alertId: "StaleSignIn" });
    // @ts-expect-error an ARM alert id is not a directory alert id
    new DirectoryAlertConfiguration("arm", { alertId: "TooManyOwnersAssignedToResource" });
    // @ts-expect-error durations are ISO-8601 strings, not numbers of days
    new DirectoryAlertConfiguration("number", { alertId: "StaleSignInAlert", duration: 30 });
    // @ts-expect-error counts are numbers
    new DirectoryAlertConfiguration("string", { alertId: "TooManyGlobalAdminsAssignedToTenantAlert", globalAdminCountThreshold: "4" });
    // @ts-expect-error onDelete of a configuration is retain or restore
    new DirectoryAlertConfiguration("ondelete", { alertId: "StaleSignInAlert", onDelete: "reactivate" });
    // An alert id known only at run time compiles with any setting; check rejects the wrong ones.
    new DirectoryAlertConfiguration("dynamic", { alertId: fromConfig, globalAdminCountThreshold: 3, duration: "P30D" });
    new DirectoryAlertConfiguration("output", { alertId: fromOutput, timeIntervalBetweenActivations: "PT1H" });
    new DirectoryAlertDismissal("dismiss", { alertId: "NoMfaOnRoleActivationAlert" });
    new DirectoryAlertDismissal("dismiss-reactivate", { alertId: "StaleSignInAlert", onDelete: "reactivate" });
    // @ts-expect-error onDelete of a dismissal is retain or reactivate
    new DirectoryAlertDismissal("dismiss2", { alertId: "NoMfaOnRoleActivationAlert", onDelete: "restore" });
    // @ts-expect-error a dismissal takes no settings
    new DirectoryAlertDismissal("dismiss3", { alertId: "StaleSignInAlert", duration: "P30D" });
}
