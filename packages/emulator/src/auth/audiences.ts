/** Which API an access token is meant for. */
export type AudienceFamily = "arm" | "graph";

/** Resource identifiers of Azure Resource Manager in the public, China and US Government clouds. */
const ARM_AUDIENCES: readonly string[] = [
    "https://management.azure.com",
    "https://management.core.windows.net",
    "https://management.chinacloudapi.cn",
    "https://management.core.chinacloudapi.cn",
    "https://management.usgovcloudapi.net",
    "https://management.core.usgovcloudapi.net",
];

/** Resource identifiers of Microsoft Graph in the public, China and US Government clouds. */
const GRAPH_AUDIENCES: readonly string[] = [
    "https://graph.microsoft.com",
    "https://microsoftgraph.chinacloudapi.cn",
    "https://graph.microsoft.us",
    "https://dod-graph.microsoft.us",
];

/**
 * The bare resource identifier of a scope or resource: `https://management.azure.com/.default`,
 * `https://management.azure.com/` and `https://management.azure.com` all give the last form.
 * @param resourceOrScope - A v1 resource or a v2 `.default` scope.
 */
export function normalizeAudience(resourceOrScope: string): string {
    return resourceOrScope
        .trim()
        .replace(/\/\.default$/i, "")
        .replace(/\/+$/, "");
}

/**
 * The API family an audience belongs to, or `undefined` for audiences the emulator does not serve.
 * @param audience - A token `aud` claim or requested resource (normalized or not).
 */
export function audienceFamily(audience: string): AudienceFamily | undefined {
    const normalized = normalizeAudience(audience).toLowerCase();
    if (ARM_AUDIENCES.includes(normalized)) return "arm";
    if (GRAPH_AUDIENCES.includes(normalized)) return "graph";
    return undefined;
}

/** The audiences ARM accepts, as ARM lists them in its wrong-audience error message. */
export const ARM_AUDIENCE_LIST: readonly string[] = ARM_AUDIENCES;
