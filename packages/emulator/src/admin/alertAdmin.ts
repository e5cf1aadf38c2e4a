/**
 * Admin operations on the alert state of both APIs: drift of configurations and alerts, new
 * incidents, definition flags, and read-only snapshots for assertions. ARM alerts are named by scope
 * and alert id, Graph's directory-role alerts by full id or suffix.
 */
import { randomUUID } from "node:crypto";
import { armDateTime, findArmAlertKind, type ArmAlertKind } from "../arm/catalog";
import { syntheticIncidentProperties } from "../arm/seed";
import { parseArmScope, seedAlertStatus, type ArmScopeState } from "../arm/state";
import { graphKindFromAdmin, type GraphAlertKind } from "../graph/catalog";
import { syntheticGraphIncident } from "../graph/seed";
import type { EmulatorState } from "../state";
import { EmulatorAdminError } from "./adminInput";

/** A read-only view of one alert at one scope, for assertions. */
export interface ArmAlertSnapshot {
    readonly isActive: boolean;
    readonly incidentCount: number;
    readonly incidentIds: readonly string[];
    readonly lastModifiedDateTime: string;
    readonly lastScannedDateTime: string;
}

/** The flags of a definition the admin API can change. */
export interface DefinitionFlags {
    readonly isRemediatable?: boolean;
    readonly isConfigurable?: boolean;
}

function resolve(
    emulator: EmulatorState,
    scope: string,
    alertId: string,
): { state: ArmScopeState; kind: ArmAlertKind } {
    const parsed = parseArmScope(scope);
    if (parsed === undefined) throw new EmulatorAdminError(`'${scope}' is not a valid ARM scope.`);
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) throw new EmulatorAdminError(`'${alertId}' is not an ARM PIM alert id.`);
    return { state: emulator.armScopes.stateFor(parsed), kind };
}

/** Admin operations on the ARM state; scopes are written like `subscriptions/<id>` (leading slash optional). */
export class ArmAdmin {
    constructor(private readonly emulator: EmulatorState) {}

    /**
     * Drift: sets configuration values directly. Names are checked (`isEnabled` or a threshold of the
     * alert's type) but values are not, so invalid values can be planted. `undefined` removes a value.
     * @param scope - ARM scope.
     * @param alertId - Alert id.
     * @param properties - Values to set.
     */
    setConfiguration(scope: string, alertId: string, properties: Readonly<Record<string, unknown>>): void {
        const { state, kind } = resolve(this.emulator, scope, alertId);
        const allowed = new Set(["isEnabled", ...kind.thresholds.map((spec) => spec.name)]);
        const unknown = Object.keys(properties).find((name) => !allowed.has(name));
        if (unknown !== undefined) {
            throw new EmulatorAdminError(
                `'${unknown}' is not a property of ${kind.configurationType}; allowed: ${[...allowed].join(", ")}.`,
            );
        }
        const values = { ...state.configurations.get(kind.alertId), ...properties };
        for (const [name, value] of Object.entries(values)) if (value === undefined) delete values[name];
        state.configurations.set(kind.alertId, values);
    }

    /**
     * Drift: dismisses or re-activates an alert without an API call.
     * @param scope - ARM scope.
     * @param alertId - Alert id.
     * @param isActive - The new value.
     */
    setAlertActive(scope: string, alertId: string, isActive: boolean): void {
        const { state, kind } = resolve(this.emulator, scope, alertId);
        const status = state.alerts.get(kind.alertId) ?? seedAlertStatus();
        state.alerts.set(kind.alertId, { ...status, isActive, lastModifiedDateTime: armDateTime(new Date()) });
    }

    /**
     * Raises a new incident: the alert becomes active and its incident count grows by one.
     * @param scope - ARM scope.
     * @param alertId - Alert id.
     * @param properties - Incident properties (without `alertIncidentType`); plausible ones by default.
     * @returns The new incident's name (a GUID).
     */
    raiseIncident(scope: string, alertId: string, properties?: Readonly<Record<string, unknown>>): string {
        const { state, kind } = resolve(this.emulator, scope, alertId);
        const incidents = state.incidents.get(kind.alertId) ?? [];
        const name = randomUUID();
        incidents.push({
            name,
            properties: properties ?? syntheticIncidentProperties(kind.alertId, incidents.length + 1),
        });
        state.incidents.set(kind.alertId, incidents);
        this.setAlertActive(scope, alertId, true);
        return name;
    }

    /**
     * Changes `isRemediatable` / `isConfigurable` of a definition at one scope (e.g. to test the
     * 400 of remediating a non-remediatable alert; all four ARM definitions are remediatable).
     * @param scope - ARM scope.
     * @param alertId - Alert id.
     * @param flags - The flags to set.
     */
    setDefinitionFlags(scope: string, alertId: string, flags: DefinitionFlags): void {
        const { state, kind } = resolve(this.emulator, scope, alertId);
        const current = state.definitions.get(kind.alertId);
        if (current !== undefined) state.definitions.set(kind.alertId, { ...current, ...flags });
    }

