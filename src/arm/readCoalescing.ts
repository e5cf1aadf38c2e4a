/**
 * Coalesced reads for refresh: reads of several alert configurations (or alerts) at one scope can be
 * answered by ONE list of the scope instead of one GET each, and never cost more calls than one GET
 * per read.
 *
 * The rule that keeps the promise, per collection (configurations, alerts) and process:
 * - a list is one request: its first page only (a scope holds at most a handful of items; a list in
 *   pages is never followed, its first page answers what it holds and the rest are GETs);
 * - a list answers the read that started it when the item is on it, so it costs that read's own call
 *   and nothing more; every other read it answers saves a call, counted as credit;
 * - a list whose item is not on it (a list in pages, a hollow or missing item) costs one call more
 *   than a GET would have: a list is therefore only started when the credit covers that (credit >= 1),
 *   or, before any list has missed, as the one "probe" list in flight of the collection;
 * - a read that may not list waits while lists are in flight (their answers may give it a list or
 *   credit), and GETs when none are, or when the lists it waited for saved nothing. So reads sent all
 *   at once (Pulumi's engine refreshes in parallel) coalesce as well as reads sent one by one.
 * Calls are at most one per read, plus one for the probe that reveals that lists miss (once per
 * collection and process); see BENCHMARKS.md for the counts across stack shapes.
 *
 * Freshness: only `read` (refresh) uses the lists, and a list answers reads for `ttlMs` after it was
 * sent ({@link DEFAULT_READ_CACHE_MS} by default), in one provider process, i.e. one Pulumi command.
 * Every write through this client drops the lists of its scope. Create's adoption GET, update's
 * read-back and everything else always ask Azure. Whatever a list does not answer positively is read
 * with the item's own GET, so "gone" is only ever concluded from that item's 404 and errors name the
 * item's URL.
 */
import { isAzureApiError } from "../errors";
import type { ArmAlertsClient, ListedItems } from "./alertsClient";
import type { ArmAlertId } from "./catalog";
import type { ArmAlertState, ArmConfiguration, ConfigurationValues } from "./payload";

/** How long a list answers reads, by default: one refresh, not more. */
export const DEFAULT_READ_CACHE_MS = 30_000;

/** What the coalesced reads cost so far (for tests and benchmarks). */
export interface ReadCounts {
    readonly reads: number;
    readonly lists: number;
    readonly gets: number;
}

/** Reads as `read` (refresh) needs them: `undefined` means Azure answered 404 for the item. */
export interface ArmReads {
    readConfiguration(scope: string, alertId: ArmAlertId): Promise<ArmConfiguration | undefined>;
    readAlert(scope: string, alertId: ArmAlertId): Promise<ArmAlertState | undefined>;
    /** Lists started so far. */
    readonly listsStarted: number;
    /** Reads, lists and GETs so far, both collections together. */
    readonly counts: ReadCounts;
}

/** The ARM client with coalesced reads; its writes drop the lists of the scope they touch. */
export type CachingArmAlertsClient = ArmAlertsClient & ArmReads;

/**
 * Wraps `client`.
 * @param ttlMs - Freshness bound of a list; 0 turns coalescing off (one GET per read, the baseline).
 * @param now - The clock, for tests.
 */
export function withReadCache(
    client: ArmAlertsClient,
    ttlMs: number,
    now: () => number = Date.now,
): CachingArmAlertsClient {
    const configurations = createCoalescedReads<ArmConfiguration>({
        list: (scope) => listedOrNone(client.listConfigurationItems(scope)),
        get: (scope, alertId) => client.getConfiguration(scope, alertId),
        ttlMs,
        now,
    });
    const alerts = createCoalescedReads<ArmAlertState>({
        list: (scope) => listedOrNone(client.listAlertItems(scope)),
        get: (scope, alertId) => client.getAlert(scope, alertId),
        ttlMs,
        now,
    });

    async function writing(scope: string, write: () => Promise<void>): Promise<void> {
        try {
            await write();
        } finally {
            // Also after a failure: a write that timed out may still have been applied.
            configurations.invalidate(scope);
            alerts.invalidate(scope);
        }
    }

    return {
        ...client,
        readConfiguration: (scope, alertId) => configurations.read(scope, alertId),
        readAlert: (scope, alertId) => alerts.read(scope, alertId),
        patchConfiguration: (scope: string, alertId: ArmAlertId, values: ConfigurationValues) =>
            writing(scope, () => client.patchConfiguration(scope, alertId, values)),
        patchAlert: (scope: string, alertId: ArmAlertId, isActive: boolean) =>
            writing(scope, () => client.patchAlert(scope, alertId, isActive)),
        get listsStarted() {
            return configurations.counts.lists + alerts.counts.lists;
        },
        get counts() {
            const [c, a] = [configurations.counts, alerts.counts];
            return { reads: c.reads + a.reads, lists: c.lists + a.lists, gets: c.gets + a.gets };
        },
    };
}

