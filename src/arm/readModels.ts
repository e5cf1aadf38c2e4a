/**
 * Read-only models of the ARM PIM alerts API (definitions, alerts, incidents, operations),
 * checked with zod so a surprising body becomes a clear message. Optional fields are
 * normalised to empty strings or zero: nothing here is ever `undefined`.
 */
import { z } from "zod";
import { mapParsed, type ParseResult } from "../errors";
import { optionalText, parseWith } from "../http/responseSchema";

/** An alert definition: what the alert means and how to act on it. */
export interface AlertDefinition {
    readonly alertId: string;
    readonly displayName: string;
    /** Low, Medium or High (the API may add values). */
    readonly severityLevel: string;
    readonly description: string;
    readonly securityImpact: string;
    readonly mitigationSteps: string;
    readonly howToPrevent: string;
    readonly isConfigurable: boolean;
    readonly isRemediatable: boolean;
}

/** An alert with its state. */
export interface AlertSummary {
    readonly alertId: string;
    readonly scope: string;
    readonly isActive: boolean;
    readonly incidentCount: number;
    readonly lastScannedDateTime: string;
    readonly lastModifiedDateTime: string;
}

/** An incident: its id, its type, and the typed properties of that type. */
export interface AlertIncident {
    readonly incidentId: string;
    /** e.g. `TooManyOwnersAssignedToResourceAlertIncident`. */
    readonly alertIncidentType: string;
    /** The type's own properties (assigneeName, roleName, ...), strings and dates as the API returns them. */
    readonly properties: Readonly<Record<string, string | number | boolean>>;
}

/** A long-running operation (a refresh scan). */
export interface AlertOperation {
    readonly operationId: string;
    /** Free text in the API: NotStarted, Running, Succeeded, Failed, ... */
    readonly status: string;
    /** The API's statusDetail, which is itself JSON-encoded text. */
    readonly statusDetail: string;
    readonly createdDateTime: string;
    readonly lastActionDateTime: string;
}

const text = optionalText;

const definitionSchema = z.object({
    name: z.string(),
    properties: z.object({
        displayName: text,
        severityLevel: text,
        description: text,
        securityImpact: text,
        mitigationSteps: text,
        howToPrevent: text,
        isConfigurable: z.boolean(),
        isRemediatable: z.boolean(),
    }),
});

const alertSchema = z.object({
    name: z.string(),
    properties: z.object({
        scope: text,
        isActive: z.boolean(),
        incidentCount: z
            .number()
            .int()
            .nullish()
            .transform((v) => v ?? 0),
        lastScannedDateTime: text,
        lastModifiedDateTime: text,
    }),
});

const incidentSchema = z.object({
    name: z.string(),
    properties: z.object({ alertIncidentType: z.string() }).catchall(z.unknown()),
});

const operationSchema = z.object({
    id: text,
    status: z.string(),
    statusDetail: text,
    createdDateTime: text,
    lastActionDateTime: text,
});

/** Parses an alert definition body. */
export function parseDefinition(value: unknown): ParseResult<AlertDefinition> {
    return mapParsed(parseWith(definitionSchema, value, "an alert definition"), (d) => ({
        alertId: d.name,
        ...d.properties,
    }));
}

/** Parses an alert body into its summary. */
export function parseAlertSummary(value: unknown): ParseResult<AlertSummary> {
    return mapParsed(parseWith(alertSchema, value, "an alert"), (a) => ({ alertId: a.name, ...a.properties }));
}

/** Parses an incident body; only its string, number and boolean properties are kept. */
export function parseIncident(value: unknown): ParseResult<AlertIncident> {
    return mapParsed(parseWith(incidentSchema, value, "an alert incident"), (i) => {
        const { alertIncidentType, ...rest } = i.properties;
        const properties: Record<string, string | number | boolean> = {};
        for (const [key, v] of Object.entries(rest))
            if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") properties[key] = v;
        return { incidentId: i.name, alertIncidentType, properties };
    });
}

/** Parses a long-running operation body. */
export function parseOperation(value: unknown): ParseResult<AlertOperation> {
    return mapParsed(parseWith(operationSchema, value, "an alert operation"), (o) => ({
        operationId: o.id,
        status: o.status,
        statusDetail: o.statusDetail,
        createdDateTime: o.createdDateTime,
        lastActionDateTime: o.lastActionDateTime,
    }));
}
