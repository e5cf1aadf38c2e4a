/**
 * The ARM resource ids of alert configurations and alerts, which are also the Pulumi resource ids:
 * `{scope}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/{alertId}`.
 */
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

/** Parses an id as returned by ARM or stored by this provider; throws with the reason when it is not one. */
export function parseAlertResourceId(text: string, collection: ArmAlertCollection): ArmAlertResourceId {
    const at = text.toLowerCase().lastIndexOf(`${PROVIDER_SEGMENT}${collection}/`.toLowerCase());
    const expected = `{scope}${PROVIDER_SEGMENT}${collection}/{alertId}`;
    if (at < 0) throw new Error(`parsing id ${JSON.stringify(text)}: expected ${expected}`);
    const scope = parseScope(text.slice(0, at));
    if (!scope.ok) throw new Error(`parsing id ${JSON.stringify(text)}: ${scope.reason}`);
    const alertId = text.slice(at + PROVIDER_SEGMENT.length + collection.length + 1);
    if (!isArmAlertId(alertId)) throw new Error(`parsing id ${JSON.stringify(text)}: unknown alert id ${JSON.stringify(alertId)}`);
    return { scope: scope.scope.id, alertId, collection };
}

/** A short human description for messages: `alert configuration TooManyOwners... at /subscriptions/...`. */
export function describeAlertResource(id: Pick<ArmAlertResourceId, "scope" | "alertId" | "collection">): string {
    const what = id.collection === "roleManagementAlerts" ? "alert" : "alert configuration";
    return `${what} ${id.alertId} at ${id.scope}`;
}
