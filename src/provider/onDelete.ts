/**
 * What deleting a resource from the program does in the service, for every resource of this package.
 * A destroy must never weaken a security control by itself, so "retain" is always the default.
 */

/** Configurations: "retain" leaves the service as it is; "restore" writes back the declared properties' adopted values. */
export const CONFIGURATION_ON_DELETE = ["retain", "restore"] as const;

/** Dismissals: "retain" leaves the alert dismissed; "reactivate" sets it active again. */
export const DISMISSAL_ON_DELETE = ["retain", "reactivate"] as const;

/** The onDelete recorded in inputs or state; "retain" when there is none. */
export function onDeleteOf(props: Readonly<Record<string, unknown>>): string {
    return typeof props["onDelete"] === "string" ? props["onDelete"] : "retain";
}
