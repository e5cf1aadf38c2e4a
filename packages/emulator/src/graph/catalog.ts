/**
 * The fixed facts of the Graph beta directory-role alerts: the 7 alerts with the types and setting
 * ranges of their configurations, their ids, and the entity types with their properties,
 * navigations and filterable paths.
 */
/** A Graph setting that is a whole number within [min, max]. */
export interface GraphIntegerSetting {
    readonly kind: "integer";
    readonly min: number;
    readonly max: number;
}

/** A Graph setting that is an ISO-8601 duration (Edm.Duration) within [minSeconds, maxSeconds]. */
export interface GraphDurationSetting {
    readonly kind: "duration";
    readonly minSeconds: number;
    readonly maxSeconds: number;
    /** True when the portal's unit is days, so only whole days are accepted. */
    readonly wholeDays: boolean;
}

/** How one writable threshold of a configuration type is validated. */
export type GraphSetting = GraphIntegerSetting | GraphDurationSetting;

/** The fixed facts of one directory-role alert of Microsoft Graph beta. */
export interface GraphAlertKind {
    /** Suffix of the ids: `DirectoryRole_<tenantId>_<suffix>`. */
    readonly suffix: string;
    /** `@odata.type` of the configuration, without `#microsoft.graph.`. */
    readonly configurationType: string;
    /** `@odata.type` of the incidents, without `#microsoft.graph.`. */
    readonly incidentType: string;
    readonly settings: Readonly<Record<string, GraphSetting>>;
}

const DAY = 86_400;

/**
 * The 7 configuration types of graph-api.md section 3, with the Entra portal's ranges. Where the
 * portal gives none (`timeIntervalBetweenActivations`), 1 second .. 30 days is this emulator's choice
 * (Microsoft's sample holds PT10S; the alert looks back 30 days at most).
 */
export const GRAPH_ALERT_KINDS: readonly GraphAlertKind[] = [
    {
        suffix: "InvalidLicenseAlert",
        configurationType: "invalidLicenseAlertConfiguration",
        incidentType: "invalidLicenseAlertIncident",
        settings: {},
    },
    {
        suffix: "NoMfaOnRoleActivationAlert",
        configurationType: "noMfaOnRoleActivationAlertConfiguration",
        incidentType: "noMfaOnRoleActivationAlertIncident",
        settings: {},
    },
    {
        suffix: "RedundantAssignmentAlert",
        configurationType: "redundantAssignmentAlertConfiguration",
        incidentType: "redundantAssignmentAlertIncident",
        settings: { duration: { kind: "duration", minSeconds: 0, maxSeconds: 100 * DAY, wholeDays: true } },
    },
    {
        suffix: "RolesAssignedOutsidePimAlert",
        configurationType: "rolesAssignedOutsidePrivilegedIdentityManagementAlertConfiguration",
        incidentType: "rolesAssignedOutsidePrivilegedIdentityManagementAlertIncident",
        settings: {},
    },
    {
        suffix: "SequentialActivationRenewalsAlert",
        configurationType: "sequentialActivationRenewalsAlertConfiguration",
        incidentType: "sequentialActivationRenewalsAlertIncident",
        settings: {
            sequentialActivationCounterThreshold: { kind: "integer", min: 2, max: 100 },
            timeIntervalBetweenActivations: { kind: "duration", minSeconds: 1, maxSeconds: 30 * DAY, wholeDays: false },
        },
    },
    {
        suffix: "StaleSignInAlert",
        configurationType: "staleSignInAlertConfiguration",
        incidentType: "staleSignInAlertIncident",
        settings: { duration: { kind: "duration", minSeconds: DAY, maxSeconds: 365 * DAY, wholeDays: true } },
    },
    {
        suffix: "TooManyGlobalAdminsAssignedToTenantAlert",
        configurationType: "tooManyGlobalAdminsAssignedToTenantAlertConfiguration",
        incidentType: "tooManyGlobalAdminsAssignedToTenantAlertIncident",
        settings: {
            globalAdminCountThreshold: { kind: "integer", min: 2, max: 100 },
            percentageOfGlobalAdminsOutOfRolesThreshold: { kind: "integer", min: 0, max: 100 },
        },
    },
];

/** Namespace prefix of every `@odata.type` value. */
export const ODATA_TYPE_PREFIX = "#microsoft.graph.";

/**
 * The kind whose suffix equals `suffix` (case-insensitive, as Graph keys are matched here).
 * @param suffix - The part of an id after `DirectoryRole_<tenantId>_`.
 */
export function findGraphAlertKind(suffix: string): GraphAlertKind | undefined {
    const wanted = suffix.toLowerCase();
    return GRAPH_ALERT_KINDS.find((kind) => kind.suffix.toLowerCase() === wanted);
}

