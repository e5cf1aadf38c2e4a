/**
 * The OData query options of the emulated Graph API: `$filter`, `$select`, `$expand`, `$top`, `$count`
 * and `$skiptoken`, parsed, checked against what the addressed resource supports, and applied.
 *
 * What is supported is what Microsoft's pages document (graph-api.md section 1): the list calls of
 * alerts, alertConfigurations and alertDefinitions require `scopeId eq '/' and scopeType eq 'DirectoryRole'`;
 * `scopeId`, `scopeType` and `alertDefinitionId` filter with `eq`/`ne`, an alert also on
 * `alertConfiguration/isEnabled`, an incident on `id`. Anything else is refused with the 400 Graph
 * gives for an unsupported query (`Request_UnsupportedQuery`), never ignored.
 */
import { jsonReply, textReply, type Reply } from "../core/http";
import { decodeSkipToken, encodeSkipToken, takePage } from "../core/paging";
import { GRAPH_ENTITIES, type GraphEntity, type GraphEntityShape } from "./catalog";
import { GRAPH_ERROR_CODES, graphErrorReply } from "./errors";
import { hasScopeClauses, invalid, parseFilter, QueryProblem, unsupported, type FilterNode } from "./filter";
import { odataContext } from "./payloads";
import type { GraphCall } from "./router";

/** The filter every list of alerts, alertConfigurations and alertDefinitions needs. */
export const REQUIRED_GRAPH_FILTER = "scopeId eq '/' and scopeType eq 'DirectoryRole'";

/** What a request addresses, as far as query options are concerned. */
export interface GraphResource {
    readonly entity: GraphEntity;
    /** `collection` (a list), `count` (its `/$count` segment), `single` (one entity) or `action` (a write). */
    readonly form: "collection" | "count" | "single" | "action";
    /** Lists of alerts, configurations and definitions need {@link REQUIRED_GRAPH_FILTER}. */
    readonly scoped?: boolean;
}

/** The checked query options of one request. */
export interface GraphQuery {
    readonly filter?: FilterNode;
    /** Properties to keep (canonical names), `undefined` for all. */
    readonly select?: readonly string[];
    /** Navigations to inline (canonical names). */
    readonly expand: ReadonlySet<string>;
    readonly top?: number;
    readonly count: boolean;
    readonly skipToken?: string;
}

/** The system query options Graph knows; on `/beta` their `$` is optional. */
const SYSTEM_OPTIONS = new Set([
    "filter",
    "select",
    "expand",
    "top",
    "count",
    "skiptoken",
    "skip",
    "orderby",
    "search",
    "format",
    "compute",
    "apply",
    "levels",
    "deltatoken",
    "index",
    "id",
    "schemaversion",
]);

const OPTIONS_BY_FORM: Readonly<Record<GraphResource["form"], readonly string[]>> = {
    collection: ["filter", "select", "expand", "top", "count", "skiptoken"],
    count: ["filter"],
    single: ["select", "expand"],
    action: [],
};

function namesOf(text: string): string[] {
    return text
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== "");
}

function canonicalName(shape: GraphEntityShape, names: readonly string[], name: string): string {
    const known = names.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (known === undefined)
        throw invalid(`Could not find a property named '${name}' on type 'microsoft.graph.${shape.typeName}'.`);
    return known;
}

function parseOptions(query: URLSearchParams, form: GraphResource["form"]): Map<string, string> {
    const options = new Map<string, string>();
    for (const [key, value] of query) {
        const name = key.toLowerCase().replace(/^\$/, "");
        // Custom query options (no `$`, not a system option name) are not OData's business: ignored, as Graph does.
        if (!key.startsWith("$") && !SYSTEM_OPTIONS.has(name)) continue;
        if (!SYSTEM_OPTIONS.has(name)) throw invalid(`The query parameter '${key}' is not supported.`);
        if (!OPTIONS_BY_FORM[form].includes(name)) {
            throw unsupported(`Unsupported query: the query option '$${name}' is not supported on this resource.`);
        }
        if (options.has(name))
            throw invalid(
                `Query option '$${name}' was specified more than once, but it must be specified at most once.`,
            );
        options.set(name, value);
    }
    return options;
}

