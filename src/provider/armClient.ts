/**
 * The ARM client the ARM providers use: the process's client ({@link armAlerts}) with refresh reads
 * coalesced by scope ({@link withReadCache}), freshness from `pim-alerts:readCacheSeconds`. Writes go
 * through it so that they drop the lists of their scope.
 */
import { withReadCache, type CachingArmAlertsClient } from "../arm/configurationReadCache";
import type { ArmAlertsClient } from "../arm/alertsClient";
import { armAlerts, providerSettings } from "./runtime";

let current: { readonly base: ArmAlertsClient; readonly client: CachingArmAlertsClient } | undefined;

/** The caching ARM client of this process; renewed when the settings (hence the base client) change. */
export function armClient(): CachingArmAlertsClient {
    const base = armAlerts();
    if (current?.base !== base) current = { base, client: withReadCache(base, providerSettings().readCacheMs) };
    return current.client;
}
