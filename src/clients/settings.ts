/**
 * Provider settings: from stack config (`pim-alerts:` keys, falling back to the `azure-native:` keys a
 * stack may already have) and environment variables. Resolved at run time in the provider process,
 * so nothing here is ever captured in `__provider`.
 */
import { AZURE_NATIVE_ENVIRONMENTS, CLOUDS, findCloud, type CloudEndpoints } from "../auth/clouds";
import { DEFAULT_READ_CACHE_MS } from "../arm/readCoalescing";
import { DEFAULT_MAX_CONCURRENT_REQUESTS } from "../http/requestLimiter";
import { ConfigurationError, excerpt } from "../errors";

/** Reads one stack config value by its full key (`pim-alerts:cloud`). */
export type ConfigReader = (key: string) => string | undefined;

/** Everything the provider needs to reach Azure. `clientSecret` is held only in memory. */
export interface ProviderSettings {
    readonly cloud: CloudEndpoints;
    readonly armEndpoint: string;
    readonly graphEndpoint: string;
    readonly authorityHost: string;
    readonly tenantId: string | undefined;
    readonly clientId: string | undefined;
    readonly clientSecret: string | undefined;
    /** Per-attempt HTTP timeout. */
    readonly timeoutMs: number;
    /** How long one list of a scope answers refresh reads ({@link DEFAULT_READ_CACHE_MS}); 0 = one GET per read. */
    readonly readCacheMs: number;
    /** The bound on HTTP requests in flight in this process, all clients together ({@link DEFAULT_MAX_CONCURRENT_REQUESTS}). */
    readonly maxConcurrentRequests: number;
    /**
     * What every wait between two attempts is multiplied by: 1 (real waits) unless a test bench sets
     * `PIM_ALERTS_RETRY_DELAY_SCALE` (see {@link RETRY_DELAY_SCALE_ENV}).
     */
    readonly retryDelayScale: number;
}

/**
 * For test benches that run the provider in its own process (where no fake clock can be injected):
 * a number from 0 to 1 that every wait between two attempts is multiplied by, the package's own
 * (backoff and `Retry-After`) and @azure/identity's. An environment variable only, never stack
 * config: it is not policy, and a program's state never records it.
 */
export const RETRY_DELAY_SCALE_ENV = "PIM_ALERTS_RETRY_DELAY_SCALE";

/** A setting with its config key and environment variable. */
interface SettingSource {
    readonly key: string;
    readonly env: readonly string[];
    readonly azureNativeKey?: string;
}

const SOURCES = {
    cloud: { key: "cloud", env: ["PIM_ALERTS_CLOUD"] },
    armEndpoint: { key: "armEndpoint", env: ["PIM_ALERTS_ARM_ENDPOINT"] },
    graphEndpoint: { key: "graphEndpoint", env: ["PIM_ALERTS_GRAPH_ENDPOINT"] },
    authorityHost: { key: "authorityHost", env: ["PIM_ALERTS_AUTHORITY_HOST", "AZURE_AUTHORITY_HOST"] },
    tenantId: { key: "tenantId", env: ["PIM_ALERTS_TENANT_ID", "ARM_TENANT_ID"], azureNativeKey: "tenantId" },
    clientId: { key: "clientId", env: ["PIM_ALERTS_CLIENT_ID", "ARM_CLIENT_ID"], azureNativeKey: "clientId" },
    clientSecret: {
        key: "clientSecret",
        env: ["PIM_ALERTS_CLIENT_SECRET", "ARM_CLIENT_SECRET"],
        azureNativeKey: "clientSecret",
    },
    timeoutSeconds: { key: "timeoutSeconds", env: ["PIM_ALERTS_TIMEOUT_SECONDS"] },
    readCacheSeconds: { key: "readCacheSeconds", env: ["PIM_ALERTS_READ_CACHE_SECONDS"] },
    maxConcurrentRequests: { key: "maxConcurrentRequests", env: ["PIM_ALERTS_MAX_CONCURRENT_REQUESTS"] },
} satisfies Record<string, SettingSource>;

