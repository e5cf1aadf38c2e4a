/**
 * The bodies the emulated ARM API answers with, in the shape of Microsoft's examples: alerts (with
 * configuration, definition and incidents inlined), configurations, definitions, incidents and the
 * `AlertOperationResult` of a refresh.
 */
import type { StoredOperation } from "../core/operationStore";
import { ARM_API_VERSION, armDateTime, type ArmAlertKind } from "./catalog";
import type { ArmIncidentRecord } from "./seed";
import { subscriptionProviderForm, type ArmRefreshInfo, type ArmScope, type ArmScopeState } from "./state";

/** Resource types as they appear in the `type` field of the examples. */
export const ARM_TYPES = {
    alert: "Microsoft.Authorization/roleManagementAlerts",
    configuration: "Microsoft.Authorization/roleManagementAlertConfigurations",
    definition: "Microsoft.Authorization/roleManagementAlertDefinitions",
    incident: "Microsoft.Authorization/roleManagementAlerts/alertIncidents",
} as const;

/**
 * A resource id in the shape of the examples: leading slash, scope as requested.
 * @param scope - The requested scope.
 * @param relative - The part after `providers/Microsoft.Authorization/`.
 */
export function armResourceId(scope: ArmScope, relative: string): string {
    return `/${scope.requested}/providers/Microsoft.Authorization/${relative}`;
}

/**
 * An alert definition resource (`GetAlertDefinitionById.json` shape).
 * @param scope - The requested scope.
 * @param kind - The alert.
 * @param state - The scope's state.
 */
export function definitionPayload(scope: ArmScope, kind: ArmAlertKind, state: ArmScopeState): unknown {
    const properties: Record<string, unknown> = { ...state.definitions.get(kind.alertId), scope: scope.requested };
    return {
        name: kind.alertId,
        type: ARM_TYPES.definition,
        id: armResourceId(scope, `roleManagementAlertDefinitions/${kind.alertId}`),
        properties: Object.fromEntries(
            Object.keys(properties)
                .sort()
                .map((key) => [key, properties[key]]),
        ),
    };
}

/**
 * An alert configuration resource (`GetAlertConfigurations.json` shape), thresholds last.
 * @param scope - The requested scope.
 * @param kind - The alert.
 * @param state - The scope's state.
 */
export function configurationPayload(scope: ArmScope, kind: ArmAlertKind, state: ArmScopeState): unknown {
    const values = state.configurations.get(kind.alertId) ?? {};
    const properties: Record<string, unknown> = {
        alertConfigurationType: kind.configurationType,
        alertDefinitionId: kind.alertId,
        isEnabled: values["isEnabled"],
        scope: scope.requested,
    };
    for (const { name } of kind.thresholds) {
        if (values[name] !== undefined) properties[name] = values[name];
    }
    return {
        name: kind.alertId,
        type: ARM_TYPES.configuration,
        id: armResourceId(scope, `roleManagementAlertConfigurations/${kind.alertId}`),
        properties,
    };
}

/**
 * An alert incident resource (`GetAlertIncidentById.json` shape).
 * @param scope - The requested scope.
 * @param kind - The alert the incident belongs to.
 * @param incident - The incident.
 */
export function incidentPayload(scope: ArmScope, kind: ArmAlertKind, incident: ArmIncidentRecord): unknown {
    return {
        name: incident.name,
        type: ARM_TYPES.incident,
        id: armResourceId(scope, `roleManagementAlerts/${kind.alertId}/alertIncidents/${incident.name}`),
        properties: { alertIncidentType: kind.incidentType, ...incident.properties },
    };
}

/**
 * An alert resource with its configuration, definition and incidents inlined (`GetAlertById.json` shape).
 * @param scope - The requested scope.
 * @param kind - The alert.
 * @param state - The scope's state.
 */
export function alertPayload(scope: ArmScope, kind: ArmAlertKind, state: ArmScopeState): unknown {
    const status = state.alerts.get(kind.alertId);
    const incidents = state.incidents.get(kind.alertId) ?? [];
    return {
        name: kind.alertId,
        type: ARM_TYPES.alert,
        id: armResourceId(scope, `roleManagementAlerts/${kind.alertId}`),
        properties: {
            alertConfiguration: configurationPayload(scope, kind, state),
            alertDefinition: definitionPayload(scope, kind, state),
            alertIncidents: incidents.map((incident) => incidentPayload(scope, kind, incident)),
            incidentCount: incidents.length,
            isActive: status?.isActive,
            lastModifiedDateTime: status?.lastModifiedDateTime,
            lastScannedDateTime: status?.lastScannedDateTime,
            scope: scope.requested,
        },
    };
}

const STATUS_TEXT = {
    notStarted: "Alert scan is not yet started.",
    running: "Alert scan is running.",
    succeeded: "Alert scan is completed.",
    failed: "Alert scan failed.",
} as const;

function statusOf(operation: StoredOperation<ArmRefreshInfo>, moment: "accepted" | "poll"): keyof typeof STATUS_TEXT {
    // The examples answer a single refresh with "Running" and a refresh-all with "notStarted" (sic).
    if (moment === "accepted") return operation.info.target === "all" ? "notStarted" : "running";
    return operation.phase;
}

const STATUS_VALUE = {
    notStarted: "notStarted",
    running: "Running",
    succeeded: "Succeeded",
    failed: "Failed",
} as const;

/**
 * An `AlertOperationResult` (`RefreshAlert.json` / `GetAlertOperationById.json` shape);
 * `statusDetail` is JSON-encoded text, `resourceLocation` uses the Microsoft.Subscription form.
 * @param baseUrl - The emulator's URL.
 * @param operation - The stored operation.
 * @param moment - `accepted` for the 202 body, `poll` for the operation GET.
 */
export function operationPayload(
    baseUrl: string,
    operation: StoredOperation<ArmRefreshInfo>,
    moment: "accepted" | "poll",
): unknown {
    const status = statusOf(operation, moment);
    const { scope, target, alertIds } = operation.info;
    const resourcePath = target === "all" ? "roleManagementAlerts" : `roleManagementAlerts/${alertIds[0] ?? ""}`;
    const resourceLocation = new URL(
        `/${subscriptionProviderForm(scope)}/providers/Microsoft.Authorization/${resourcePath}`,
        baseUrl,
    );
    resourceLocation.searchParams.set("api-version", ARM_API_VERSION);
    return {
        createdDateTime: armDateTime(operation.createdAt),
        id: operation.id,
        lastActionDateTime: armDateTime(operation.lastActionAt),
        resourceLocation: resourceLocation.toString(),
        status: STATUS_VALUE[status],
        statusDetail: JSON.stringify({ result: alertIds.map((name) => ({ name, statusDetail: STATUS_TEXT[status] })) }),
    };
}
