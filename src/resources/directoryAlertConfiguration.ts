/**
 * DirectoryAlertConfiguration: the enablement and settings of one PIM alert of Entra directory roles
 * (Microsoft Graph beta), in the tenant the provider signs in to.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DirectoryAlertId } from "../graph/catalog";
import * as provider from "../provider/directoryAlertConfigurationProvider";

/** Settings of StaleSignInAlert ("Potential stale accounts in a privileged role"). */
export interface StaleSignInSettings {
    /** Days without a sign-in after which an account is stale: an ISO-8601 duration of whole days, `P1D`..`P365D` (e.g. `"P30D"`). */
    readonly duration?: pulumi.Input<string>;
}

/** Settings of RedundantAssignmentAlert ("Administrators aren't using their privileged roles"). */
export interface RedundantAssignmentSettings {
    /** Days a user can go without activating a role: an ISO-8601 duration of whole days, `P0D`..`P100D`. */
    readonly duration?: pulumi.Input<string>;
}

/** Settings of SequentialActivationRenewalsAlert ("Roles are being activated too frequently"). */
export interface SequentialActivationRenewalsSettings {
    /** Activations of one role within the window that fire the alert, 2..100. */
    readonly sequentialActivationCounterThreshold?: pulumi.Input<number>;
    /** The window in which activations are counted: an ISO-8601 duration, `PT1S`..`P30D` (e.g. `"PT1H"`). */
    readonly timeIntervalBetweenActivations?: pulumi.Input<string>;
}

/** Settings of TooManyGlobalAdminsAssignedToTenantAlert. The alert fires when both are exceeded. */
export interface TooManyGlobalAdminsSettings {
    /** Number of Global Administrators, 2..100. */
    readonly globalAdminCountThreshold?: pulumi.Input<number>;
    /** Percentage of Global Administrators among all privileged role assignees, 0..100. */
    readonly percentageOfGlobalAdminsOutOfRolesThreshold?: pulumi.Input<number>;
}

/** The settings each alert accepts. InvalidLicense, NoMfaOnRoleActivation and RolesAssignedOutsidePim have none. */
export interface DirectoryAlertSettings {
    InvalidLicenseAlert: {};
    NoMfaOnRoleActivationAlert: {};
    RedundantAssignmentAlert: RedundantAssignmentSettings;
    RolesAssignedOutsidePimAlert: {};
    SequentialActivationRenewalsAlert: SequentialActivationRenewalsSettings;
    StaleSignInAlert: StaleSignInSettings;
    TooManyGlobalAdminsAssignedToTenantAlert: TooManyGlobalAdminsSettings;
}

/** Properties every directory alert configuration has. */
export interface DirectoryAlertConfigurationCommonArgs<A extends string> {
    /** The alert, e.g. `StaleSignInAlert` (the end of Graph's id `DirectoryRole_<tenantId>_StaleSignInAlert`). Changing it replaces the resource. */
    readonly alertId: pulumi.Input<A>;
    /** Whether PIM scans for this alert. Left as it is in the tenant when not declared. */
    readonly isEnabled?: pulumi.Input<boolean>;
    /**
     * What deleting this resource does in the tenant: `"retain"` leaves the configuration as it is (a destroy
     * never weakens a security control); `"restore"` puts the declared properties back to the values
     * they had when this resource adopted the configuration.
     * @default "retain"
     */
    readonly onDelete?: pulumi.Input<"retain" | "restore">;
}

/**
 * The arguments of a {@link DirectoryAlertConfiguration}. With a literal `alertId`, only that alert's settings
 * compile; with an `alertId` known only at run time, any setting compiles and `check` rejects the wrong ones.
 */
export type DirectoryAlertConfigurationArgs<A extends string = DirectoryAlertId> = DirectoryAlertConfigurationCommonArgs<A> &
    (string extends A
        ? StaleSignInSettings & RedundantAssignmentSettings & SequentialActivationRenewalsSettings & TooManyGlobalAdminsSettings
        : A extends DirectoryAlertId
          ? DirectoryAlertSettings[A]
          : never);

/**
 * Declares the configuration of one PIM alert of Entra directory roles.
 *
 * The configuration always exists in the tenant: creating this resource adopts it (its values at that
 * moment are kept in {@link DirectoryAlertConfiguration.initialProperties}) and sets the declared properties.
 * Properties you do not declare are never written and never reported as drift. Durations are compared by
 * meaning: `P30D`, `PT720H` and `P4W2D` are the same; months and years are refused (their length varies).
 *
 * The tenant is `pim-alerts:tenantId` when it is a GUID, else the tenant of the Graph access token. The identity
 * needs the Graph permission RoleManagementAlert.ReadWrite.Directory (a user: the Privileged Role Administrator role).
 *
 * @example
 * ```ts
 * new pim.DirectoryAlertConfiguration("stale-accounts", { alertId: "StaleSignInAlert", isEnabled: true, duration: "P30D" });
 * new pim.DirectoryAlertConfiguration("global-admins", {
 *     alertId: "TooManyGlobalAdminsAssignedToTenantAlert",
 *     globalAdminCountThreshold: 4,
 *     percentageOfGlobalAdminsOutOfRolesThreshold: 10,
 * });
 * ```
 */
export class DirectoryAlertConfiguration<A extends string = DirectoryAlertId> extends pulumi.dynamic.Resource {
    declare public readonly alertId: pulumi.Output<A>;
    /** The tenant whose directory roles the alert watches. */
    declare public readonly tenantId: pulumi.Output<string>;
    /** Live: whether PIM scans for this alert. */
    declare public readonly isEnabled: pulumi.Output<boolean>;
    /** Live settings (present for the alerts that have them; durations in your spelling when they mean the same). */
    declare public readonly duration: pulumi.Output<string | undefined>;
    declare public readonly sequentialActivationCounterThreshold: pulumi.Output<number | undefined>;
    declare public readonly timeIntervalBetweenActivations: pulumi.Output<string | undefined>;
    declare public readonly globalAdminCountThreshold: pulumi.Output<number | undefined>;
    declare public readonly percentageOfGlobalAdminsOutOfRolesThreshold: pulumi.Output<number | undefined>;
    /** Graph's type of the configuration, e.g. `#microsoft.graph.staleSignInAlertConfiguration`. */
    declare public readonly odataType: pulumi.Output<string>;
    /** The values Graph held when this resource adopted the configuration. */
    declare public readonly initialProperties: pulumi.Output<Record<string, boolean | number | string>>;
    /** The properties this resource manages (the ones the program declares). */
    declare public readonly declaredProperties: pulumi.Output<string[]>;
    declare public readonly onDelete: pulumi.Output<"retain" | "restore">;

    /**
     * @param name - The Pulumi resource name.
     * @param args - What to declare; see {@link DirectoryAlertConfigurationArgs}.
     * @param opts - Standard resource options.
     */
    constructor(name: string, args: DirectoryAlertConfigurationArgs<A>, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            {
                duration: undefined,
                sequentialActivationCounterThreshold: undefined,
                timeIntervalBetweenActivations: undefined,
                globalAdminCountThreshold: undefined,
                percentageOfGlobalAdminsOutOfRolesThreshold: undefined,
                isEnabled: undefined,
                onDelete: undefined,
                ...args,
                tenantId: undefined,
                odataType: undefined,
                initialProperties: undefined,
                declaredProperties: undefined,
            },
            opts,
            "pim",
            "DirectoryAlertConfiguration",
        );
    }
}
