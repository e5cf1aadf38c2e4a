/**
 * DirectoryAlertDismissal: keeps one PIM alert of Entra directory roles dismissed (Microsoft Graph beta).
 */
import * as pulumi from "@pulumi/pulumi";
import type { DirectoryAlertId } from "../graph/catalog";
import * as provider from "../provider/directoryAlertDismissalProvider";

/** The arguments of a {@link DirectoryAlertDismissal}. */
export interface DirectoryAlertDismissalArgs {
    /** The alert to keep dismissed, e.g. `NoMfaOnRoleActivationAlert`. Changing it replaces the resource. */
    readonly alertId: pulumi.Input<DirectoryAlertId>;
    /**
     * What deleting this resource does: `"retain"` leaves the alert as it is; `"reactivate"` sets it active again.
     * @default "retain"
     */
    readonly onDelete?: pulumi.Input<"retain" | "reactivate">;
}

/**
 * Dismisses a PIM alert of Entra directory roles and keeps it dismissed: when PIM raises the alert again
 * (a rescan, or a refresh by anyone), `pulumi preview --refresh` shows `isActive: true => false` and
 * `pulumi up` dismisses it again. Existing incidents stay readable. The provider never triggers a refresh.
 *
 * @example
 * ```ts
 * new pim.DirectoryAlertDismissal("no-mfa", { alertId: "NoMfaOnRoleActivationAlert" });
 * ```
 */
export class DirectoryAlertDismissal extends pulumi.dynamic.Resource {
    declare public readonly alertId: pulumi.Output<DirectoryAlertId>;
    /** The tenant whose directory roles the alert watches. */
    declare public readonly tenantId: pulumi.Output<string>;
    /** Live: whether the alert is active (false while it stays dismissed). */
    declare public readonly isActive: pulumi.Output<boolean>;
    /** Live: the number of incidents of the alert. */
    declare public readonly incidentCount: pulumi.Output<number>;
    /** Live: when PIM last scanned for this alert (ISO 8601), or "" if Graph gives none. */
    declare public readonly lastScannedDateTime: pulumi.Output<string>;
    declare public readonly onDelete: pulumi.Output<"retain" | "reactivate">;

    /**
     * @param name - The Pulumi resource name.
     * @param args - The alert to dismiss.
     * @param opts - Standard resource options.
     */
    constructor(name: string, args: DirectoryAlertDismissalArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            {
                onDelete: undefined,
                ...args,
                tenantId: undefined,
                isActive: undefined,
                incidentCount: undefined,
                lastScannedDateTime: undefined,
            },
            opts,
            "pim",
            "DirectoryAlertDismissal",
        );
    }
}
