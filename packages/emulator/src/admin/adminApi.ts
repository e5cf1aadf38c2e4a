/**
 * The emulator's admin API as typed in-process methods: the alert state of both APIs (from
 * alertAdmin.ts), faults, latency, paging, operation behaviour, principals, tokens and the request
 * log. The HTTP routes under `/_emulator/` (adminHttp.ts) call these.
 */
import { MANAGED_IDENTITY_CLIENT_ID, MANAGED_IDENTITY_OBJECT_ID, type RegisteredClient } from "../auth/principals";
import { tokenEnvironment } from "../auth/tokenEndpoints";
import { audienceFamily, issueToken, normalizeAudience, nowInSeconds } from "../auth/tokens";
import type { ActiveFault, FaultSpec } from "../faults/faultRules";
import type { RequestLogEntry } from "../log/requestLog";
import { resetEmulatorState, type EmulatorState } from "../state";
import { checkFaultSpec, EmulatorAdminError } from "./adminInput";
import { ArmAdmin, GraphAdmin } from "./alertAdmin";

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
    if (!Number.isInteger(value) || value < 0)
        throw new EmulatorAdminError(`${name} must be an integer >= 0, got ${value}.`);
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
        if (!Number.isInteger(pageSize) || pageSize < 1)
            throw new EmulatorAdminError(`pageSize must be an integer >= 1, got ${pageSize}.`);
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
        if (pollsUntilDone !== undefined)
            this.state.settings.pollsUntilDone = nonNegativeInteger("pollsUntilDone", pollsUntilDone);
        if (retryAfterSeconds !== undefined)
            this.state.settings.retryAfterSeconds = nonNegativeInteger("retryAfterSeconds", retryAfterSeconds);
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
        if (audienceFamily(audience) === undefined)
            throw new EmulatorAdminError(`'${audience}' is not an audience the emulator serves.`);
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
