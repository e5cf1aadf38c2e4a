import { randomUUID } from "node:crypto";
import { graphKindFromAdmin, type GraphAlertKind } from "../graph/catalog";

import { syntheticGraphIncident } from "../graph/seed";
import type { EmulatorState } from "../state";
import { EmulatorAdminError } from "./adminError";
import type { DefinitionFlags } from "./armAdmin";

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
        if (kind === undefined) throw new EmulatorAdminError(`'${alertId}' is not a directory-role alert of this tenant.`);
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
            throw new EmulatorAdminError(`'${unknown}' is not a property of ${kind.configurationType}; allowed: ${allowed.join(", ")}.`);
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
        const status = state.alerts.get(suffix) ?? { isActive: false, lastModifiedDateTime: "", lastScannedDateTime: "" };
        const incidents = state.incidents.get(suffix) ?? [];
        return { ...status, incidentCount: incidents.length, incidentIds: incidents.map((incident) => incident.id) };
    }
}
