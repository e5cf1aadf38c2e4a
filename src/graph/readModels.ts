/**
 * Read-only models of the Microsoft Graph beta directory-role alerts API (definitions, alerts,
 * incidents, long-running operations), checked with zod so a surprising body becomes a clear
 * message. Optional fields are normalised to empty strings or zero: nothing here is `undefined`.
 */
import { z } from "zod";
import { mapParsed, type ParseResult } from "../errors";
import { optionalText, parseWith } from "../http/responseSchema";

/** A directory-role alert definition: what the alert means and how to act on it. */
export interface DirectoryDefinition {
    /** Graph's id, `DirectoryRole_<tenantId>_<alertId>`. */
    readonly id: string;
    readonly displayName: string;
    /** As Graph spells it: `low`, `medium`, `high`, `informational`, `unknown`. */
    readonly severityLevel: string;
    readonly description: string;
    readonly securityImpact: string;
    readonly mitigationSteps: string;
    readonly howToPrevent: string;
    readonly isConfigurable: boolean;
    readonly isRemediatable: boolean;
}

/** A directory-role alert with its state. */
export interface DirectoryAlertSummary {
    readonly id: string;
    readonly isActive: boolean;
    readonly incidentCount: number;
    readonly lastScannedDateTime: string;
    readonly lastModifiedDateTime: string;
}

/** An incident: its id, its `@odata.type` without the `#microsoft.graph.` prefix, and its own properties. */
export interface DirectoryIncident {
    readonly incidentId: string;
    /** e.g. `staleSignInAlertIncident`. */
    readonly incidentType: string;
    readonly properties: Readonly<Record<string, unknown>>;
}

/** A Graph `longRunningOperation` (a refresh scan). */
export interface DirectoryOperation {
    readonly operationId: string;
    /** notStarted, running, succeeded, failed (Graph's spelling). */
    readonly status: string;
    readonly statusDetail: string;
    readonly createdDateTime: string;
    readonly lastActionDateTime: string;
}

const text = optionalText;

const definitionSchema = z.object({
    id: z.string(),
    displayName: text,
    severityLevel: text,
    description: text,
    securityImpact: text,
    mitigationSteps: text,
    howToPrevent: text,
    isConfigurable: z.boolean(),
    isRemediatable: z.boolean(),
});

const alertSchema = z.object({
    id: z.string(),
    isActive: z.boolean(),
    incidentCount: z
        .number()
        .int()
        .nullish()
        .transform((v) => v ?? 0),
    lastScannedDateTime: text,
    lastModifiedDateTime: text,
});

const incidentSchema = z.object({ id: z.string(), "@odata.type": z.string() }).catchall(z.unknown());

const operationSchema = z.object({
    id: text,
    status: z.string(),
    statusDetail: text,
    createdDateTime: text,
    lastActionDateTime: text,
});

const TYPE_PREFIX = /^#?microsoft\.graph\./i;

/** Parses a `unifiedRoleManagementAlertDefinition`; the problem names the field when it is not one. */
export function parseDirectoryDefinition(value: unknown): ParseResult<DirectoryDefinition> {
    return parseWith(definitionSchema, value, "a directory alert definition");
}

/** Parses a `unifiedRoleManagementAlert`. */
export function parseDirectoryAlertSummary(value: unknown): ParseResult<DirectoryAlertSummary> {
    return parseWith(alertSchema, value, "a directory alert");
}

/** Parses a `unifiedRoleManagementAlertIncident` of any derived type. */
export function parseDirectoryIncident(value: unknown): ParseResult<DirectoryIncident> {
    return mapParsed(
        parseWith(incidentSchema, value, "a directory alert incident"),
        ({ id, "@odata.type": odataType, ...properties }) => ({
            incidentId: id,
            incidentType: odataType.replace(TYPE_PREFIX, ""),
            properties,
        }),
    );
}

/** Parses a `longRunningOperation`. */
export function parseDirectoryOperation(value: unknown): ParseResult<DirectoryOperation> {
    return mapParsed(parseWith(operationSchema, value, "a directory alert operation"), (o) => ({
        operationId: o.id,
        status: o.status,
        statusDetail: o.statusDetail,
        createdDateTime: o.createdDateTime,
        lastActionDateTime: o.lastActionDateTime,
    }));
}
