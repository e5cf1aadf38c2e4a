import { parseJsonBody } from "../../core/jsonBody";
import { emptyReply, type Reply } from "../../core/reply";
import { armDateTime } from "../../core/time";
import type { ArmCall } from "../armCall";
import { ARM_ERROR_CODES, armErrorReply } from "../armErrors";
import { validateAlertPatch } from "../alertPatch";
import { findArmAlertKind } from "../catalog";
import { validateConfigurationPatch } from "../configurationPatch";
import type { PatchValidation } from "../patchBody";
import { armNotFound } from "./notFound";

function invalidContent(message: string): Reply {
    return armErrorReply(400, ARM_ERROR_CODES.invalidRequestContent, message);
}

function validatedBody(c: ArmCall, validate: (body: unknown) => PatchValidation): PatchValidation {
    const parsed = parseJsonBody(c.call.bodyText);
    return parsed.ok ? validate(parsed.value) : { ok: false, message: parsed.reason };
}

/**
 * PATCH `roleManagementAlertConfigurations/{alertId}` (AlertConfigurations_Update): validates,
 * merges the sent values over the stored ones (omitted fields keep their values), answers 204.
 * @param c - The ARM request.
 * @param alertId - Alert id from the URL (any case).
 */
export function patchConfiguration(c: ArmCall, alertId: string): Reply {
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) return armNotFound(c, "configuration", alertId);
    const result = validatedBody(c, (body) => validateConfigurationPatch(kind, body));
    if (!result.ok) return invalidContent(result.message);
    c.state.configurations.set(kind.alertId, { ...c.state.configurations.get(kind.alertId), ...result.values });
    return emptyReply(204);
}

/**
 * PATCH `roleManagementAlerts/{alertId}` (Alerts_Update): sets `isActive` (dismiss/reactivate), 204.
 * @param c - The ARM request.
 * @param alertId - Alert id from the URL (any case).
 */
export function patchAlert(c: ArmCall, alertId: string): Reply {
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) return armNotFound(c, "alert", alertId);
    const result = validatedBody(c, validateAlertPatch);
    if (!result.ok) return invalidContent(result.message);
    const status = c.state.alerts.get(kind.alertId);
    if (status !== undefined) {
        status.isActive = result.values["isActive"] === true;
        status.lastModifiedDateTime = armDateTime(c.now);
    }
    return emptyReply(204);
}

/**
 * POST `roleManagementAlerts/{alertId}/alertIncidents/{alertIncidentId}/remediate`: removes the
 * incident (so `incidentCount` drops by one) and answers 204; 400 when the alert's definition is
 * not remediatable, 404 for an unknown incident. The alert's `isActive` is left to the next scan.
 * @param c - The ARM request.
 * @param alertId - Alert id from the URL (any case).
 * @param incidentId - Incident name (any case).
 */
export function remediateIncident(c: ArmCall, alertId: string, incidentId: string): Reply {
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) return armNotFound(c, "alert", alertId);
    const incidents = c.state.incidents.get(kind.alertId) ?? [];
    const index = incidents.findIndex((incident) => incident.name.toLowerCase() === incidentId.toLowerCase());
    if (index < 0) return armNotFound(c, "incident", `${kind.alertId}/alertIncidents/${incidentId}`);
    if (c.state.definitions.get(kind.alertId)?.isRemediatable !== true) {
        return armErrorReply(
            400,
            ARM_ERROR_CODES.notRemediatable,
            `Incidents of alert '${kind.alertId}' cannot be remediated: its definition has isRemediatable false.`,
        );
    }
    incidents.splice(index, 1);
    return emptyReply(204);
}
