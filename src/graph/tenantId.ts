/**
 * Finding the tenant whose directory-role alerts the provider manages. The user writes only the short
 * alert id; Graph addresses `DirectoryRole_<tenantId>_<alertId>`. Sources, first that answers wins:
 * 1. the configured tenant id (`pim-alerts:tenantId`), when it is a GUID (a domain name also signs in, but is not the id);
 * 2. the `tid` claim of the Graph access token (the tenant the token is for);
 * 3. the prefix of the ids that the (filtered) list of alert configurations returns.
 */
import { excerpt, TenantIdError } from "../errors";
import { isTenantGuid, parseDirectoryAlertId } from "./directoryId";

/** Where a tenant id can come from; the later sources are only asked when the earlier ones have none. */
export interface TenantIdSources {
    readonly configured: string | undefined;
    readonly tokenClaims: () => Promise<Readonly<Record<string, unknown>> | undefined>;
    readonly listConfigurationIds: () => Promise<string[]>;
}

/** The tenant id from the first source that has one. */
export async function resolveTenantId(sources: TenantIdSources): Promise<string> {
    if (isTenantGuid(sources.configured)) return sources.configured.toLowerCase();
    const tid = (await sources.tokenClaims())?.["tid"];
    if (isTenantGuid(tid)) return tid.toLowerCase();
    const fromList = tenantIdFromConfigurationIds(await sources.listConfigurationIds());
    if (fromList) return fromList;
    throw new TenantIdError(
        "finding the tenant id of the directory-role alerts: pim-alerts:tenantId is " +
            (sources.configured === undefined ? "not set" : `${excerpt(sources.configured)}, not a GUID`) +
            ", the Graph access token has no tid claim and the list of alert configurations is empty; " +
            "set pim-alerts:tenantId to the tenant's GUID",
    );
}

/** The tenant id that prefixes the first well-formed configuration id (`DirectoryRole_<tenantId>_<alertId>`), as Graph spells it. */
export function tenantIdFromConfigurationIds(ids: readonly string[]): string | undefined {
    // An alert this version does not know, or a foreign id, is skipped.
    for (const id of ids) {
        const ref = parseDirectoryAlertId(id);
        if (ref.ok) return ref.value.tenantId;
    }
    return undefined;
}
