/**
 * The incident types of both APIs and the properties of each, as the specs define them (ARM
 * 2022-08-01-preview `AlertIncidentProperties` subtypes; Graph beta `unifiedRoleManagementAlertIncident`
 * subtypes). Incidents are returned flat and discriminated by `incidentType`, so a program narrows with
 * `if (i.incidentType === "staleSignInAlertIncident") i.lastSignInDateTime`.
 */
import { PimAlertsError } from "../errors";

const S = "string";
const N = "number";
const ASSIGNEE = { assigneeDisplayName: S, assigneeId: S, assigneeUserPrincipalName: S } as const;
const ROLE = { roleDefinitionId: S, roleDisplayName: S, roleTemplateId: S } as const;

/** Property name => JSON type, per incident type. Dates are ISO-8601 strings. */
export const INCIDENT_PROPERTIES = {
    // ARM (alertIncidentType)
    AzureRolesAssignedOutsidePimAlertIncident: {
        ...ASSIGNEE,
        ...ROLE,
        assignmentActivatedDate: S,
        requestorId: S,
        requestorDisplayName: S,
        requestorUserPrincipalName: S,
    },
    DuplicateRoleCreatedAlertIncident: { roleName: S, duplicateRoles: S, reason: S },
    TooManyOwnersAssignedToResourceAlertIncident: { assigneeName: S, assigneeType: S },
    TooManyPermanentOwnersAssignedToResourceAlertIncident: { assigneeName: S, assigneeType: S },
    // Microsoft Graph (@odata.type without #microsoft.graph.)
    invalidLicenseAlertIncident: { tenantLicenseStatus: S },
    noMfaOnRoleActivationAlertIncident: { roleDisplayName: S, roleTemplateId: S },
    redundantAssignmentAlertIncident: { ...ASSIGNEE, ...ROLE, lastActivationDateTime: S },
    rolesAssignedOutsidePrivilegedIdentityManagementAlertIncident: {
        ...ASSIGNEE,
        ...ROLE,
        assignmentCreatedDateTime: S,
    },
    sequentialActivationRenewalsAlertIncident: {
        ...ASSIGNEE,
        ...ROLE,
        activationCount: N,
        sequenceStartDateTime: S,
        sequenceEndDateTime: S,
    },
    staleSignInAlertIncident: { ...ASSIGNEE, ...ROLE, assignmentCreatedDateTime: S, lastSignInDateTime: S },
    tooManyGlobalAdminsAssignedToTenantAlertIncident: { ...ASSIGNEE },
} as const satisfies Readonly<Record<string, Readonly<Record<string, "string" | "number">>>>;

/** Every incident type, ARM and directory. */
export type AlertIncidentType = keyof typeof INCIDENT_PROPERTIES;

type JsonOf<K> = K extends "number" ? number : string;

/** One incident of type `T`: its id, its type and every property of that type ("" or 0 when the API left one out). */
export type AlertIncidentOf<T extends AlertIncidentType> = { readonly incidentId: string; readonly incidentType: T } & {
    readonly [P in keyof (typeof INCIDENT_PROPERTIES)[T]]: JsonOf<(typeof INCIDENT_PROPERTIES)[T][P]>;
};

/** An incident of any type, discriminated by `incidentType`. */
export type AlertIncidentInfo = { [T in AlertIncidentType]: AlertIncidentOf<T> }[AlertIncidentType];

/** Result of `getAlertIncidents`. */
export interface GetAlertIncidentsResult {
    readonly scope: string;
    readonly alertId: string;
    readonly incidents: AlertIncidentInfo[];
}

function isIncidentType(value: string): value is AlertIncidentType {
    return Object.prototype.hasOwnProperty.call(INCIDENT_PROPERTIES, value);
}

/** Builds the typed incident; throws naming the incident when its type is unknown or a property has the wrong JSON type. */
export function typedIncident(
    incidentId: string,
    incidentType: string,
    properties: Readonly<Record<string, unknown>>,
): AlertIncidentInfo {
    const where = `reading incident ${incidentId}`;
    if (!isIncidentType(incidentType)) {
        throw new PimAlertsError(
            `${where}: its type ${JSON.stringify(incidentType)} is not one this version of pulumi-pim-alerts knows (a newer API?); upgrade the package`,
        );
    }
    const out: Record<string, string | number> = { incidentId, incidentType };
    for (const [name, kind] of Object.entries(
        INCIDENT_PROPERTIES[incidentType] as Readonly<Record<string, "string" | "number">>,
    )) {
        const value = properties[name];
        if (value === undefined || value === null) out[name] = kind === N ? 0 : "";
        else if (typeof value === kind) out[name] = value as string | number;
        else throw new PimAlertsError(`${where} (${incidentType}): ${name} is ${JSON.stringify(value)}, not a ${kind}`);
    }
    return out as unknown as AlertIncidentInfo;
}
