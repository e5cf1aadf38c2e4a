import { decodeSkipToken, encodeSkipToken, takePage } from "../core/paging";
import { jsonReply, type Reply } from "../core/reply";
import type { GraphCall } from "./graphCall";
import { GRAPH_ERROR_CODES, graphErrorReply } from "./graphErrors";
import { odataContext } from "./payloads";

/** The only `$filter` the alerts, alertConfigurations and alertDefinitions lists accept. */
export const REQUIRED_GRAPH_FILTER = "scopeId eq '/' and scopeType eq 'DirectoryRole'";
const SWAPPED_FILTER = "scopeType eq 'DirectoryRole' and scopeId eq '/'";

/**
 * The 400 for a list call without the required filter (graph-api.md section 1), or `undefined`.
 * Whitespace is normalized and the two clauses may come in either order; nothing else is accepted.
 * @param c - The Graph request.
 */
export function requiredFilterProblem(c: GraphCall): Reply | undefined {
    const filter = (c.call.query.get("$filter") ?? "").trim().replace(/\s+/g, " ");
    if (filter === REQUIRED_GRAPH_FILTER || filter === SWAPPED_FILTER) return undefined;
    const message =
        `The filter "$filter=${REQUIRED_GRAPH_FILTER}" is required: only alerts of built-in directory roles at tenant ` +
        `scope are supported${filter === "" ? "" : `; got "${filter}"`}.`;
    return graphErrorReply(c.ids, 400, GRAPH_ERROR_CODES.badRequest, message);
}

function pageSizeOf(c: GraphCall): number | undefined {
    const top = c.call.query.get("$top");
    if (top === null) return c.emulator.settings.pageSize;
    const value = Number(top);
    return Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * A Graph collection reply `{ "@odata.context", value, "@odata.nextLink"? }`; `$top` sets the page
 * size, `$skiptoken` (opaque) the position, and the next link keeps the other query parameters.
 * @param c - The Graph request.
 * @param set - Entity-set path for `@odata.context`.
 * @param items - The complete collection.
 */
export function graphListReply(c: GraphCall, set: string, items: readonly unknown[]): Reply {
    const token = c.call.query.get("$skiptoken") ?? c.call.query.get("$skipToken");
    const offset = token === null ? 0 : decodeSkipToken(token);
    const pageSize = pageSizeOf(c);
    if (offset === undefined || pageSize === undefined) {
        const message = offset === undefined ? `The skip token '${token}' is not valid.` : "The value of $top must be a positive integer.";
        return graphErrorReply(c.ids, 400, GRAPH_ERROR_CODES.badRequest, message);
    }
    const page = takePage(items, offset, pageSize);
    const body: Record<string, unknown> = { "@odata.context": odataContext(c, set, false), value: page.items };
    if (page.nextOffset !== undefined) {
        const next = new URL(c.call.path, c.emulator.baseUrl);
        for (const [key, value] of c.call.query) if (key.toLowerCase() !== "$skiptoken") next.searchParams.append(key, value);
        next.searchParams.set("$skiptoken", encodeSkipToken(page.nextOffset));
        body["@odata.nextLink"] = next.toString();
    }
    return jsonReply(200, body);
}
