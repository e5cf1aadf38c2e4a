import { seedAlertStatus, type ArmAlertStatus } from "./alerts";
import { ARM_ALERT_KINDS } from "./catalog";
import { ARM_CONFIGURATION_SEED } from "./configurations";
import { ARM_DEFINITION_SEED, type ArmDefinitionProperties } from "./definitions";
import { ARM_INCIDENT_SEED, type ArmIncidentRecord } from "./incidents";
import type { ArmScope } from "./scope";

/** Everything the emulator keeps for one ARM scope, keyed by canonical alert id. */
export interface ArmScopeState {
    /** Definitions are per scope so the admin API can flip `isRemediatable`/`isConfigurable` in one place. */
    readonly definitions: Map<string, ArmDefinitionProperties>;
    /** Writable configuration values (`isEnabled` and thresholds); drift may store any JSON value. */
    readonly configurations: Map<string, Record<string, unknown>>;
    readonly alerts: Map<string, ArmAlertStatus>;
    readonly incidents: Map<string, ArmIncidentRecord[]>;
}

function seedScopeState(): ArmScopeState {
    const state: ArmScopeState = {
        definitions: new Map(),
        configurations: new Map(),
        alerts: new Map(),
        incidents: new Map(),
    };
    for (const { alertId } of ARM_ALERT_KINDS) {
        state.definitions.set(alertId, { ...(ARM_DEFINITION_SEED[alertId] as ArmDefinitionProperties) });
        state.configurations.set(alertId, { ...ARM_CONFIGURATION_SEED[alertId] });
        state.alerts.set(alertId, seedAlertStatus());
        state.incidents.set(alertId, [...(ARM_INCIDENT_SEED[alertId] ?? [])]);
    }
    return state;
}

/** Per-scope ARM state, created from the seed data the first time a scope is touched. */
export class ArmScopeStore {
    private readonly scopes = new Map<string, ArmScopeState>();

    /**
     * The state of `scope`, seeded on first use.
     * @param scope - A parsed scope; its `key` is case-insensitive.
     */
    stateFor(scope: ArmScope): ArmScopeState {
        let state = this.scopes.get(scope.key);
        if (state === undefined) {
            state = seedScopeState();
            this.scopes.set(scope.key, state);
        }
        return state;
    }

    /** Forgets every scope; the next touch seeds it again. */
    clear(): void {
        this.scopes.clear();
    }
}
