import type { IncomingCall } from "../core/incomingCall";

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
