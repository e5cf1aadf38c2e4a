// A platform team's PIM alert policy, as code.
//
// Every subscription of the landing zone gets the same owner thresholds; the platform management
// group is stricter; roles assigned outside PIM must always be scanned for; the sandbox's
// duplicate-role alert is dismissed on purpose (it is noisy there and reviewed elsewhere).
// For Entra directory roles: stale privileged accounts after 30 days, at most 4 Global Administrators.
import * as pulumi from "@pulumi/pulumi";
import * as pim from "pulumi-pim-alerts";

const config = new pulumi.Config("alert-policy");

/** Landing-zone subscriptions by short name. */
const subscriptions: Record<string, string> = config.getObject<Record<string, string>>("subscriptions") ?? {
    connectivity: "/subscriptions/11111111-1111-1111-1111-111111111111",
    identity: "/subscriptions/22222222-2222-2222-2222-222222222222",
    workloads: "/subscriptions/33333333-3333-3333-3333-333333333333",
};
const sandbox = config.get("sandboxSubscription") ?? "/subscriptions/44444444-4444-4444-4444-444444444444";
const platformGroup = config.get("managementGroup") ?? "/providers/Microsoft.Management/managementGroups/platform";

for (const [name, scope] of Object.entries(subscriptions)) {
    new pim.AlertConfiguration(`${name}-owners`, {
        scope,
        alertId: "TooManyOwnersAssignedToResource",
        isEnabled: true,
        thresholdNumberOfOwners: 3,
        thresholdPercentageOfOwnersOutOfAllRoleMembers: 10,
    });
    new pim.AlertConfiguration(`${name}-permanent-owners`, {
        scope,
        alertId: "TooManyPermanentOwnersAssignedToResource",
        isEnabled: true,
        thresholdNumberOfPermanentOwners: 1,
        thresholdPercentageOfPermanentOwnersOutOfAllOwners: 20,
    });
    new pim.AlertConfiguration(`${name}-outside-pim`, {
        scope,
        alertId: "AzureRolesAssignedOutsidePimAlert",
        isEnabled: true,
    });
}

// The platform management group holds the crown jewels: fewer owners, and restore on destroy.
export const platformOwners = new pim.AlertConfiguration("platform-owners", {
    scope: platformGroup,
    alertId: "TooManyOwnersAssignedToResource",
    isEnabled: true,
    thresholdNumberOfOwners: 2,
    thresholdPercentageOfOwnersOutOfAllRoleMembers: 5,
    onDelete: "restore",
}).initialProperties;

new pim.AlertDismissal("sandbox-duplicate-roles", { scope: sandbox, alertId: "DuplicateRoleCreated" });

// Entra directory roles (Microsoft Graph beta), in the tenant the provider signs in to.
new pim.DirectoryAlertConfiguration("stale-accounts", {
    alertId: "StaleSignInAlert",
    isEnabled: true,
    duration: "P30D",
});
new pim.DirectoryAlertConfiguration("global-admins", {
    alertId: "TooManyGlobalAdminsAssignedToTenantAlert",
    isEnabled: true,
    globalAdminCountThreshold: 4,
    percentageOfGlobalAdminsOutOfRolesThreshold: 10,
});
// MFA on activation is enforced by Conditional Access in this tenant, which PIM's scan does not see:
// the alert is a known false positive here, so it stays dismissed (and comes back as drift if PIM raises it).
new pim.DirectoryAlertDismissal("no-mfa-on-activation", { alertId: "NoMfaOnRoleActivationAlert" });
