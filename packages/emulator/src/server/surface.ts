import { ADMIN_PREFIX } from "../admin/adminHttp";
import { isArmAuthorizationPath } from "../arm/armPath";
import { isEntraPath } from "../auth/entraEndpoints";
import { MSI_TOKEN_PATH } from "../auth/msiEndpoint";
import type { RequestApi } from "../log/requestLog";

/** The part of the emulator a path belongs to. */
export type Surface = "admin" | "msi" | "entra" | "arm" | "graph" | "unknown";

/** Graph paths start with a version: `/beta/` serves the PIM alerts; `/v1.0/` has none (400, as Graph). */
const GRAPH_PREFIXES = ["/beta/", "/v1.0/"];

/**
 * Which part of the emulator serves `path`.
 * @param path - The decoded request path.
 */
export function surfaceOf(path: string): Surface {
    const lower = path.toLowerCase();
    if (lower === MSI_TOKEN_PATH) return "msi";
    if (lower.startsWith(ADMIN_PREFIX)) return "admin";
    if (GRAPH_PREFIXES.some((prefix) => lower.startsWith(prefix))) return "graph";
    if (isArmAuthorizationPath(lower)) return "arm";
    if (isEntraPath(path)) return "entra";
    return "unknown";
}

/**
 * The request-log / fault category of a surface.
 * @param surface - A non-admin surface.
 */
export function apiOf(surface: Surface): RequestApi {
    switch (surface) {
        case "msi":
        case "entra":
            return "token";
        case "arm":
        case "graph":
            return surface;
        default:
            return "unknown";
    }
}

/**
 * The path with percent-escapes decoded (left as-is when it is not valid UTF-8 escaping).
 * @param rawPath - The path as received.
 */
export function decodedPath(rawPath: string): string {
    try {
        return decodeURIComponent(rawPath);
    } catch {
        return rawPath;
    }
}
