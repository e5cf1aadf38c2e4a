/**
 * The emulator's admin API as typed in-process methods: drift and incidents of the ARM and Graph
 * state, faults, latency, paging, operation behaviour, principals and tokens. The HTTP routes under
 * `/_emulator/` (adminHttp.ts) call these.
 */
import { randomUUID } from "node:crypto";
import { seedAlertStatus } from "../arm/alerts";
import { findArmAlertKind, type ArmAlertKind } from "../arm/catalog";
import { syntheticIncidentProperties } from "../arm/incidents";
import { parseArmScope } from "../arm/scope";
import type { ArmScopeState } from "../arm/scopeStore";
import { audienceFamily, normalizeAudience } from "../auth/audiences";
import { MANAGED_IDENTITY_CLIENT_ID, MANAGED_IDENTITY_OBJECT_ID } from "../auth/principals";
import type { RegisteredClient } from "../auth/registeredClients";
import { tokenEnvironment } from "../auth/tokenEnvironment";
import { issueToken, nowInSeconds } from "../auth/tokens";
import { armDateTime } from "../core/time";
import type { ActiveFault, FaultSpec } from "../faults/faultRules";
import { graphKindFromAdmin, type GraphAlertKind } from "../graph/catalog";
import { syntheticGraphIncident } from "../graph/seed";
import type { RequestLogEntry } from "../log/requestLog";
import { resetEmulatorState, type EmulatorState } from "../state";

/** Thrown by admin methods (and turned into a 400 by the admin HTTP API) when an input is invalid. */
export class EmulatorAdminError extends Error {
    override readonly name = "EmulatorAdminError" as const;
}

/**
 * True for errors thrown by the admin API, also across module copies (name fallback).
 * @param error - Anything caught.
 */
export function isEmulatorAdminError(error: unknown): error is EmulatorAdminError {
    return error instanceof EmulatorAdminError || (error instanceof Error && error.name === "EmulatorAdminError");
}

/**
 * Rejects a fault spec whose numbers make no sense (for the in-process admin API and HTTP alike).
 * @param spec - The spec to inject.
 */
export function checkFaultSpec(spec: FaultSpec): FaultSpec {
    if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
        throw new EmulatorAdminError(`probability must be a number from 0 to 1, got ${spec.probability}.`);
    }
    if (spec.after !== undefined && !(Number.isInteger(spec.after) && spec.after >= 0)) {
        throw new EmulatorAdminError(`after must be an integer >= 0, got ${spec.after}.`);
    }
    return spec;
}

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

