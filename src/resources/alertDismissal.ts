/**
 * AlertDismissal: keeps one PIM alert at one ARM scope dismissed.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ArmAlertId } from "../arm/catalog";
import * as provider from "../provider/alertDismissalProvider";

/** The arguments of an {@link AlertDismissal}. */
export interface AlertDismissalArgs {
    /** The ARM scope of the alert (management group, subscription, resource group or resource). Changing it replaces the resource. */
    readonly scope: pulumi.Input<string>;
    /** The alert to keep dismissed. Changing it replaces the resource. */
    readonly alertId: pulumi.Input<ArmAlertId>;
    /**
     * What deleting this resource does: `"retain"` leaves the alert as it is; `"reactivate"` sets it active again.
     * @default "retain"
     */
    readonly onDelete?: pulumi.Input<"retain" | "reactivate">;
}

/**
 * Dismisses a PIM alert and keeps it dismissed: when PIM raises the alert again, `pulumi preview --refresh`
 * shows `isActive: true => false` and `pulumi up` dismisses it again. Existing incidents stay readable.
 *
 * @example
 * ```ts
 * new pim.AlertDismissal("dup-roles", { scope: "/subscriptions/0000...", alertId: "DuplicateRoleCreated" });
 * ```
 */
export class AlertDismissal extends pulumi.dynamic.Resource {
    declare public readonly scope: pulumi.Output<string>;
    declare public readonly alertId: pulumi.Output<ArmAlertId>;
    /** Live: whether the alert is active (false while it stays dismissed). */
    declare public readonly isActive: pulumi.Output<boolean>;
    /** Live: the number of incidents of the alert. */
    declare public readonly incidentCount: pulumi.Output<number>;
    /** Live: when PIM last scanned for this alert (ISO 8601), or "" if never. */
    declare public readonly lastScannedDateTime: pulumi.Output<string>;
    declare public readonly onDelete: pulumi.Output<"retain" | "reactivate">;

    /**
     * @param name - The Pulumi resource name.
     * @param args - The alert to dismiss.
     * @param opts - Standard resource options.
     */
    constructor(name: string, args: AlertDismissalArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            {
                onDelete: undefined,
                ...args,
                isActive: undefined,
                incidentCount: undefined,
                lastScannedDateTime: undefined,
            },
            opts,
            "pim",
            "AlertDismissal",
        );
    }
}
