import { randomBytes } from "node:crypto";
import { ArmScopeStore, type ArmRefreshInfo } from "./arm/state";
import { ReadOnlyPrincipals, RegisteredClients } from "./auth/principals";
import { OperationStore } from "./core/operationStore";
import { FaultRegistry } from "./faults/faultRules";
import { seedGraphState, type GraphRefreshInfo, type GraphStore } from "./graph/state";
import { RequestLog } from "./log/requestLog";
import { initialSettings, type EmulatorOptions, type EmulatorSettings } from "./options";

/** Everything one running emulator holds in memory. */
export interface EmulatorState {
    /** `http://127.0.0.1:<port>` (or `https://`), known once the server listens. */
    baseUrl: string;
    /** In HTTPS mode, the PEM file of the self-signed certificate (for `NODE_EXTRA_CA_CERTS`). */
    caCertFile?: string;
    readonly options: EmulatorOptions;
    readonly settings: EmulatorSettings;
    /** Secret the MSI endpoint expects in `X-IDENTITY-HEADER`; fixed for the emulator's life. */
    readonly identityHeader: string;
    readonly armScopes: ArmScopeStore;
    readonly armOperations: OperationStore<ArmRefreshInfo>;
    /** The directory-role alerts of the (single) tenant and their refresh operations. */
    readonly graph: GraphStore;
    readonly readOnly: ReadOnlyPrincipals;
    readonly clients: RegisteredClients;
    readonly faults: FaultRegistry;
    readonly log: RequestLog;
}

/**
 * A fresh state for an emulator started with `options`.
 * @param options - Start options.
 */
export function createEmulatorState(options: EmulatorOptions): EmulatorState {
    return {
        baseUrl: "",
        options,
        settings: initialSettings(options),
        identityHeader: randomBytes(16).toString("hex"),
        armScopes: new ArmScopeStore(),
        armOperations: new OperationStore<ArmRefreshInfo>(),
        graph: { state: seedGraphState(), operations: new OperationStore<GraphRefreshInfo>() },
        readOnly: new ReadOnlyPrincipals(),
        clients: new RegisteredClients(),
        faults: new FaultRegistry(),
        log: new RequestLog(),
    };
}

/**
 * Returns `state` to how it was at start: seed data, no faults, empty log, start settings, no
 * read-only principals. Issued tokens and registered clients stay valid (clients cache tokens).
 * @param state - The state to reset in place.
 */
export function resetEmulatorState(state: EmulatorState): void {
    Object.assign(state.settings, initialSettings(state.options));
    state.armScopes.clear();
    state.armOperations.clear();
    state.graph.state = seedGraphState();
    state.graph.operations.clear();
    state.readOnly.clear();
    state.faults.clear();
    state.log.clear();
}
