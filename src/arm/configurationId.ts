/**
 * The ARM resource ids of alert configurations and alerts, which are also the Pulumi resource ids:
 * `{scope}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/{alertId}`.
 */
import { excerpt, InvalidArgumentError, parsed, parseProblem, type ParseResult } from "../errors";
import { isArmAlertId, type ArmAlertId } from "./catalog";
import { parseScope } from "./scope";

/** Which ARM collection an id belongs to. */
export type ArmAlertCollection = "roleManagementAlertConfigurations" | "roleManagementAlerts";

/** The parts of an alert or alert-configuration id. */
export interface ArmAlertResourceId {
    readonly scope: string;
    readonly alertId: ArmAlertId;
    readonly collection: ArmAlertCollection;
}

const PROVIDER_SEGMENT = "/providers/Microsoft.Authorization/";

/** Formats the resource id of an alert configuration or alert. */
export function formatAlertResourceId(id: ArmAlertResourceId): string {
    return `${id.scope}${PROVIDER_SEGMENT}${id.collection}/${id.alertId}`;
}

/** Parses an id as returned by ARM or stored by this provider; the problem says why it is not one. */
export function parseAlertResourceId(text: string, collection: ArmAlertCollection): ParseResult<ArmAlertResourceId> {
    const at = text.toLowerCase().lastIndexOf(`${PROVIDER_SEGMENT}${collection}/`.toLowerCase());
    const fail = (why: string) => parseProblem<ArmAlertResourceId>(`id ${excerpt(text)} is not valid: ${why}`);
    if (at < 0) return fail(`expected {scope}${PROVIDER_SEGMENT}${collection}/{alertId}`);
    const scope = parseScope(text.slice(0, at));
    if (!scope.ok) return fail(scope.problem);
    const alertId = text.slice(at + PROVIDER_SEGMENT.length + collection.length + 1);
    if (!isArmAlertId(alertId)) return fail(`unknown alert id ${excerpt(alertId)}`);
    return parsed({ scope: scope.value.id, alertId, collection });
}

/** The parts of a resource id the provider was given (from the state); throws an InvalidArgumentError when it is not one. */
export function alertResourceIdOf(text: string, collection: ArmAlertCollection): ArmAlertResourceId {
    const result = parseAlertResourceId(text, collection);
    if (!result.ok) throw new InvalidArgumentError(result.problem);
    return result.value;
}

/** A short human description for messages: `alert configuration TooManyOwners... at /subscriptions/...`. */
export function describeAlertResource(id: Pick<ArmAlertResourceId, "scope" | "alertId" | "collection">): string {
    const what = id.collection === "roleManagementAlerts" ? "alert" : "alert configuration";
    return `${what} ${id.alertId} at ${id.scope}`;
}