function readQuery(c: GraphCall, resource: GraphResource): GraphQuery {
    const shape: GraphEntityShape = GRAPH_ENTITIES[resource.entity];
    const options = parseOptions(c.call.query, resource.form);
    const filterText = options.get("filter");
    const filter = filterText === undefined ? undefined : parseFilter(filterText, shape);
    if (resource.scoped === true && !hasScopeClauses(filter)) {
        const got = filterText === undefined ? "" : `; got "${filterText.trim().replace(/\s+/g, " ")}"`;
        throw invalid(
            `The filter "$filter=${REQUIRED_GRAPH_FILTER}" is required: only alerts of built-in directory roles at tenant scope are supported${got}.`,
        );
    }
    const selectText = options.get("select");
    const select =
        selectText === undefined || namesOf(selectText).includes("*")
            ? undefined
            : namesOf(selectText).map((name) =>
                  canonicalName(shape, [...shape.properties, ...shape.navigations], name),
              );
    const expand = new Set<string>();
    for (const name of namesOf(options.get("expand") ?? "")) {
        if (name === "*") shape.navigations.forEach((navigation) => expand.add(navigation));
        else expand.add(canonicalName(shape, shape.navigations, name));
    }
    const topText = options.get("top");
    const top = topText === undefined ? undefined : Number(topText);
    if (top !== undefined && !(Number.isInteger(top) && top > 0)) {
        throw invalid(
            `Invalid value '${topText}' for $top query option found. The emulator takes $top as the page size: a whole number of at least 1.`,
        );
    }
    const countText = (options.get("count") ?? "false").toLowerCase();
    if (countText !== "true" && countText !== "false")
        throw invalid(`'${options.get("count")}' is not a valid count option.`);
    const skipToken = options.get("skiptoken");
    return {
        ...(filter === undefined ? {} : { filter }),
        ...(select === undefined ? {} : { select }),
        expand,
        ...(top === undefined ? {} : { top }),
        count: countText === "true",
        ...(skipToken === undefined ? {} : { skipToken }),
    };
}

/**
 * The query options of a request checked against `resource`, or the 400 Graph answers for them.
 * @param c - The Graph request.
 * @param resource - What the request addresses.
 */
export function graphQuery(c: GraphCall, resource: GraphResource): GraphQuery | Reply {
    try {
        return readQuery(c, resource);
    } catch (error) {
        if (!(error instanceof QueryProblem)) throw error;
        return graphErrorReply(c.ids, 400, error.code, error.message);
    }
}

/**
 * `item` reduced to the `$select`ed properties (its `@odata.type` and expanded navigations kept).
 * @param item - The entity as served.
 * @param query - The request's query.
 */
export function selected(item: Readonly<Record<string, unknown>>, query: GraphQuery): Record<string, unknown> {
    const select = query.select;
    if (select === undefined) return { ...item };
    return Object.fromEntries(
        Object.entries(item).filter(([key]) => key === "@odata.type" || select.includes(key) || query.expand.has(key)),
    );
}

/**
 * `@odata.context` of a reply, naming the selected properties as Graph does (`alerts(id,isActive)`).
 * @param c - The Graph request.
 * @param set - Entity-set path.
 * @param query - The request's query.
 * @param single - True for a single entity.
 */
export function contextOf(c: GraphCall, set: string, query: GraphQuery, single: boolean): string {
    const selection = query.select === undefined ? "" : `(${query.select.join(",")})`;
    return odataContext(c, `${set}${selection}`, single);
}

/**
 * A Graph collection reply: `$filter` applied by the caller, then `@odata.count` (with `$count=true`),
 * a page of `$top` (or the emulator's page size) items from the opaque `$skiptoken`, `$select`, and an
 * `@odata.nextLink` that keeps the other query options.
 * @param c - The Graph request.
 * @param set - Entity-set path for `@odata.context`.
 * @param query - The request's checked query.
 * @param items - The complete, filtered collection.
 */
export function graphListReply(
    c: GraphCall,
    set: string,
    query: GraphQuery,
    items: readonly Readonly<Record<string, unknown>>[],
): Reply {
    const offset = query.skipToken === undefined ? 0 : decodeSkipToken(query.skipToken);
    if (offset === undefined)
        return graphErrorReply(
            c.ids,
            400,
            GRAPH_ERROR_CODES.badRequest,
            `The skip token '${query.skipToken}' is not valid.`,
        );
    const page = takePage(items, offset, query.top ?? c.emulator.settings.pageSize);
    const body: Record<string, unknown> = { "@odata.context": contextOf(c, set, query, false) };
    if (query.count) body["@odata.count"] = items.length;
    body["value"] = page.items.map((item) => selected(item, query));
    if (page.nextOffset !== undefined) {
        const next = new URL(c.call.path, c.emulator.baseUrl);
        for (const [key, value] of c.call.query)
            if (key.toLowerCase().replace(/^\$/, "") !== "skiptoken") next.searchParams.append(key, value);
        next.searchParams.set("$skiptoken", encodeSkipToken(page.nextOffset));
        body["@odata.nextLink"] = next.toString();
    }
    return jsonReply(200, body);
}

/**
 * The answer of a `/$count` segment: the number of (filtered) items as `text/plain`.
 * @param items - The complete, filtered collection.
 */
export function graphCountReply(items: readonly unknown[]): Reply {
    return textReply(200, "text/plain; charset=utf-8", String(items.length));
}

/**
 * A Graph single-entity reply: `@odata.context` (`/$entity`) and the `$select`ed properties.
 * @param c - The Graph request.
 * @param set - Entity-set path for `@odata.context`.
 * @param query - The request's checked query.
 * @param item - The entity as served.
 */
export function graphEntityReply(c: GraphCall, set: string, query: GraphQuery, item: Record<string, unknown>): Reply {
    return jsonReply(200, { "@odata.context": contextOf(c, set, query, true), ...selected(item, query) });
}
