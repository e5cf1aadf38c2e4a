/**
 * The HTTP clients of the data functions, the actions and the CLI. They run outside the provider
 * host (in the Pulumi program's process, or in `pim-alerts`), so they build their own settings,
 * token source and clients from a config reader and the environment, with the same keys and
 * precedence as the provider (see `resolveSettings`). Nothing talks to the network until the
 * first request; no token or secret ever leaves this module.
 */
import { readTokenClaims } from "../auth/tokenClaims";
import { createCredential, createTokenSource, type TokenSource } from "../auth/tokenSource";
import { resolveTenantId } from "../graph/tenantId";
import { directoryListQuery, ROLE_MANAGEMENT_ALERTS_PATH } from "../graph/directoryId";
import { createApiClient, type ApiClient } from "../http/apiClient";
import { resolveSettings, type ConfigReader, type ProviderSettings } from "../provider/settings";

/** The clients of one process (or one CLI run). */
export interface PimClients {
    /** ARM, at the configured endpoint. */
    readonly arm: ApiClient;
    /** Microsoft Graph beta, at the configured endpoint. */
    readonly graph: ApiClient;
    /** The tenant of the directory-role alerts: configured, else the Graph token's `tid`, else the listed ids. Found once. */
    directoryTenantId(): Promise<string>;
}

/** Builds the clients; throws a ConfigurationError naming the key when a setting is invalid. */
export function createPimClients(config: ConfigReader, env: Readonly<Record<string, string | undefined>>): PimClients {
    const settings: ProviderSettings = resolveSettings(config, env);
    const tokens: TokenSource = createTokenSource(() => createCredential(settings));
    const arm = createApiClient({
        api: "arm",
        baseUrl: settings.armEndpoint,
        timeoutMs: settings.timeoutMs,
        getToken: () => tokens.getToken(settings.cloud.armAudience),
    });
    const graph = createApiClient({
        api: "graph",
        baseUrl: settings.graphEndpoint,
        timeoutMs: settings.timeoutMs,
        getToken: () => tokens.getToken(settings.cloud.graphAudience),
    });
    let tenantId: Promise<string> | undefined;
    return {
        arm,
        graph,
        directoryTenantId() {
            if (!tenantId) {
                const pending = resolveTenantId({
                    configured: settings.tenantId,
                    tokenClaims: async () => readTokenClaims(await tokens.getToken(settings.cloud.graphAudience)),
                    listConfigurationIds: async () => {
                        const items = await graph.listAll({ path: `${ROLE_MANAGEMENT_ALERTS_PATH}/alertConfigurations`, query: directoryListQuery() });
                        return items
                            .map((item) => (typeof item === "object" && item !== null ? (item as Record<string, unknown>)["id"] : undefined))
                            .filter((id): id is string => typeof id === "string");
                    },
                });
                tenantId = pending;
                // A failure is not cached: the next call asks again.
                pending.catch(() => {
                    if (tenantId === pending) tenantId = undefined;
                });
            }
            return tenantId;
        },
    };
}
