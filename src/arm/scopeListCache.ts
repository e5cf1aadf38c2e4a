/**
 * Read coalescing by scope: the first read at a scope lists the whole collection there (one request,
 * pages followed), and later reads at that scope are answered from that list for a short time.
 * Concurrent reads of one scope share the list in flight. A failed list is never kept, and
 * {@link ScopeListCache.invalidate} (called after every write) drops the scope, list in flight included.
 *
 * Freshness bound: an answer reflects the service as it was at most `ttlMs` before the read.
 */

/** Options of {@link createScopeListCache}. */
export interface ScopeListCacheOptions<T> {
    /** Lists the collection at `scope`; each item under its key (e.g. the alert id). */
    readonly list: (scope: string) => Promise<ReadonlyMap<string, T>>;
    /** How long a list answers reads, counted from when it was sent. */
    readonly ttlMs: number;
    /** The clock. @default Date.now */
    readonly now?: () => number;
}

/** The cache of one collection. Scopes and keys are compared ignoring case, as ARM ids are. */
export interface ScopeListCache<T> {
    /** The item listed under `key` at `scope`, or `undefined` when the list has no such item. */
    get(scope: string, key: string): Promise<T | undefined>;
    /** Forgets `scope`: the next read lists it again. */
    invalidate(scope: string): void;
    /** How many lists were started (for tests and benchmarks). */
    readonly listsStarted: number;
}

interface Entry<T> {
    readonly sentAt: number;
    readonly items: Promise<ReadonlyMap<string, T>>;
}

/** Creates an empty cache; nothing is listed until the first {@link ScopeListCache.get}. */
export function createScopeListCache<T>(options: ScopeListCacheOptions<T>): ScopeListCache<T> {
    const now = options.now ?? Date.now;
    const entries = new Map<string, Entry<T>>();
    let listsStarted = 0;

    function entryFor(scope: string): Entry<T> {
        const key = scope.toLowerCase();
        const existing = entries.get(key);
        if (existing && now() - existing.sentAt < options.ttlMs) return existing;
        listsStarted += 1;
        const entry: Entry<T> = { sentAt: now(), items: options.list(scope).then(byLowerCaseKey) };
        entries.set(key, entry);
        // A failure is answered to the reads waiting for it, and forgotten.
        entry.items.catch(() => {
            if (entries.get(key) === entry) entries.delete(key);
        });
        return entry;
    }

    return {
        async get(scope, key) {
            const items = await entryFor(scope).items;
            return items.get(key.toLowerCase());
        },
        invalidate(scope) {
            entries.delete(scope.toLowerCase());
        },
        get listsStarted() {
            return listsStarted;
        },
    };
}

function byLowerCaseKey<T>(items: ReadonlyMap<string, T>): ReadonlyMap<string, T> {
    return new Map([...items].map(([key, value]) => [key.toLowerCase(), value]));
}
