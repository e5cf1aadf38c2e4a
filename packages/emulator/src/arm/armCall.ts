import type { IncomingCall } from "../core/incomingCall";
import type { EmulatorState } from "../state";
import type { ArmScope } from "./scope";
import type { ArmScopeState } from "./scopeStore";

/** The api-version every operation of these APIs requires (there is no other). */
export const ARM_API_VERSION = "2022-08-01-preview";

/** An authenticated ARM request, resolved to its scope: what every ARM handler receives. */
export interface ArmCall {
    readonly call: IncomingCall;
    readonly scope: ArmScope;
    /** The scope's state (seeded on first touch). */
    readonly state: ArmScopeState;
    readonly emulator: EmulatorState;
    readonly now: Date;
}
