/**
 * DirectoryAlertConfiguration: the enablement and settings of one PIM alert of Entra directory roles
 * (Microsoft Graph beta), in the tenant the provider signs in to.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ALL_DIRECTORY_SETTINGS, type DirectoryAlertCatalog, type DirectoryAlertId } from "../graph/catalog";
import * as provider from "../provider/directoryAlertConfigurationProvider";
import { outputsNamed, resourceWithOutputs, type UnionToIntersection } from "./typeHelpers";

/** The value of a setting of this kind: a number, or an ISO-8601 duration as text. */
type SettingValue<S> = S extends { readonly kind: "duration" } ? string : number;

/**
 * The settings of one alert, each optional: exactly the catalog's (`DIRECTORY_ALERTS` in
 * graph/catalog.ts), typed by their kind, with the TSDoc written there.
 */
export type SettingsOf<A extends DirectoryAlertId> = {
    readonly [K in keyof DirectoryAlertCatalog[A]["settings"]]?: pulumi.Input<
        SettingValue<DirectoryAlertCatalog[A]["settings"][K]>
    >;
};

/** The settings each alert accepts. InvalidLicense, NoMfaOnRoleActivation and RolesAssignedOutsidePim have none. */
export type DirectoryAlertSettings = { readonly [A in DirectoryAlertId]: SettingsOf<A> };

/** Settings of StaleSignInAlert ("Potential stale accounts in a privileged role"). */
export type StaleSignInSettings = SettingsOf<"StaleSignInAlert">;

/** Settings of RedundantAssignmentAlert ("Administrators aren't using their privileged roles"). */
export type RedundantAssignmentSettings = SettingsOf<"RedundantAssignmentAlert">;

/** Settings of SequentialActivationRenewalsAlert ("Roles are being activated too frequently"). */
export type SequentialActivationRenewalsSettings = SettingsOf<"SequentialActivationRenewalsAlert">;

/** Settings of TooManyGlobalAdminsAssignedToTenantAlert. The alert fires when both are exceeded. */
export type TooManyGlobalAdminsSettings = SettingsOf<"TooManyGlobalAdminsAssignedToTenantAlert">;

/** Every setting of any alert (what an `alertId` known only at run time may declare). */
export type AnyDirectoryAlertSettings = UnionToIntersection<DirectoryAlertSettings[DirectoryAlertId]>;

/** The live settings of a {@link DirectoryAlertConfiguration} (present for the alerts that have them). */
export type DirectoryAlertSettingOutputs = {
    readonly [K in keyof AnyDirectoryAlertSettings]-?: pulumi.Output<
        Exclude<pulumi.Unwrap<AnyDirectoryAlertSettings[K]>, undefined> | undefined
    >;
};

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
export type DirectoryAlertConfigurationArgs<A extends string = DirectoryAlertId> =
    DirectoryAlertConfigurationCommonArgs<A> &
        (string extends A ? AnyDirectoryAlertSettings : A extends DirectoryAlertId ? DirectoryAlertSettings[A] : never);

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
// The live values the catalog names are members too (typed and documented by the catalog, see resourceWithOutputs).
export class DirectoryAlertConfiguration<
    A extends string = DirectoryAlertId,
> extends resourceWithOutputs<DirectoryAlertSettingOutputs>() {
    declare public readonly alertId: pulumi.Output<A>;
    /** The tenant whose directory roles the alert watches. */
    declare public readonly tenantId: pulumi.Output<string>;
    /** Live: whether PIM scans for this alert. */
    declare public readonly isEnabled: pulumi.Output<boolean>;
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
                ...outputsNamed(ALL_DIRECTORY_SETTINGS),
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
