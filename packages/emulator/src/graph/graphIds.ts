import { findGraphAlertKind, type GraphAlertKind } from "./catalog";

/**
 * The Graph id of an alert, its configuration and its definition (they share it).
 * @param tenantId - The emulator's tenant id.
 * @param kind - The alert.
 */
export function graphAlertId(tenantId: string, kind: GraphAlertKind): string {
    return `DirectoryRole_${tenantId}_${kind.suffix}`;
}

/**
 * The alert an id names, when its tenant is the emulator's; `undefined` otherwise.
 * Accepts the full id (`DirectoryRole_<tenantId>_<suffix>`, any case).
 * @param tenantId - The emulator's tenant id.
 * @param id - The id from a URL.
 */
export function parseGraphAlertId(tenantId: string, id: string): GraphAlertKind | undefined {
    const prefix = `directoryrole_${tenantId.toLowerCase()}_`;
    if (!id.toLowerCase().startsWith(prefix)) return undefined;
    return findGraphAlertKind(id.slice(prefix.length));
}

/**
 * The alert an admin call names: a full id or just its suffix (`StaleSignInAlert`).
 * @param tenantId - The emulator's tenant id.
 * @param idOrSuffix - Full id or suffix.
 */
export function graphKindFromAdmin(tenantId: string, idOrSuffix: string): GraphAlertKind | undefined {
    return parseGraphAlertId(tenantId, idOrSuffix) ?? findGraphAlertKind(idOrSuffix);
}
