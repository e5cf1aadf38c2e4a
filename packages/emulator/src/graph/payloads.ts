/**
 * The entities the emulated Graph API answers with: alerts (navigations inlined on `$expand`),
 * configurations with their derived `@odata.type`, definitions and incidents, and their URLs.
 */
import { graphAlertId, ODATA_TYPE_PREFIX, type GraphAlertKind } from "./catalog";
import type { GraphCall } from "./router";
import type { GraphIncidentRecord } from "./seed";

/**
 * `https://graph.microsoft.com/beta`, emulated: the base of every Graph URL the emulator hands out.
 * @param c - The Graph request.
 */
export function graphBase(c: GraphCall): string {
    return `${c.emulator.baseUrl}/beta`;
}

const SCOPE = { scopeId: "/", scopeType: "DirectoryRole" } as const;

/** Entity sets, as they appear in `@odata.context`. */
export const GRAPH_SETS = {
    alerts: "identityGovernance/roleManagementAlerts/alerts",
    configurations: "identityGovernance/roleManagementAlerts/alertConfigurations",
    definitions: "identityGovernance/roleManagementAlerts/alertDefinitions",
    operations: "identityGovernance/roleManagementAlerts/operations",
} as const;

/**
 * `@odata.context` of a collection or (with `$entity`) a single entity.
 * @param c - The Graph request.
 * @param set - Entity-set path.
 * @param single - True for a single entity.
 */
export function odataContext(c: GraphCall, set: string, single: boolean): string {
    return `${graphBase(c)}/$metadata#${set}${single ? "/$entity" : ""}`;
}

/**
 * A `unifiedRoleManagementAlertDefinition`.
 * @param c - The Graph request.
 * @param kind - The alert.
 */
export function definitionPayload(c: GraphCall, kind: GraphAlertKind): Record<string, unknown> {
    return { id: graphAlertId(c.tenantId, kind), ...SCOPE, ...c.state.definitions.get(kind.suffix) };
}

/**
 * A configuration with its derived `@odata.type` and settings.
 * @param c - The Graph request.
 * @param kind - The alert.
 * @param expand - Navigations to inline (`alertDefinition`).
 */
export function configurationPayload(
    c: GraphCall,
    kind: GraphAlertKind,
    expand: ReadonlySet<string>,
): Record<string, unknown> {
    const id = graphAlertId(c.tenantId, kind);
    const payload: Record<string, unknown> = {
        "@odata.type": `${ODATA_TYPE_PREFIX}${kind.configurationType}`,
        id,
        alertDefinitionId: id,
        ...SCOPE,
        ...c.state.configurations.get(kind.suffix),
    };
    if (expand.has("alertDefinition")) payload["alertDefinition"] = definitionPayload(c, kind);
    return payload;
}

/**
 * An incident with its derived `@odata.type`.
 * @param kind - The alert it belongs to.
 * @param incident - The incident.
 */
export function incidentPayload(kind: GraphAlertKind, incident: GraphIncidentRecord): Record<string, unknown> {
    return { "@odata.type": `${ODATA_TYPE_PREFIX}${kind.incidentType}`, id: incident.id, ...incident.properties };
}

/**
 * A `unifiedRoleManagementAlert`, optionally with its navigations inlined.
 * @param c - The Graph request.
 * @param kind - The alert.
 * @param expand - Navigations to inline.
 */
export function alertPayload(c: GraphCall, kind: GraphAlertKind, expand: ReadonlySet<string>): Record<string, unknown> {
    const id = graphAlertId(c.tenantId, kind);
    const incidents = c.state.incidents.get(kind.suffix) ?? [];
    const payload: Record<string, unknown> = {
        id,
        alertDefinitionId: id,
        ...SCOPE,
        incidentCount: incidents.length,
        ...c.state.alerts.get(kind.suffix),
    };
    if (expand.has("alertConfiguration")) payload["alertConfiguration"] = configurationPayload(c, kind, new Set());
    if (expand.has("alertDefinition")) payload["alertDefinition"] = definitionPayload(c, kind);
    if (expand.has("alertIncidents"))
        payload["alertIncidents"] = incidents.map((incident) => incidentPayload(kind, incident));
    return payload;
}
