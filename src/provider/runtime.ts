/**
 * Per-process state of the provider host: settings, one token source, one client per API.
 * Built lazily on first use, so `__provider` (which only `require`s the provider modules) captures none of it.
 */
import { createArmAlertsClient, type ArmAlertsClient } from "../arm/alertsClient";
import { createCredential, createTokenSource, type TokenSource } from "../auth/tokenSource";
import { createApiClient, type ApiClient } from "../http/apiClient";
import { resolveSettings, type ConfigReader, type ProviderSettings } from "./settings";

interface Runtime {
    readonly settings: ProviderSettings;
    readonly tokens: TokenSource;
    arm?: ArmAlertsClient;
    graph?: ApiClient;
}

let current: Runtime | undefined;

/** Called from each provider module's `configure`; the host calls it once per provider module. */
export function configureRuntime(config: ConfigReader, env: Readonly<Record<string, string | undefined>> = process.env): void {
    const settings = resolveSettings(config, env);
    // Keep the token cache when the settings did not change (several provider modules configure one process).
    if (current && JSON.stringify(current.settings) === JSON.stringify(settings)) return;
    current = { settings, tokens: createTokenSource(() => createCredential(settings)) };
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
