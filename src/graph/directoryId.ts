/**
 * The Graph ids of directory-role alert configurations and alerts, which are also the Pulumi
 * resource ids: `DirectoryRole_<tenantId>_<alertId>` (the configuration, the alert and the
 * definition of one alert share it), plus the one place the list filter is built.
 */
import { excerpt, InvalidArgumentError, parsed, parseProblem, type ParseResult } from "../errors";
import { isDirectoryAlertId, type DirectoryAlertId } from "./catalog";

/** The two Graph collections this package reads and writes. */
export type DirectoryCollection = "alertConfigurations" | "alerts";

/** The parts of a directory alert id. */
export interface DirectoryAlertRef {
    readonly tenantId: string;
    readonly alertId: DirectoryAlertId;
}

/** Path of the alerts API under the Graph beta base URL. */
export const ROLE_MANAGEMENT_ALERTS_PATH = "identityGovernance/roleManagementAlerts";

const PREFIX = "DirectoryRole_";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a tenant id as Graph writes it in ids and the `tid` claim (a GUID, not a domain name). */
export function isTenantGuid(value: unknown): value is string {
    return typeof value === "string" && GUID.test(value);
}

/** Formats `DirectoryRole_<tenantId>_<alertId>`. */
export function formatDirectoryAlertId(ref: DirectoryAlertRef): string {
    return `${PREFIX}${ref.tenantId}_${ref.alertId}`;
}

/** Parses an id as Graph returns it or this provider stores it; the problem says why it is not one. */
export function parseDirectoryAlertId(text: string): ParseResult<DirectoryAlertRef> {
    const fail = (why: string) =>
        parseProblem<DirectoryAlertRef>(
            `id ${excerpt(text)} is not valid: ${why}; expected ${PREFIX}{tenantId}_{alertId}`,
        );
    if (!text.startsWith(PREFIX)) return fail(`it does not start with ${PREFIX}`);
    const rest = text.slice(PREFIX.length);
    const at = rest.indexOf("_");
    if (at < 0) return fail("it has no alert id");
    const tenantId = rest.slice(0, at);
    const alertId = rest.slice(at + 1);
    if (!isTenantGuid(tenantId)) return fail(`the tenant id ${excerpt(tenantId)} is not a GUID`);
    if (!isDirectoryAlertId(alertId)) return fail(`unknown alert id ${excerpt(alertId)}`);
    return parsed({ tenantId, alertId });
}

/** The parts of a resource id the provider was given (from the state); throws an InvalidArgumentError when it is not one. */
export function directoryAlertRefOf(id: string): DirectoryAlertRef {
    const result = parseDirectoryAlertId(id);
    if (!result.ok) throw new InvalidArgumentError(result.problem);
    return result.value;
}

/** The path of one configuration or alert, relative to the Graph beta base URL. */
export function directoryItemPath(collection: DirectoryCollection, ref: DirectoryAlertRef): string {
    return `${ROLE_MANAGEMENT_ALERTS_PATH}/${collection}/${formatDirectoryAlertId(ref)}`;
}

/**
 * The query of every list call. Graph answers 400 to a list without it (only built-in roles at
 * tenant scope exist), so the client builds no list request without going through this function.
 */
export function directoryListQuery(): Readonly<Record<string, string>> {
    return { $filter: "scopeId eq '/' and scopeType eq 'DirectoryRole'" };
}

/** A short description for messages: `directory alert configuration StaleSignInAlert in tenant <id>`. */
export function describeDirectoryAlert(collection: DirectoryCollection, ref: DirectoryAlertRef): string {
    const what = collection === "alerts" ? "directory alert" : "directory alert configuration";
    return `${what} ${ref.alertId} in tenant ${ref.tenantId}`;
}
