/**
 * Per-process state of the provider host: settings, one token source, one client per API.
 * Built lazily on first use, so `__provider` (which only `require`s the provider modules) captures none of it.
 */
import { createArmAlertsClient, type ArmAlertsClient } from "../arm/alertsClient";
import { readTokenClaims } from "../auth/tokenClaims";
import { createCredential, createTokenSource, type TokenSource } from "../auth/tokenSource";
import { createDirectoryAlertsClient, type DirectoryAlertsClient } from "../graph/alertsClient";
import { resolveTenantId } from "../graph/tenantId";
import { createApiClient, type ApiClient } from "../http/apiClient";
import { resolveSettings, type ConfigReader, type ProviderSettings } from "./settings";

interface Runtime {
    readonly settings: ProviderSettings;
    readonly tokens: TokenSource;
    arm?: ArmAlertsClient;
    graph?: ApiClient;
    directory?: DirectoryAlertsClient;
    /** The directory tenant id, found once per process (per settings). */
    tenantId?: Promise<string>;
}

let current: Runtime | undefined;

/** Called from each provider module's `configure`; the host calls it once per provider module. */
export function configureRuntime(config: ConfigReader, env: Readonly<Record<string, string | undefined>> = process.env): void {
    const settings = resolveSettings(config, env);
    // Keep the token cache when the settings did not change (several provider modules configure one process).
    if (current && JSON.stringify(current.settings) === JSON.stringify(settings)) return;
    current = { settings, tokens: createTokenSource(() => createCredential(settings), [settings.clientSecret]) };
}

function runtime(): Runtime {
    // A host that never called configure (e.g. mocks) still works from the environment alone.
    if (!current) configureRuntime(() => undefined);
    return current as Runtime;
}

/** The ARM PIM alerts client of this process. */
export function armAlerts(): ArmAlertsClient {
    const r = runtime();
    r.arm ??= createArmAlertsClient(
        createApiClient({
            api: "arm",
            baseUrl: r.settings.armEndpoint,
            timeoutMs: r.settings.timeoutMs,
            getToken: () => r.tokens.getToken(r.settings.cloud.armAudience),
        }),
    );
    return r.arm;
}

/** The Microsoft Graph beta client of this process. */
export function graphApi(): ApiClient {
    const r = runtime();
    r.graph ??= createApiClient({
        api: "graph",
        baseUrl: r.settings.graphEndpoint,
        timeoutMs: r.settings.timeoutMs,
        getToken: () => r.tokens.getToken(r.settings.cloud.graphAudience),
    });
    return r.graph;
}

/** The settings of this process (for the tenant id and for diagnostics; never print the secret). */
export function providerSettings(): ProviderSettings {
    return runtime().settings;
}

/** Token requests made by this process, per audience. */
export function tokenRequestCounts(): ReadonlyMap<string, number> {
    return runtime().tokens.requests;
}

/** The Microsoft Graph directory-role alerts client of this process. */
export function directoryAlerts(): DirectoryAlertsClient {
    const r = runtime();
    r.directory ??= createDirectoryAlertsClient(graphApi());
    return r.directory;
}

/**
 * The claims of this process's Microsoft Graph access token (e.g. `tid`), decoded locally. The token
 * itself never leaves this module; neither it nor its claims are logged. Undefined for an opaque token.
 */
export async function graphTokenClaims(): Promise<Readonly<Record<string, unknown>> | undefined> {
    const r = runtime();
    return readTokenClaims(await r.tokens.getToken(r.settings.cloud.graphAudience));
}

/**
 * The tenant id of the directory-role alerts: configured, else the token's `tid`, else the prefix of the
 * listed configuration ids (see {@link resolveTenantId}). Found once per process; a failure is not cached.
 */
export function directoryTenantId(): Promise<string> {
    const r = runtime();
    if (!r.tenantId) {
        const pending = resolveTenantId({
            configured: r.settings.tenantId,
            tokenClaims: graphTokenClaims,
            listConfigurationIds: () => directoryAlerts().listConfigurationIds(),
        });
        r.tenantId = pending;
        pending.catch(() => {
            if (r.tenantId === pending) delete r.tenantId;
        });
    }
    return r.tenantId;
}
