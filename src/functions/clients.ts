/**
 * The HTTP clients of the data functions, the actions and the CLI. They run outside the provider
 * host (in the Pulumi program's process, or in `pim-alerts`), so they build their own settings,
 * token source and clients from a config reader and the environment, with the same keys and
 * precedence as the provider (see `resolveSettings`). Nothing talks to the network until the
 * first request; no token or secret ever leaves this module.
 */
import { createApiClients, type ApiClients } from "../provider/apiClients";
import { resolveSettings, type ConfigReader } from "../provider/settings";

/** The clients of one process (or one CLI run). */
export type PimClients = Pick<ApiClients, "arm" | "graph" | "directoryTenantId">;

/** Builds the clients; throws a ConfigurationError naming the key when a setting is invalid. */
export function createPimClients(config: ConfigReader, env: Readonly<Record<string, string | undefined>>): PimClients {
    return createApiClients(resolveSettings(config, env));
}