/**
 * The Graph id of an alert, its configuration and its definition (they share it).
 * @param tenantId - The emulator's tenant id.
 * @param kind - The alert.
 */
export function graphAlertId(tenantId: string, kind: GraphAlertKind): string {
    return `DirectoryRole_${tenantId}_${kind.suffix}`;
}

/**
 * The alert an id names, when its tenant is the emulator's; `undefined` otherwise.
 * Accepts the full id (`DirectoryRole_<tenantId>_<suffix>`, any case).
 * @param tenantId - The emulator's tenant id.
 * @param id - The id from a URL.
 */
export function parseGraphAlertId(tenantId: string, id: string): GraphAlertKind | undefined {
    const prefix = `directoryrole_${tenantId.toLowerCase()}_`;
    if (!id.toLowerCase().startsWith(prefix)) return undefined;
    return findGraphAlertKind(id.slice(prefix.length));
}

/**
 * The alert an admin call names: a full id or just its suffix (`StaleSignInAlert`).
 * @param tenantId - The emulator's tenant id.
 * @param idOrSuffix - Full id or suffix.
 */
export function graphKindFromAdmin(tenantId: string, idOrSuffix: string): GraphAlertKind | undefined {
    return parseGraphAlertId(tenantId, idOrSuffix) ?? findGraphAlertKind(idOrSuffix);
}

/** What the emulator knows of an entity type: its properties, navigations and filterable paths. */
export interface GraphEntityShape {
    /** Name after `microsoft.graph.`. */
    readonly typeName: string;
    /** Structural properties of the base type and of its derived types. */
    readonly properties: readonly string[];
    readonly navigations: readonly string[];
    /** Paths `$filter` may compare with `eq`/`ne`, and the type of their values. */
    readonly filterable: Readonly<Record<string, "Edm.String" | "Edm.Boolean">>;
}

const SCOPE_FILTERS = { scopeId: "Edm.String", scopeType: "Edm.String" } as const;

/** The entity types of `/identityGovernance/roleManagementAlerts`. */
export const GRAPH_ENTITIES = {
    alert: {
        typeName: "unifiedRoleManagementAlert",
        properties: [
            "id",
            "alertDefinitionId",
            "scopeId",
            "scopeType",
            "incidentCount",
            "isActive",
            "lastModifiedDateTime",
            "lastScannedDateTime",
        ],
        navigations: ["alertConfiguration", "alertDefinition", "alertIncidents"],
        filterable: {
            ...SCOPE_FILTERS,
            alertDefinitionId: "Edm.String",
            "alertConfiguration/isEnabled": "Edm.Boolean",
        },
    },
    configuration: {
        typeName: "unifiedRoleManagementAlertConfiguration",
        properties: [
            "id",
            "alertDefinitionId",
            "scopeId",
            "scopeType",
            "isEnabled",
            "duration",
            "sequentialActivationCounterThreshold",
            "timeIntervalBetweenActivations",
            "globalAdminCountThreshold",
            "percentageOfGlobalAdminsOutOfRolesThreshold",
        ],
        navigations: ["alertDefinition"],
        filterable: { ...SCOPE_FILTERS, alertDefinitionId: "Edm.String" },
    },
    definition: {
        typeName: "unifiedRoleManagementAlertDefinition",
        properties: [
            "id",
            "displayName",
            "description",
            "severityLevel",
            "securityImpact",
            "mitigationSteps",
            "howToPrevent",
            "isRemediatable",
            "isConfigurable",
            "scopeId",
            "scopeType",
        ],
        navigations: [],
        filterable: SCOPE_FILTERS,
    },
    incident: {
        typeName: "unifiedRoleManagementAlertIncident",
        properties: [
            "id",
            "activationCount",
            "assigneeDisplayName",
            "assigneeId",
            "assigneeUserPrincipalName",
            "assignmentCreatedDateTime",
            "lastActivationDateTime",
            "lastSignInDateTime",
            "roleDefinitionId",
            "roleDisplayName",
            "roleTemplateId",
            "sequenceEndDateTime",
            "sequenceStartDateTime",
            "tenantLicenseStatus",
        ],
        navigations: [],
        filterable: { id: "Edm.String" },
    },
    operation: {
        typeName: "longRunningOperation",
        properties: ["id", "createdDateTime", "lastActionDateTime", "resourceLocation", "status", "statusDetail"],
        navigations: [],
        filterable: {},
    },
} as const satisfies Record<string, GraphEntityShape>;

/** An entity type of {@link GRAPH_ENTITIES}. */
export type GraphEntity = keyof typeof GRAPH_ENTITIES;
