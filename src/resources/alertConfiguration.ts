/**
 * AlertConfiguration: the enablement and thresholds of one PIM alert at one ARM scope.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ALL_ARM_THRESHOLDS, type ArmAlertCatalog, type ArmAlertId } from "../arm/catalog";
import * as provider from "../provider/alertConfigurationProvider";
import { outputsNamed, resourceWithOutputs, type UnionToIntersection } from "./typeHelpers";

/**
 * The thresholds of one alert, each an optional number: exactly the catalog's (`ARM_ALERTS` in
 * arm/catalog.ts), with the TSDoc written there.
 */
export type ThresholdsOf<A extends ArmAlertId> = {
    readonly [T in keyof ArmAlertCatalog[A]["thresholds"]]?: pulumi.Input<number>;
};

/** The thresholds each alert accepts. DuplicateRoleCreated and AzureRolesAssignedOutsidePimAlert have none. */
export type ArmAlertThresholds = { readonly [A in ArmAlertId]: ThresholdsOf<A> };

/** Thresholds of TooManyOwnersAssignedToResource. */
export type TooManyOwnersThresholds = ThresholdsOf<"TooManyOwnersAssignedToResource">;

/** Thresholds of TooManyPermanentOwnersAssignedToResource. */
export type TooManyPermanentOwnersThresholds = ThresholdsOf<"TooManyPermanentOwnersAssignedToResource">;

/** Every threshold of any alert (what an `alertId` known only at run time may declare). */
export type AnyArmAlertThresholds = UnionToIntersection<ArmAlertThresholds[ArmAlertId]>;

/** The live thresholds of an {@link AlertConfiguration} (present for the alerts that have them). */
export type ArmAlertThresholdOutputs = {
    readonly [T in keyof AnyArmAlertThresholds]-?: pulumi.Output<number | undefined>;
};

/** Properties every configuration has. */
export interface AlertConfigurationCommonArgs<A extends string> {
    /**
     * The ARM scope: a management group, subscription, resource group or resource id
     * (e.g. `/subscriptions/0000...`). Leading slash optional; case and a trailing slash do not matter.
     * Changing it replaces the resource.
     */
    readonly scope: pulumi.Input<string>;
    /** The alert, e.g. `TooManyOwnersAssignedToResource`. Changing it replaces the resource. */
    readonly alertId: pulumi.Input<A>;
    /** Whether PIM scans for this alert. Left as it is in Azure when not declared. */
    readonly isEnabled?: pulumi.Input<boolean>;
    /**
     * What deleting this resource does in Azure: `"retain"` leaves the configuration as it is (a destroy
     * never weakens a security control); `"restore"` puts the declared properties back to the values
     * they had when this resource adopted the configuration.
     * @default "retain"
     */
    readonly onDelete?: pulumi.Input<"retain" | "restore">;
}

/**
 * The arguments of an {@link AlertConfiguration}. With a literal `alertId`, only that alert's thresholds
 * compile; with an `alertId` known only at run time, any threshold compiles and `check` rejects the wrong ones.
 */
export type AlertConfigurationArgs<A extends string = ArmAlertId> = AlertConfigurationCommonArgs<A> &
    (string extends A ? AnyArmAlertThresholds : A extends ArmAlertId ? ArmAlertThresholds[A] : never);

/**
 * Declares the configuration of one PIM alert at one ARM scope.
 *
 * The configuration always exists in Azure: creating this resource adopts it (its values at that
 * moment are kept in {@link AlertConfiguration.initialProperties}) and sets the declared properties.
 * Properties you do not declare are never written and never reported as drift.
 *
 * @example
 * ```ts
 * new pim.AlertConfiguration("owners", {
 *     scope: "/subscriptions/00000000-0000-0000-0000-000000000000",
 *     alertId: "TooManyOwnersAssignedToResource",
 *     isEnabled: true,
 *     thresholdNumberOfOwners: 3,
 *     thresholdPercentageOfOwnersOutOfAllRoleMembers: 10,
 * });
 * ```
 */
// The live values the catalog names are members too (typed and documented by the catalog, see resourceWithOutputs).
export class AlertConfiguration<A extends string = ArmAlertId> extends resourceWithOutputs<ArmAlertThresholdOutputs>() {
    /** The canonical ARM scope. */
    declare public readonly scope: pulumi.Output<string>;
    declare public readonly alertId: pulumi.Output<A>;
    /** Live: whether PIM scans for this alert. */
    declare public readonly isEnabled: pulumi.Output<boolean>;
    /** The API's discriminator, e.g. `TooManyOwnersAssignedToResourceAlertConfiguration`. */
    declare public readonly alertConfigurationType: pulumi.Output<string>;
    /** The values Azure held when this resource adopted the configuration. */
    declare public readonly initialProperties: pulumi.Output<Record<string, boolean | number>>;
    /** The properties this resource manages (the ones the program declares). */
    declare public readonly declaredProperties: pulumi.Output<string[]>;
    declare public readonly onDelete: pulumi.Output<"retain" | "restore">;

    /**
     * @param name - The Pulumi resource name.
     * @param args - What to declare; see {@link AlertConfigurationArgs}.
     * @param opts - Standard resource options.
     */
    constructor(name: string, args: AlertConfigurationArgs<A>, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            {
                ...outputsNamed(ALL_ARM_THRESHOLDS),
                isEnabled: undefined,
                onDelete: undefined,
                ...args,
                alertConfigurationType: undefined,
                initialProperties: undefined,
                declaredProperties: undefined,
            },
            opts,
            "pim",
            "AlertConfiguration",
        );
    }
}
