import { randomUUID } from "node:crypto";
import type { IncomingCall } from "../core/incomingCall";
import type { RequestApi } from "../log/requestLog";

/**
 * What a fault answers with:
 * - `cloudError`: the API's own error JSON (ARM CloudError, Graph error, OAuth error on token endpoints);
 * - `html`: an HTML gateway page with `text/html`;
 * - `malformedJson`: `application/json` that does not parse;
 * - `emptyProperties`: the real answer, with every `properties` object emptied (Graph: only `id` and
 *   `@odata.type` kept). Its status is the real one unless `status` is given.
 */
export type FaultBody = "cloudError" | "html" | "malformedJson" | "emptyProperties";

/** Which requests a fault may hit: the ARM/Graph APIs (default), the token endpoints, or both. */
export type FaultTarget = "api" | "token" | "any";

/** A fault to inject (`POST /_emulator/faults` body, or `emulator.admin.injectFault`). */
export interface FaultSpec {
  /** Only requests with this HTTP method (any case). */
  readonly method?: string;
  /** Only requests whose decoded path contains this text (any case). */
  readonly pathIncludes?: string;
  /** Status to answer with. @default 500 */
  readonly status?: number;
  /** Adds a `Retry-After` header with this many seconds. */
  readonly retryAfterSeconds?: number;
  /** How many matching requests the fault answers before it disappears. @default 1 */
  readonly times?: number;
  /** Delay before the fault answers, in milliseconds. */
  readonly latencyMs?: number;
  /** Body kind. @default "cloudError" */
  readonly body?: FaultBody;
  /** Destroy the socket instead of answering (the client sees ECONNRESET / socket hang up). */
  readonly resetConnection?: boolean;
  /** Never answer; the connection stays open until the client gives up or the emulator stops. */
  readonly hang?: boolean;
  /** Which surface the fault applies to. @default "api" */
  readonly target?: FaultTarget;
}

/** An injected fault with its id and how many more requests it will answer. */
export interface ActiveFault extends FaultSpec {
  readonly id: string;
  readonly remaining: number;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function matches(fault: ActiveFault, call: IncomingCall, api: RequestApi): boolean {
  const target = fault.target ?? "api";
  const isToken = api === "token";
  if (target === "api" && isToken) return false;
  if (target === "token" && !isToken) return false;
  if (fault.method !== undefined && fault.method.toUpperCase() !== call.method) return false;
  if (fault.pathIncludes !== undefined) {
    return safeDecode(call.path).toLowerCase().includes(fault.pathIncludes.toLowerCase());
  }
  return true;
}

/** The injected faults, consumed in injection order. */
export class FaultRegistry {
  private faults: ActiveFault[] = [];

  /**
   * Adds a fault and returns its id.
   * @param spec - What to match and how to answer.
   */
  add(spec: FaultSpec): string {
    const id = randomUUID();
    this.faults.push({ ...spec, id, remaining: Math.max(1, Math.floor(spec.times ?? 1)) });
    return id;
  }

  /**
   * The first fault matching this request, with one use consumed; `undefined` when none matches.
   * @param call - The incoming request.
   * @param api - The surface it hit.
   */
  take(call: IncomingCall, api: RequestApi): ActiveFault | undefined {
    const index = this.faults.findIndex((fault) => matches(fault, call, api));
    if (index < 0) return undefined;
    const fault = this.faults[index] as ActiveFault;
    const remaining = fault.remaining - 1;
    if (remaining <= 0) this.faults.splice(index, 1);
    else this.faults[index] = { ...fault, remaining };
    return fault;
  }

  /** The faults still waiting to fire. */
  list(): ActiveFault[] {
    return [...this.faults];
  }

  /** Removes every fault. */
  clear(): void {
    this.faults = [];
  }
}
