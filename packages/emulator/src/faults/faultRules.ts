/**
 * Injected faults: what a fault matches (method, path, surface), when it answers (after, probability,
 * times) and the registry that hands the next matching fault to the front door.
 */
import { randomUUID } from "node:crypto";
import type { IncomingCall } from "../core/http";
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
    /**
     * Chance (0..1) that the fault answers a matching request; the others go on to later faults and
     * the API. Reproducible for a `seed` (see {@link FaultChance}). `times` counts answers only.
     * @default 1
     */
    readonly probability?: number;
    /** Seed of `probability`'s decisions. @default 1 */
    readonly seed?: number;
    /** Lets this many matching requests through before the fault starts answering. @default 0 */
    readonly after?: number;
    /**
     * The API handles the request first (a write is applied), then the fault answers instead of it:
     * e.g. a connection reset after a PATCH was applied. @default false
     */
    readonly afterHandling?: boolean;
}

/** An injected fault with its id and how many more requests it will answer. */
export interface ActiveFault extends FaultSpec {
    readonly id: string;
    readonly remaining: number;
}

/**
 * Whether a fault with a `probability` answers a request, decided reproducibly: the n-th time one
 * request (method, path and query) reaches the fault, the decision depends only on the fault's seed,
 * that request and n, never on how other requests interleave. So a seeded storm fails the same
 * requests on every run, even when a client sends requests concurrently.
 */
export class FaultChance {
    private readonly seen = new Map<string, number>();

    /**
     * Rolls for one request (and counts it).
     * @param probability - Chance in [0, 1] that the fault answers.
     * @param seed - The fault's seed.
     * @param call - The request.
     */
    fires(probability: number, seed: number, call: IncomingCall): boolean {
        const key = `${call.method} ${call.path}?${call.query.toString()}`;
        const n = this.seen.get(key) ?? 0;
        this.seen.set(key, n + 1);
        return uniform(`${seed}|${key}|${n}`) < probability;
    }
}

/**
 * A number in [0, 1) from a string: FNV-1a, then a murmur3 finaliser to spread the bits.
 * @param text - What to hash.
 */
export function uniform(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return (h >>> 0) / 2 ** 32;
}

interface RegisteredFault {
    fault: ActiveFault;
    /** Matching requests still to let through (`after`). */
    toLetThrough: number;
    readonly chance: FaultChance;
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

function answers(entry: RegisteredFault, call: IncomingCall, api: RequestApi): boolean {
    if (!matches(entry.fault, call, api)) return false;
    if (entry.toLetThrough > 0) {
        entry.toLetThrough -= 1;
        return false;
    }
    const { probability, seed } = entry.fault;
    return probability === undefined || entry.chance.fires(probability, seed ?? 1, call);
}

/** The injected faults, consumed in injection order. */
export class FaultRegistry {
    private faults: RegisteredFault[] = [];

    /**
     * Adds a fault and returns its id.
     * @param spec - What to match and how to answer.
     */
    add(spec: FaultSpec): string {
        const id = randomUUID();
        const fault = { ...spec, id, remaining: Math.max(1, Math.floor(spec.times ?? 1)) };
        this.faults.push({ fault, toLetThrough: Math.max(0, Math.floor(spec.after ?? 0)), chance: new FaultChance() });
        return id;
    }

    /**
     * The first fault that matches this request and answers it (its `after` and `probability`
     * allowing), with one use consumed; `undefined` when none does.
     * @param call - The incoming request.
     * @param api - The surface it hit.
     */
    take(call: IncomingCall, api: RequestApi): ActiveFault | undefined {
        const index = this.faults.findIndex((entry) => answers(entry, call, api));
        if (index < 0) return undefined;
        const entry = this.faults[index];
        const fault = entry.fault;
        if (fault.remaining <= 1) this.faults.splice(index, 1);
        else entry.fault = { ...fault, remaining: fault.remaining - 1 };
        return fault;
    }

    /** The faults still waiting to fire. */
    list(): ActiveFault[] {
        return this.faults.map((entry) => entry.fault);
    }

    /** Removes every fault. */
    clear(): void {
        this.faults = [];
    }
}
