/**
 * Coalesced reads for refresh: `read` of N alert configurations (or alerts) at one scope makes ONE
 * list call there instead of N GETs (see {@link createScopeListCache}).
 *
 * Freshness: only `read` (refresh) uses the lists, and a list answers reads for `ttlMs` after it was
 * sent ({@link DEFAULT_READ_CACHE_MS} by default), in one provider process, i.e. one Pulumi command.
 * Every write through this client drops the lists of its scope. Create's adoption GET, update's
 * read-back and everything else always ask Azure. Whatever a list does not answer positively (an item
 * missing from it, or one it could not read: hollow, or of a newer API) is read with the item's own
 * GET, so "gone" is only ever concluded from that item's 404 and errors name the item's URL.
 */
import { isAzureApiError } from "../errors";
import type { ArmAlertsClient, ListedItems } from "./alertsClient";
import type { ArmAlertId } from "./catalog";
import type { ArmAlertState, ArmConfiguration, ConfigurationValues } from "./payload";
import { createScopeListCache, type ScopeListCache } from "./scopeListCache";

/** How long a list answers reads, by default: one refresh, not more. */
export const DEFAULT_READ_CACHE_MS = 30_000;

/** Reads as `read` (refresh) needs them: `undefined` means Azure answered 404 for the item. */
export interface ArmReads {
    readConfiguration(scope: string, alertId: ArmAlertId): Promise<ArmConfiguration | undefined>;
    readAlert(scope: string, alertId: ArmAlertId): Promise<ArmAlertState | undefined>;
    /** Lists started so far (for tests and benchmarks). */
    readonly listsStarted: number;
}

/** The ARM client with coalesced reads; its writes drop the lists of the scope they touch. */
export type CachingArmAlertsClient = ArmAlertsClient & ArmReads;

/**
 * Wraps `client`.
 * @param ttlMs - Freshness bound of a list; 0 turns coalescing off (one GET per read, the baseline).
 * @param now - The clock, for tests.
 */
export function withReadCache(client: ArmAlertsClient, ttlMs: number, now?: () => number): CachingArmAlertsClient {
    const clock = now === undefined ? {} : { now };
    const configurations = createScopeListCache({ list: (scope) => listedOrNone(client.listConfigurationItems(scope)), ttlMs, ...clock });
    const alerts = createScopeListCache({ list: (scope) => listedOrNone(client.listAlertItems(scope)), ttlMs, ...clock });

    async function read<T>(cache: ScopeListCache<T>, scope: string, alertId: ArmAlertId, getOne: () => Promise<T>): Promise<T | undefined> {
        const listed = ttlMs > 0 ? await cache.get(scope, alertId) : undefined;
        if (listed !== undefined) return listed;
        try {
            return await getOne();
        } catch (error) {
            if (isAzureApiError(error) && error.status === 404) return undefined;
            throw error;
        }
    }

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
        readConfiguration: (scope, alertId) => read<ArmConfiguration>(configurations, scope, alertId, () => client.getConfiguration(scope, alertId)),
        readAlert: (scope, alertId) => read<ArmAlertState>(alerts, scope, alertId, () => client.getAlert(scope, alertId)),
        patchConfiguration: (scope: string, alertId: ArmAlertId, values: ConfigurationValues) =>
            writing(scope, () => client.patchConfiguration(scope, alertId, values)),
        patchAlert: (scope: string, alertId: ArmAlertId, isActive: boolean) => writing(scope, () => client.patchAlert(scope, alertId, isActive)),
        get listsStarted() {
            return configurations.listsStarted + alerts.listsStarted;
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
