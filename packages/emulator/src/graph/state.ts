import type { OperationStore } from "../core/operationStore";
import { GRAPH_ALERT_KINDS } from "./catalog";
import {
    GRAPH_CONFIGURATION_SEED,
    GRAPH_DEFINITION_SEED,
    GRAPH_INCIDENT_SEED,
    NEVER_MODIFIED,
    SEED_MODIFIED,
    SEED_SCANNED,
    type GraphDefinitionFields,
    type GraphIncidentRecord,
} from "./seed";

/** The mutable status of one directory-role alert. */
export interface GraphAlertStatus {
    isActive: boolean;
    lastModifiedDateTime: string;
    lastScannedDateTime: string;
}

/** The directory-role alerts of the emulator's single tenant, keyed by id suffix. */
export interface GraphState {
    readonly definitions: Map<string, GraphDefinitionFields>;
    /** `isEnabled` and thresholds; drift may store any JSON value. */
    readonly configurations: Map<string, Record<string, unknown>>;
    readonly alerts: Map<string, GraphAlertStatus>;
    readonly incidents: Map<string, GraphIncidentRecord[]>;
}

/** What a Graph refresh operation covers: one alert (by suffix) or all of them. */
export interface GraphRefreshInfo {
    readonly target: "one" | "all";
    readonly suffixes: readonly string[];
}

/** The Graph state together with its refresh operations. */
export interface GraphStore {
    state: GraphState;
    readonly operations: OperationStore<GraphRefreshInfo>;
}

/** A fresh Graph state from the seed data. */
export function seedGraphState(): GraphState {
    const state: GraphState = {
        definitions: new Map(),
        configurations: new Map(),
        alerts: new Map(),
        incidents: new Map(),
    };
    for (const { suffix } of GRAPH_ALERT_KINDS) {
        const incidents = [...(GRAPH_INCIDENT_SEED[suffix] ?? [])];
        state.definitions.set(suffix, { ...GRAPH_DEFINITION_SEED[suffix] });
        state.configurations.set(suffix, { ...GRAPH_CONFIGURATION_SEED[suffix] });
        state.incidents.set(suffix, incidents);
        state.alerts.set(suffix, {
            isActive: incidents.length > 0,
            lastModifiedDateTime: incidents.length > 0 ? SEED_MODIFIED : NEVER_MODIFIED,
            lastScannedDateTime: SEED_SCANNED,
        });
    }
    return state;
}

/**
 * The effect of a successful refresh: every enabled alert it covers is rescanned and is active
 * exactly when it has incidents (so dismissed alerts with incidents come back).
 * @param state - The Graph state.
 * @param suffixes - Alerts refreshed.
 * @param now - Completion time.
 */
export function applyGraphRefresh(state: GraphState, suffixes: readonly string[], now: Date): void {
    for (const suffix of suffixes) {
        const status = state.alerts.get(suffix);
        if (status === undefined || state.configurations.get(suffix)?.["isEnabled"] === false) continue;
        const isActive = (state.incidents.get(suffix)?.length ?? 0) > 0;
        if (status.isActive !== isActive) status.lastModifiedDateTime = now.toISOString();
        status.isActive = isActive;
        status.lastScannedDateTime = now.toISOString();
    }
}