/** Resolves the settings. Precedence: `pim-alerts:` config, environment, `azure-native:` config, cloud default. */
export function resolveSettings(
    config: ConfigReader,
    env: Readonly<Record<string, string | undefined>>,
): ProviderSettings {
    const read = (source: SettingSource): string | undefined => {
        const candidates = [config(`pim-alerts:${source.key}`), ...source.env.map((name) => env[name])];
        if (source.azureNativeKey) candidates.push(config(`azure-native:${source.azureNativeKey}`));
        return candidates.find((v) => v !== undefined && v !== "");
    };
    const cloud = readCloud(read(SOURCES.cloud), config("azure-native:environment"));
    return {
        cloud,
        armEndpoint: endpoint("armEndpoint", read(SOURCES.armEndpoint) ?? cloud.armEndpoint),
        graphEndpoint: graphBeta(endpoint("graphEndpoint", read(SOURCES.graphEndpoint) ?? cloud.graphEndpoint)),
        authorityHost: endpoint("authorityHost", read(SOURCES.authorityHost) ?? cloud.authorityHost),
        tenantId: read(SOURCES.tenantId),
        clientId: read(SOURCES.clientId),
        clientSecret: read(SOURCES.clientSecret),
        timeoutMs: timeout(read(SOURCES.timeoutSeconds)),
        readCacheMs: readCache(read(SOURCES.readCacheSeconds)),
        maxConcurrentRequests: concurrency(read(SOURCES.maxConcurrentRequests)),
        retryDelayScale: retryDelayScale(env[RETRY_DELAY_SCALE_ENV]),
    };
}

function readCloud(name: string | undefined, azureNativeEnvironment: string | undefined): CloudEndpoints {
    if (name === undefined) {
        const fromAzureNative = azureNativeEnvironment
            ? AZURE_NATIVE_ENVIRONMENTS[azureNativeEnvironment.toLowerCase()]
            : undefined;
        return CLOUDS[fromAzureNative ?? "AzureCloud"];
    }
    const cloud = findCloud(name);
    if (!cloud)
        throw new ConfigurationError(
            `pim-alerts:cloud is ${excerpt(name)}; allowed: ${Object.keys(CLOUDS).join(", ")}`,
        );
    return CLOUDS[cloud];
}

function endpoint(key: string, value: string): string {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw new ConfigurationError(
            `pim-alerts:${key} is ${excerpt(value)}, which is not an absolute URL (e.g. https://management.azure.com)`,
        );
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
        throw new ConfigurationError(`pim-alerts:${key} must be an http(s) URL; got ${excerpt(value)}`);
    return value.replace(/\/+$/, "");
}

/** The directory-role alerts exist only in Microsoft Graph beta: an endpoint without `/beta` answers 404 to everything. */
function graphBeta(url: string): string {
    if (/\/beta$/.test(new URL(url).pathname)) return url;
    const base = url.replace(/\/v1\.0$/, "");
    throw new ConfigurationError(
        `pim-alerts:graphEndpoint is ${JSON.stringify(url)}, which is not Microsoft Graph beta: the PIM alerts of directory roles ` +
            `are only in the beta API, so the endpoint ends in /beta (e.g. ${JSON.stringify(`${base}/beta`)})`,
    );
}

function timeout(value: string | undefined): number {
    if (value === undefined) return 30_000;
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
        throw new ConfigurationError(
            `pim-alerts:timeoutSeconds is ${excerpt(value)}; allowed: a number of seconds from 1 to 600`,
        );
    }
    return seconds * 1000;
}

function readCache(value: string | undefined): number {
    if (value === undefined) return DEFAULT_READ_CACHE_MS;
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > 300) {
        throw new ConfigurationError(
            `pim-alerts:readCacheSeconds is ${excerpt(value)}; allowed: a number of seconds from 0 (off) to 300`,
        );
    }
    return seconds * 1000;
}

function concurrency(value: string | undefined): number {
    if (value === undefined) return DEFAULT_MAX_CONCURRENT_REQUESTS;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 64) {
        throw new ConfigurationError(
            `pim-alerts:maxConcurrentRequests is ${excerpt(value)}; allowed: a whole number of requests from 1 to 64`,
        );
    }
    return n;
}

function retryDelayScale(value: string | undefined): number {
    if (value === undefined || value === "") return 1;
    const scale = Number(value);
    if (!Number.isFinite(scale) || scale < 0 || scale > 1) {
        throw new ConfigurationError(
            `${RETRY_DELAY_SCALE_ENV} is ${excerpt(value)}; allowed: a number from 0 to 1 (1 = real waits)`,
        );
    }
    return scale;
}
