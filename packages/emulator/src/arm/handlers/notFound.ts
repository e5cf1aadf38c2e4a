import type { Reply } from "../../core/reply";
import { ARM_ERROR_CODES, armErrorReply } from "../armErrors";
import type { ArmCall } from "../armCall";

/** Which kind of resource was not found, with its ARM type name for the message. */
const KINDS = {
    alert: { code: ARM_ERROR_CODES.alertNotFound, type: "roleManagementAlerts" },
    configuration: { code: ARM_ERROR_CODES.configurationNotFound, type: "roleManagementAlertConfigurations" },
    definition: { code: ARM_ERROR_CODES.definitionNotFound, type: "roleManagementAlertDefinitions" },
    incident: { code: ARM_ERROR_CODES.incidentNotFound, type: "roleManagementAlerts/alertIncidents" },
    operation: { code: ARM_ERROR_CODES.operationNotFound, type: "roleManagementAlertOperations" },
} as const;

/**
 * A 404 CloudError in the style of ARM's "resource not found" messages.
 * @param c - The ARM request.
 * @param kind - The missing resource's kind.
 * @param name - The name that was asked for.
 */
export function armNotFound(c: ArmCall, kind: keyof typeof KINDS, name: string): Reply {
    const { code, type } = KINDS[kind];
    return armErrorReply(404, code, `The resource 'Microsoft.Authorization/${type}/${name}' under scope '${c.scope.requested}' was not found.`);
}