function resolve(emulator: EmulatorState, scope: string, alertId: string): { state: ArmScopeState; kind: ArmAlertKind } {
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
            throw new EmulatorAdminError(`'${unknown}' is not a property of ${kind.configurationType}; allowed: ${[...allowed].join(", ")}.`);
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
        incidents.push({ name, properties: properties ?? syntheticIncidentProperties(kind.alertId, incidents.length + 1) });
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

/** What {@link EmulatorAdmin.issueToken} puts in a token; everything defaults to the managed identity. */
export interface AdminTokenRequest {
    /** Resource or `.default` scope. @default "https://management.azure.com" */
    readonly audience?: string;
    readonly objectId?: string;
    readonly appId?: string;
    /** Negative values give an already expired token. @default the emulator's token lifetime */
    readonly lifetimeSeconds?: number;
}

/** How refresh operations behave. */
export interface OperationBehaviour {
    /** Polls answered `Running` before the final status. */
    readonly pollsUntilDone?: number;
    /** `Retry-After` seconds of the 202. */
    readonly retryAfterSeconds?: number;
    /** HTTP status of an ARM operation poll while it runs (see `EmulatorOptions.runningPollStatus`). */
    readonly runningPollStatus?: 200 | 202;
}

function nonNegativeInteger(name: string, value: number): number {
    if (!Number.isInteger(value) || value < 0) throw new EmulatorAdminError(`${name} must be an integer >= 0, got ${value}.`);
    return value;
}

/**
 * The emulator's admin API as in-process methods; the HTTP routes under `/_emulator/` call these.
 * ARM drift methods are inherited from {@link ArmAdmin}; Graph ones are under {@link EmulatorAdmin.graph}.
 */
export class EmulatorAdmin extends ArmAdmin {
    /** Drift, incidents and state of the Graph directory-role alerts. */
    readonly graph: GraphAdmin;

    constructor(private readonly state: EmulatorState) {
        super(state);
        this.graph = new GraphAdmin(state);
    }

    /** Restores seed data (ARM and Graph) and start settings; clears faults, request log and read-only principals. */
    reset(): void {
        resetEmulatorState(this.state);
    }

    /**
     * Injects a fault; the next matching request(s) get it instead of the API.
     * @param spec - What to match and how to answer.
     * @returns The fault's id.
     */
    injectFault(spec: FaultSpec): string {
        return this.state.faults.add(checkFaultSpec(spec));
    }

    /** Removes every injected fault. */
    clearFaults(): void {
        this.state.faults.clear();
    }

    /** The faults that have not fired (all their times) yet. */
    faults(): ActiveFault[] {
        return this.state.faults.list();
    }

    /**
     * Delays every API and token request by `latencyMs`.
     * @param latencyMs - Milliseconds, 0 to turn off.
     */
    setLatency(latencyMs: number): void {
        this.state.settings.latencyMs = nonNegativeInteger("latencyMs", latencyMs);
    }

    /**
     * Sets the page size of every list.
     * @param pageSize - Items per page, at least 1.
     */
    setPageSize(pageSize: number): void {
        if (!Number.isInteger(pageSize) || pageSize < 1) throw new EmulatorAdminError(`pageSize must be an integer >= 1, got ${pageSize}.`);
        this.state.settings.pageSize = pageSize;
    }

    /**
     * Changes how refresh operations behave (for operations started afterwards).
     * @param behaviour - Poll count, Retry-After and/or the status of a running ARM poll.
     */
    setOperationBehaviour(behaviour: OperationBehaviour): void {
        const { pollsUntilDone, retryAfterSeconds, runningPollStatus } = behaviour;
        if (runningPollStatus !== undefined && runningPollStatus !== 200 && runningPollStatus !== 202) {
            throw new EmulatorAdminError(`runningPollStatus must be 200 or 202, got ${String(runningPollStatus)}.`);
        }
        if (pollsUntilDone !== undefined) this.state.settings.pollsUntilDone = nonNegativeInteger("pollsUntilDone", pollsUntilDone);
        if (retryAfterSeconds !== undefined) this.state.settings.retryAfterSeconds = nonNegativeInteger("retryAfterSeconds", retryAfterSeconds);
        if (runningPollStatus !== undefined) this.state.settings.runningPollStatus = runningPollStatus;
    }

    /** Makes the next refresh operation (ARM or Graph) end `Failed` instead of `Succeeded`. */
    failNextOperation(): void {
        this.state.settings.failNextOperation = true;
    }

    /**
     * Makes a principal read-only (its PATCH/POST get 403) or writable again.
     * @param principalId - Object id or application id.
     * @param readOnly - @default true
     */
    setReadOnly(principalId: string, readOnly = true): void {
        this.state.readOnly.set(principalId, readOnly);
    }

    /**
     * Registers a client id / secret accepted by the Entra token endpoint (client credentials).
     * @param client - Client id, secret and optional object id.
     */
    registerClient(client: RegisteredClient): void {
        this.state.clients.register(client);
    }

    /**
     * Issues a token directly (for tests that call the API without @azure/identity).
     * @param request - Audience, principal and lifetime.
     */
    issueToken(request: AdminTokenRequest = {}): string {
        const audience = normalizeAudience(request.audience ?? "https://management.azure.com");
        if (audienceFamily(audience) === undefined) throw new EmulatorAdminError(`'${audience}' is not an audience the emulator serves.`);
        const { token } = issueToken(
            {
                audience,
                tenantId: this.state.settings.tenantId,
                objectId: request.objectId ?? MANAGED_IDENTITY_OBJECT_ID,
                appId: request.appId ?? MANAGED_IDENTITY_CLIENT_ID,
                lifetimeSeconds: request.lifetimeSeconds ?? this.state.settings.tokenLifetimeSeconds,
            },
            nowInSeconds(),
        );
        return token;
    }

    /** The environment variables that point @azure/identity at this emulator (see `Emulator.tokenEnvironment`). */
    tokenEnvironment(): Record<string, string> {
        return tokenEnvironment(this.state);
    }

    /** The request log (API and token requests; admin calls are not logged), oldest first. */
    requests(): RequestLogEntry[] {
        return this.state.log.list();
    }

    /** Empties the request log. */
    clearRequests(): void {
        this.state.log.clear();
    }
}
