/**
 * What the `scope` argument of the data functions, the actions and the CLI names: an ARM scope
 * (ARM PIM alerts, api-version 2022-08-01-preview) or the word `"directory"` (the Entra directory
 * roles of the signed-in tenant, Microsoft Graph beta). One argument for both, so that a program or a
 * pipeline can loop over a list that mixes them.
 */
import { ARM_ALERT_IDS, isArmAlertId, type ArmAlertId } from "../arm/catalog";
import { parseScope, SCOPE_FORMS } from "../arm/scope";
import { DIRECTORY_ALERT_IDS, isDirectoryAlertId, type DirectoryAlertId } from "../graph/catalog";
import { parseDirectoryAlertId } from "../graph/directoryId";
import { excerpt, InvalidArgumentError } from "../errors";

/** The `scope` that names the Entra directory roles of the signed-in tenant (Microsoft Graph beta). */
export const DIRECTORY_SCOPE = "directory";

/** A parsed `scope`: an ARM scope in canonical form, or the directory. */
export type AlertTarget = { readonly kind: "arm"; readonly scope: string } | { readonly kind: "directory" };

/** An alert of a target: the ARM alert id, or the directory alert (with the tenant when the caller gave Graph's full id). */
export type TargetAlert =
    | { readonly kind: "arm"; readonly scope: string; readonly alertId: ArmAlertId }
    | { readonly kind: "directory"; readonly alertId: DirectoryAlertId; readonly tenantId: string | undefined };

/** Parses `scope`: `"directory"` (any case) or any accepted spelling of an ARM scope. */
export function parseTarget(scope: unknown): AlertTarget {
    if (typeof scope !== "string")
        throw new InvalidArgumentError(
            `scope must be a string: "${DIRECTORY_SCOPE}" or an ARM scope (${SCOPE_FORMS}); got ${typeof scope}`,
        );
    if (scope.trim().toLowerCase() === DIRECTORY_SCOPE) return { kind: "directory" };
    const parsed = parseScope(scope);
    if (!parsed.ok)
        throw new InvalidArgumentError(
            `scope ${excerpt(scope)} is neither "${DIRECTORY_SCOPE}" nor an ARM scope: ${parsed.problem}`,
        );
    return { kind: "arm", scope: parsed.value.id };
}

/** The canonical text of a target, as results report it: the ARM scope or `"directory"`. */
export function targetScope(target: AlertTarget): string {
    return target.kind === "arm" ? target.scope : DIRECTORY_SCOPE;
}

/** Parses `alertId` for a target: an ARM alert id, or a directory alert id short (`StaleSignInAlert`) or full (`DirectoryRole_<tenant>_StaleSignInAlert`). */
export function parseTargetAlert(target: AlertTarget, alertId: unknown): TargetAlert {
    if (target.kind === "arm") {
        if (isArmAlertId(alertId)) return { kind: "arm", scope: target.scope, alertId };
        throw new InvalidArgumentError(
            `alertId ${excerpt(alertId)} is not an ARM PIM alert; allowed at ${target.scope}: ${ARM_ALERT_IDS.join(", ")}`,
        );
    }
    if (isDirectoryAlertId(alertId)) return { kind: "directory", alertId, tenantId: undefined };
    if (typeof alertId === "string" && alertId.startsWith("DirectoryRole_")) {
        const ref = parseDirectoryAlertId(alertId);
        if (!ref.ok) throw new InvalidArgumentError(`alertId: ${ref.problem}`);
        return { kind: "directory", alertId: ref.value.alertId, tenantId: ref.value.tenantId };
    }
    throw new InvalidArgumentError(
        `alertId ${excerpt(alertId)} is not a directory-role PIM alert; allowed: ${DIRECTORY_ALERT_IDS.join(", ")} (or Graph's full id DirectoryRole_<tenantId>_<alertId>)`,
    );
}

/** Checks an incident id before it goes into a URL path (incident ids are GUIDs or object ids). */
export function parseIncidentId(incidentId: unknown): string {
    if (typeof incidentId === "string" && /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/.test(incidentId)) return incidentId;
    throw new InvalidArgumentError(
        `incidentId ${excerpt(incidentId)} is not an incident id (a GUID, as getAlertIncidents returns it)`,
    );
}
