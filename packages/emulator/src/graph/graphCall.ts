import type { IncomingCall } from "../core/incomingCall";
import type { RequestIds } from "../core/requestIds";
import type { EmulatorState } from "../state";
import type { GraphState } from "./graphState";

/** An authenticated Graph request: what every Graph handler receives. */
export interface GraphCall {
    readonly call: IncomingCall;
    readonly ids: RequestIds;
    readonly emulator: EmulatorState;
    readonly state: GraphState;
    readonly tenantId: string;
    readonly now: Date;
}

/**
 * `https://graph.microsoft.com/beta`, emulated: the base of every Graph URL the emulator hands out.
 * @param c - The Graph request.
 */
export function graphBase(c: GraphCall): string {
    return `${c.emulator.baseUrl}/beta`;
}
