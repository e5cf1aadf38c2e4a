/**
 * Per-process state of the provider host: settings, one token source, one client per API, and the
 * ARM client the ARM providers use, with refresh reads coalesced by scope (freshness from
 * `pim-alerts:readCacheSeconds`; writes go through it so that they drop the lists of their scope).
 * Built lazily on first use, so `__provider` (which only `require`s the provider modules) captures none of it,
 * and a program process (which loads the provider modules but never calls an API) loads no client code.
 */
import type * as ArmClientModule from "../arm/alertsClient";
import type * as ReadCacheModule from "../arm/readCoalescing";
import type { CachingArmAlertsClient } from "../arm/readCoalescing";
import type * as ClientsModule from "../clients/apiClients";
import type { ApiClients } from "../clients/apiClients";
import type * as SettingsModule from "../clients/settings";
import type { ConfigReader, ProviderSettings } from "../clients/settings";
import type * as GraphClientModule from "../graph/alertsClient";
import type { DirectoryAlertsClient } from "../graph/alertsClient";
import type { ApiClient } from "../http/apiClient";

// The provider modules are loaded in every program process too (to serialize `__provider`), where no API is
// ever called: the clients (axios, zod, @azure/identity) are loaded by the first call that needs them, in the
// provider host. Synchronous requires, because the getters below are synchronous.
/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading, see above */
const clientsModule = () => require("../clients/apiClients") as typeof ClientsModule;
const settingsModule = () => require("../clients/settings") as typeof SettingsModule;
const armClientModule = () => require("../arm/alertsClient") as typeof ArmClientModule;
const readCacheModule = () => require("../arm/readCoalescing") as typeof ReadCacheModule;
const graphClientModule = () => require("../graph/alertsClient") as typeof GraphClientModule;
/* eslint-enable @typescript-eslint/no-require-imports */

interface Runtime {
    readonly clients: ApiClients;
    arm?: CachingArmAlertsClient;
    directory?: DirectoryAlertsClient;
}

let current: Runtime | undefined;

/** Called from each provider module's `configure`; the host calls it once per provider module. */
export function configureRuntime(
    config: ConfigReader,
    env: Readonly<Record<string, string | undefined>> = process.env,
): void {
    const settings = settingsModule().resolveSettings(config, env);
    // Keep the token cache when the settings did not change (several provider modules configure one process).
    if (current && JSON.stringify(current.clients.settings) === JSON.stringify(settings)) return;
    current = { clients: clientsModule().createApiClients(settings) };
}

function runtime(): Runtime {
    // A host that never called configure (e.g. mocks) still works from the environment alone.
    if (!current) configureRuntime(() => undefined);
    return current as Runtime;
}

/**
 * The ARM PIM alerts client of this process, its refresh reads coalesced by scope (freshness from
 * the settings' `readCacheMs`); built with the process's clients, so renewed with the settings.
 */
export function armAlertsClient(): CachingArmAlertsClient {
    const r = runtime();
    r.arm ??= readCacheModule().withReadCache(
        armClientModule().createArmAlertsClient(r.clients.arm),
        r.clients.settings.readCacheMs,
    );
    return r.arm;
}

/** The Microsoft Graph beta client of this process. */
export function graphApi(): ApiClient {
    return runtime().clients.graph;
}

/** The settings of this process (for the tenant id and for diagnostics; never print the secret). */
export function providerSettings(): ProviderSettings {
    return runtime().clients.settings;
}

/** Token requests made by this process, per audience. */
export function tokenRequestCounts(): ReadonlyMap<string, number> {
    return runtime().clients.tokens.requests;
}

/** The Microsoft Graph directory-role alerts client of this process. */
export function directoryAlertsClient(): DirectoryAlertsClient {
    const r = runtime();
    r.directory ??= graphClientModule().createDirectoryAlertsClient(graphApi());
    return r.directory;
}

/**
 * The claims of this process's Microsoft Graph access token (e.g. `tid`), decoded locally. The token
 * itself never leaves this module; neither it nor its claims are logged. Undefined for an opaque token.
 */
export function graphTokenClaims(): Promise<Readonly<Record<string, unknown>> | undefined> {
    return runtime().clients.graphTokenClaims();
}

/** The tenant id of the directory-role alerts; see {@link ApiClients.directoryTenantId}. */
export function directoryTenantId(): Promise<string> {
    return runtime().clients.directoryTenantId();
}