/** Options of {@link createCoalescedReads}. */
export interface CoalescedReadsOptions<T> {
    /** One request: the items on the first page of the collection at `scope`, by alert id. */
    readonly list: (scope: string) => Promise<ListedItems<T>>;
    /** The item's own GET. */
    readonly get: (scope: string, alertId: ArmAlertId) => Promise<T>;
    readonly ttlMs: number;
    readonly now: () => number;
}

/** The coalesced reads of one collection. */
export interface CoalescedReads<T> {
    read(scope: string, alertId: ArmAlertId): Promise<T | undefined>;
    /** Forgets the list of `scope`: the next read asks Azure again. */
    invalidate(scope: string): void;
    readonly counts: ReadCounts;
}

interface Entry<T> {
    readonly sentAt: number;
    readonly items: Promise<ReadonlyMap<string, T>>;
}

/** Creates the coalesced reads of one collection; see the module comment for the rule. */
export function createCoalescedReads<T>(options: CoalescedReadsOptions<T>): CoalescedReads<T> {
    const entries = new Map<string, Entry<T>>();
    const counts = { reads: 0, lists: 0, gets: 0 };
    // Calls saved by lists so far, less the calls lists cost beyond the reads they answered.
    let credit = 0;
    // Calls saved so far, ever growing: a read that waited for lists and saw it not grow stops waiting.
    let earned = 0;
    // A list has not held the read that started it: from now on a list must be paid for by credit.
    let missed = false;
    let probeInFlight = false;
    let listsInFlight = 0;
    let waiting: Array<() => void> = [];

    const fresh = (key: string): Entry<T> | undefined => {
        const entry = entries.get(key);
        return entry && options.now() - entry.sentAt < options.ttlMs ? entry : undefined;
    };
    const listSettled = () => new Promise<void>((resolve) => waiting.push(resolve));
    const wakeWaiting = () => {
        const woken = waiting;
        waiting = [];
        for (const resolve of woken) resolve();
    };

    async function get(scope: string, alertId: ArmAlertId): Promise<T | undefined> {
        counts.gets += 1;
        try {
            return await options.get(scope, alertId);
        } catch (error) {
            if (isAzureApiError(error) && error.status === 404) return undefined;
            throw error;
        }
    }

    async function listAndRead(
        scope: string,
        key: string,
        alertId: ArmAlertId,
        funded: boolean,
    ): Promise<T | undefined> {
        if (funded) credit -= 1;
        else probeInFlight = true;
        listsInFlight += 1;
        counts.lists += 1;
        const entry: Entry<T> = { sentAt: options.now(), items: options.list(scope).then(byLowerCaseKey) };
        entries.set(key, entry);
        // A failure is answered to the reads waiting for it, and forgotten.
        entry.items.catch(() => {
            if (entries.get(key) === entry) entries.delete(key);
        });
        let items: ReadonlyMap<string, T>;
        try {
            items = await entry.items;
        } catch (error) {
            // The list cost this read its own call, no more.
            if (funded) credit += 1;
            throw error;
        } finally {
            listsInFlight -= 1;
            if (!funded) probeInFlight = false;
            wakeWaiting();
        }
        const listed = items.get(alertId.toLowerCase());
        if (listed !== undefined) {
            if (funded) credit += 1;
            return listed;
        }
        // The list did not hold its own read: that read's GET is the one call too many.
        missed = true;
        return get(scope, alertId);
    }

    return {
        counts,
        invalidate(scope) {
            entries.delete(scope.toLowerCase());
        },
        async read(scope, alertId) {
            counts.reads += 1;
            const key = scope.toLowerCase();
            if (options.ttlMs <= 0) return get(scope, alertId);
            let earnedWhenWaiting: number | undefined;
            for (;;) {
                const entry = fresh(key);
                if (entry) {
                    const listed = (await entry.items).get(alertId.toLowerCase());
                    if (listed === undefined) return get(scope, alertId);
                    credit += 1;
                    earned += 1;
                    return listed;
                }
                if (credit >= 1) return listAndRead(scope, key, alertId, true);
                if (!missed && !probeInFlight) return listAndRead(scope, key, alertId, false);
                if (listsInFlight === 0 || earnedWhenWaiting === earned) return get(scope, alertId);
                earnedWhenWaiting = earned;
                await listSettled();
            }
        },
    };
}

/** A scope whose list is not found (404) lists nothing: each read then asks for its item. */
async function listedOrNone<T>(listing: Promise<ListedItems<T>>): Promise<ListedItems<T>> {
    try {
        return await listing;
    } catch (error) {
        if (isAzureApiError(error) && error.status === 404) return new Map();
        throw error;
    }
}

function byLowerCaseKey<T>(items: ReadonlyMap<string, T>): ReadonlyMap<string, T> {
    return new Map([...items].map(([key, value]) => [key.toLowerCase(), value]));
}
