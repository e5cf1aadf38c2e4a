/**
 * What the emulator keeps per ARM scope: the scope itself (as requested, and the key its state is
 * stored under), the per-scope definitions, configurations, alerts and incidents seeded on first
 * touch, and the effect of a refresh operation on them.
 */
import { ARM_ALERT_KINDS, armDateTime } from "./catalog";
import {
    ARM_CONFIGURATION_SEED,
    ARM_DEFINITION_SEED,
    ARM_INCIDENT_SEED,
    ARM_SEED_MODIFIED,
    ARM_SEED_SCANNED,
    type ArmDefinitionProperties,
    type ArmIncidentRecord,
} from "./seed";

/** An ARM scope as requested, and the key its state is stored under. */
export interface ArmScope {
    /** The scope as the caller wrote it (case kept), without leading or trailing slash. */
    readonly requested: string;
    /**
     * Lower-case key; `providers/Microsoft.Subscription/subscriptions/x` shares the state of
     * `subscriptions/x`, because both name the same subscription.
     */
    readonly key: string;
}

const SUBSCRIPTION_SCOPE =
    /^subscriptions\/[^/]+(?:\/resourcegroups\/[^/]+(?:\/providers\/[^/]+(?:\/[^/]+\/[^/]+)+)?)?$/i;
const MANAGEMENT_GROUP_SCOPE = /^providers\/microsoft\.management\/managementgroups\/[^/]+$/i;
const SUBSCRIPTION_PROVIDER_PREFIX = /^providers\/microsoft\.subscription\//i;

/**
 * Parses the `{scope}` part of an ARM URL: a subscription, resource group, resource (any depth of
 * child resources), management group, or the `providers/Microsoft.Subscription/subscriptions/...`
 * form of the first three. Returns `undefined` for anything else.
 * @param raw - The decoded path before `/providers/Microsoft.Authorization/`, slashes in any number.
 */
export function parseArmScope(raw: string): ArmScope | undefined {
    const requested = raw
        .split("/")
        .filter((segment) => segment !== "")
        .join("/");
    const withoutSubscriptionProvider = requested.replace(SUBSCRIPTION_PROVIDER_PREFIX, "");
    const valid = MANAGEMENT_GROUP_SCOPE.test(requested) || SUBSCRIPTION_SCOPE.test(withoutSubscriptionProvider);
    if (!valid) return undefined;
    return { requested, key: withoutSubscriptionProvider.toLowerCase() };
}

/**
 * The `/providers/Microsoft.Subscription/...` form the examples use in `resourceLocation`, for
 * subscription-based scopes; other scopes are returned unchanged.
 * @param scope - A parsed scope.
 */
export function subscriptionProviderForm(scope: ArmScope): string {
    if (SUBSCRIPTION_PROVIDER_PREFIX.test(scope.requested)) return scope.requested;
    if (/^subscriptions\//i.test(scope.requested)) return `providers/Microsoft.Subscription/${scope.requested}`;
    return scope.requested;
}

/** The mutable state of one alert at one scope (incidents are kept beside it). */
export interface ArmAlertStatus {
    isActive: boolean;
    lastModifiedDateTime: string;
    lastScannedDateTime: string;
}

/**
 * The status every alert starts with at a new scope: active (each has seeded incidents) with the
 * example dates. `GetAlerts.json` only lists the two owner alerts; the other two get the same values.
 */
export function seedAlertStatus(): ArmAlertStatus {
    return { isActive: true, lastModifiedDateTime: ARM_SEED_MODIFIED, lastScannedDateTime: ARM_SEED_SCANNED };
}

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
        state.definitions.set(alertId, { ...ARM_DEFINITION_SEED[alertId] });
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

/** What an ARM refresh operation covers. */
export interface ArmRefreshInfo {
    readonly scope: ArmScope;
    /** `one` for `roleManagementAlerts/{id}/refresh`, `all` for `roleManagementAlerts/refresh`. */
    readonly target: "one" | "all";
    readonly alertIds: readonly string[];
}

/**
 * The effect of a successful refresh: every enabled alert it covers is rescanned
 * (`lastScannedDateTime` = now) and becomes active again when it has incidents, which re-activates
 * dismissed alerts. Alerts whose configuration has `isEnabled: false` are not scanned.
 * @param state - The scope's state.
 * @param alertIds - Canonical ids of the alerts refreshed.
 * @param now - Completion time.
 */
export function applyArmRefresh(state: ArmScopeState, alertIds: readonly string[], now: Date): void {
    for (const alertId of alertIds) {
        const status = state.alerts.get(alertId);
        if (status === undefined || state.configurations.get(alertId)?.["isEnabled"] === false) continue;
        const isActive = (state.incidents.get(alertId)?.length ?? 0) > 0;
        if (status.isActive !== isActive) status.lastModifiedDateTime = armDateTime(now);
        status.isActive = isActive;
        status.lastScannedDateTime = armDateTime(now);
    }
}