    /**
     * The stored configuration values (`isEnabled` and thresholds) of an alert.
     * @param scope - ARM scope.
     * @param alertId - Alert id.
     */
    configuration(scope: string, alertId: string): Record<string, unknown> {
        const { state, kind } = resolve(this.emulator, scope, alertId);
        return { ...state.configurations.get(kind.alertId) };
    }

    /**
     * The state of an alert.
     * @param scope - ARM scope.
     * @param alertId - Alert id.
     */
    alert(scope: string, alertId: string): ArmAlertSnapshot {
        const { state, kind } = resolve(this.emulator, scope, alertId);
        const status = state.alerts.get(kind.alertId) ?? seedAlertStatus();
        const incidents = state.incidents.get(kind.alertId) ?? [];
        return { ...status, incidentCount: incidents.length, incidentIds: incidents.map((incident) => incident.name) };
    }
}

/** A read-only view of one directory-role alert, for assertions. */
export interface GraphAlertSnapshot {
    readonly isActive: boolean;
    readonly incidentCount: number;
    readonly incidentIds: readonly string[];
    readonly lastModifiedDateTime: string;
    readonly lastScannedDateTime: string;
}

/**
 * Admin operations on the Graph (directory-role) alerts. Alerts are named by full id
 * (`DirectoryRole_<tenantId>_StaleSignInAlert`) or by suffix (`StaleSignInAlert`).
 */
export class GraphAdmin {
    constructor(private readonly emulator: EmulatorState) {}

    private kind(alertId: string): GraphAlertKind {
        const kind = graphKindFromAdmin(this.emulator.settings.tenantId, alertId);
        if (kind === undefined)
            throw new EmulatorAdminError(`'${alertId}' is not a directory-role alert of this tenant.`);
        return kind;
    }

    /**
     * Drift: sets configuration values directly; names are checked, values are not. `undefined` removes one.
     * @param alertId - Full id or suffix.
     * @param properties - `isEnabled` and/or the type's settings.
     */
    setConfiguration(alertId: string, properties: Readonly<Record<string, unknown>>): void {
        const kind = this.kind(alertId);
        const allowed = ["isEnabled", ...Object.keys(kind.settings)];
        const unknown = Object.keys(properties).find((name) => !allowed.includes(name));
        if (unknown !== undefined) {
            throw new EmulatorAdminError(
                `'${unknown}' is not a property of ${kind.configurationType}; allowed: ${allowed.join(", ")}.`,
            );
        }
        const state = this.emulator.graph.state;
        const values = { ...state.configurations.get(kind.suffix), ...properties };
        for (const [name, value] of Object.entries(values)) if (value === undefined) delete values[name];
        state.configurations.set(kind.suffix, values);
    }

    /**
     * Drift: dismisses or re-activates an alert without an API call.
     * @param alertId - Full id or suffix.
     * @param isActive - The new value.
     */
    setAlertActive(alertId: string, isActive: boolean): void {
        const status = this.emulator.graph.state.alerts.get(this.kind(alertId).suffix);
        if (status === undefined) return;
        status.isActive = isActive;
        status.lastModifiedDateTime = new Date().toISOString();
    }

    /**
     * Raises a new incident: the alert becomes active and its incident count grows by one.
     * @param alertId - Full id or suffix.
     * @param properties - Incident properties (without `@odata.type`/`id`); plausible ones by default.
     * @returns The new incident's id.
     */
    raiseIncident(alertId: string, properties?: Readonly<Record<string, unknown>>): string {
        const kind = this.kind(alertId);
        const state = this.emulator.graph.state;
        const incidents = state.incidents.get(kind.suffix) ?? [];
        const id = randomUUID();
        incidents.push({ id, properties: properties ?? syntheticGraphIncident(kind.suffix, id, incidents.length + 1) });
        state.incidents.set(kind.suffix, incidents);
        this.setAlertActive(alertId, true);
        return id;
    }

    /**
     * Changes `isRemediatable` / `isConfigurable` of a definition.
     * @param alertId - Full id or suffix.
     * @param flags - The flags to set.
     */
    setDefinitionFlags(alertId: string, flags: DefinitionFlags): void {
        const suffix = this.kind(alertId).suffix;
        const definitions = this.emulator.graph.state.definitions;
        const current = definitions.get(suffix);
        if (current !== undefined) definitions.set(suffix, { ...current, ...flags });
    }

    /**
     * The stored configuration values (`isEnabled` and settings).
     * @param alertId - Full id or suffix.
     */
    configuration(alertId: string): Record<string, unknown> {
        return { ...this.emulator.graph.state.configurations.get(this.kind(alertId).suffix) };
    }

    /**
     * The state of an alert.
     * @param alertId - Full id or suffix.
     */
    alert(alertId: string): GraphAlertSnapshot {
        const suffix = this.kind(alertId).suffix;
        const state = this.emulator.graph.state;
        const status = state.alerts.get(suffix) ?? {
            isActive: false,
            lastModifiedDateTime: "",
            lastScannedDateTime: "",
        };
        const incidents = state.incidents.get(suffix) ?? [];
        return { ...status, incidentCount: incidents.length, incidentIds: incidents.map((incident) => incident.id) };
    }
}
