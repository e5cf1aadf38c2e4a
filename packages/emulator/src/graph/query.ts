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
import { jsonReply, textReply, type Reply } from "../core/reply";
import { decodeSkipToken, encodeSkipToken, takePage } from "../core/paging";
import { GRAPH_ERROR_CODES, graphErrorReply } from "./errors";
import { odataContext } from "./payloads";
import type { GraphCall } from "./router";

/** The filter every list of alerts, alertConfigurations and alertDefinitions needs. */
export const REQUIRED_GRAPH_FILTER = "scopeId eq '/' and scopeType eq 'DirectoryRole'";

/** What the emulator knows of an entity type: its properties, navigations and filterable paths. */
interface EntityShape {
    /** Name after `microsoft.graph.`. */
    readonly typeName: string;
    /** Structural properties of the base type and of its derived types. */
    readonly properties: readonly string[];
    readonly navigations: readonly string[];
    /** Paths `$filter` may compare with `eq`/`ne`, and the type of their values. */
    readonly filterable: Readonly<Record<string, "Edm.String" | "Edm.Boolean">>;
}

const SCOPE_FILTERS = { scopeId: "Edm.String", scopeType: "Edm.String" } as const;

/** The entity types of `/identityGovernance/roleManagementAlerts`. */
export const GRAPH_ENTITIES = {
    alert: {
        typeName: "unifiedRoleManagementAlert",
        properties: ["id", "alertDefinitionId", "scopeId", "scopeType", "incidentCount", "isActive", "lastModifiedDateTime", "lastScannedDateTime"],
        navigations: ["alertConfiguration", "alertDefinition", "alertIncidents"],
        filterable: { ...SCOPE_FILTERS, alertDefinitionId: "Edm.String", "alertConfiguration/isEnabled": "Edm.Boolean" },
    },
    configuration: {
        typeName: "unifiedRoleManagementAlertConfiguration",
        properties: [
            "id",
            "alertDefinitionId",
            "scopeId",
            "scopeType",
            "isEnabled",
            "duration",
            "sequentialActivationCounterThreshold",
            "timeIntervalBetweenActivations",
            "globalAdminCountThreshold",
            "percentageOfGlobalAdminsOutOfRolesThreshold",
        ],
        navigations: ["alertDefinition"],
        filterable: { ...SCOPE_FILTERS, alertDefinitionId: "Edm.String" },
    },
    definition: {
        typeName: "unifiedRoleManagementAlertDefinition",
        properties: [
            "id",
            "displayName",
            "description",
            "severityLevel",
            "securityImpact",
            "mitigationSteps",
            "howToPrevent",
            "isRemediatable",
            "isConfigurable",
            "scopeId",
            "scopeType",
        ],
        navigations: [],
        filterable: SCOPE_FILTERS,
    },
    incident: {
        typeName: "unifiedRoleManagementAlertIncident",
        properties: [
            "id",
            "activationCount",
            "assigneeDisplayName",
            "assigneeId",
            "assigneeUserPrincipalName",
            "assignmentCreatedDateTime",
            "lastActivationDateTime",
            "lastSignInDateTime",
            "roleDefinitionId",
            "roleDisplayName",
            "roleTemplateId",
            "sequenceEndDateTime",
            "sequenceStartDateTime",
            "tenantLicenseStatus",
        ],
        navigations: [],
        filterable: { id: "Edm.String" },
    },
    operation: {
        typeName: "longRunningOperation",
        properties: ["id", "createdDateTime", "lastActionDateTime", "resourceLocation", "status", "statusDetail"],
        navigations: [],
        filterable: {},
    },
} as const satisfies Record<string, EntityShape>;

/** An entity type of {@link GRAPH_ENTITIES}. */
export type GraphEntity = keyof typeof GRAPH_ENTITIES;

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

/** A parsed `$filter` expression (the subset of OData the emulator evaluates). */
export type FilterNode =
    | { readonly kind: "and" | "or"; readonly left: FilterNode; readonly right: FilterNode }
    | { readonly kind: "not"; readonly operand: FilterNode }
    | { readonly kind: "compare"; readonly path: string; readonly op: "eq" | "ne"; readonly value: string | boolean | number | null };

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

/** A query the emulator refuses: its status is 400, its code says whether it is malformed or unsupported. */
class QueryProblem extends Error {
    constructor(
        readonly code: string,
        message: string,
    ) {
        super(message);
    }
}

const unsupported = (message: string): QueryProblem => new QueryProblem(GRAPH_ERROR_CODES.unsupportedQuery, message);
const invalid = (message: string): QueryProblem => new QueryProblem(GRAPH_ERROR_CODES.badRequest, message);

// ---------------------------------------------------------------------------------------------
// $filter: tokens, then a recursive-descent parser of or / and / not / ( ) / path op literal.

type Token = { readonly kind: "word" | "string" | "number" | "punct"; readonly text: string; readonly at: number };

function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < text.length) {
        const ch = text[i] as string;
        if (/\s/.test(ch)) {
            i += 1;
        } else if (ch === "(" || ch === ")" || ch === ",") {
            tokens.push({ kind: "punct", text: ch, at: i });
            i += 1;
        } else if (ch === "'") {
            let value = "";
            let j = i + 1;
            for (;;) {
                if (j >= text.length) throw invalid(`Invalid filter clause: unterminated string literal at position ${i} in '${text}'.`);
                if (text[j] === "'" && text[j + 1] === "'") {
                    value += "'";
                    j += 2;
                } else if (text[j] === "'") {
                    break;
                } else {
                    value += text[j];
                    j += 1;
                }
            }
            tokens.push({ kind: "string", text: value, at: i });
            i = j + 1;
        } else {
            const match = /^(-?\d+(?:\.\d+)?(?![\w.])|[A-Za-z_$][\w.$]*(?:\/[A-Za-z_$][\w.$]*)*)/.exec(text.slice(i));
            // Any other character is a token of its own: the parser reports it where it stands (after, say, an unsupported function).
            const word = match?.[0] ?? ch;
            tokens.push({ kind: match === null ? "punct" : /^-?\d/.test(word) ? "number" : "word", text: word, at: i });
            i += word.length;
        }
    }
    return tokens;
}

const OTHER_OPERATORS = new Set(["gt", "ge", "lt", "le", "has", "in"]);

class FilterParser {
    private position = 0;

    constructor(
        private readonly text: string,
        private readonly tokens: readonly Token[],
    ) {}

    parse(): FilterNode {
        if (this.tokens.length === 0) throw invalid("Invalid filter clause: the $filter expression is empty.");
        const node = this.or();
        const extra = this.tokens[this.position];
        if (extra !== undefined) throw this.syntax(extra);
        return node;
    }

    private syntax(token: Token | undefined): QueryProblem {
        const at = token?.at ?? this.text.length;
        return invalid(`Invalid filter clause: syntax error at position ${at} in '${this.text}'.`);
    }

    private peekWord(word: string): boolean {
        const token = this.tokens[this.position];
        return token?.kind === "word" && token.text.toLowerCase() === word;
    }

    private or(): FilterNode {
        let left = this.and();
        while (this.peekWord("or")) {
            this.position += 1;
            left = { kind: "or", left, right: this.and() };
        }
        return left;
    }

    private and(): FilterNode {
        let left = this.unary();
        while (this.peekWord("and")) {
            this.position += 1;
            left = { kind: "and", left, right: this.unary() };
        }
        return left;
    }

    private unary(): FilterNode {
        if (this.peekWord("not")) {
            this.position += 1;
            return { kind: "not", operand: this.unary() };
        }
        return this.primary();
    }

    private primary(): FilterNode {
        const token = this.tokens[this.position];
        if (token?.kind === "punct" && token.text === "(") {
            this.position += 1;
            const inner = this.or();
            const close = this.tokens[this.position];
            if (close?.kind !== "punct" || close.text !== ")") throw this.syntax(close);
            this.position += 1;
            return inner;
        }
        if (token?.kind !== "word") throw this.syntax(token);
        this.position += 1;
        const next = this.tokens[this.position];
        if (next?.kind === "punct" && next.text === "(") {
            const name = token.text.split("/").at(-1) ?? token.text;
            throw unsupported(`Unsupported query: the $filter function '${name}' is not supported by this API.`);
        }
        const operator = next?.kind === "word" ? next.text.toLowerCase() : "";
        if (OTHER_OPERATORS.has(operator)) {
            throw unsupported(`Unsupported property filter clause operator '${operator}' on '${token.text}': only eq and ne are supported.`);
        }
        if (operator !== "eq" && operator !== "ne") throw this.syntax(next);
        this.position += 1;
        return { kind: "compare", path: token.text, op: operator, value: this.literal() };
    }

    private literal(): string | boolean | number | null {
        const token = this.tokens[this.position];
        if (token === undefined) throw this.syntax(token);
        this.position += 1;
        if (token.kind === "string") return token.text;
        if (token.kind === "number") return Number(token.text);
        const word = token.text.toLowerCase();
        if (word === "true" || word === "false") return word === "true";
        if (word === "null") return null;
        throw this.syntax(token);
    }
}

function edmTypeOf(value: string | boolean | number | null): string | undefined {
    if (value === null) return undefined;
    if (typeof value === "string") return "Edm.String";
    if (typeof value === "boolean") return "Edm.Boolean";
    return "Edm.Int32";
}

/** Checks every comparison against the entity's filterable paths and returns the tree with canonical paths. */
function checkFilter(node: FilterNode, shape: EntityShape): FilterNode {
    switch (node.kind) {
        case "and":
        case "or":
            return { kind: node.kind, left: checkFilter(node.left, shape), right: checkFilter(node.right, shape) };
        case "not":
            return { kind: "not", operand: checkFilter(node.operand, shape) };
        case "compare": {
            const path = Object.keys(shape.filterable).find((candidate) => candidate.toLowerCase() === node.path.toLowerCase());
            if (path === undefined) {
                throw unsupported(
                    `Unsupported or invalid query filter clause specified for property '${node.path}' of resource '${shape.typeName}'.` +
                        ` Filterable: ${Object.keys(shape.filterable).join(", ") || "none"}.`,
                );
            }
            const expected = shape.filterable[path] as string;
            const found = edmTypeOf(node.value);
            if (found !== undefined && found !== expected) {
                const kind = node.op === "eq" ? "Equal" : "NotEqual";
                throw invalid(
                    `A binary operator with incompatible types was detected. Found operand types '${expected}' and '${found}' for operator kind '${kind}'.`,
                );
            }
            return { ...node, path };
        }
    }
}

function conjuncts(node: FilterNode): FilterNode[] {
    return node.kind === "and" ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

function hasScopeClauses(node: FilterNode | undefined): boolean {
    if (node === undefined) return false;
    const parts = conjuncts(node);
    const has = (path: string, value: string) =>
        parts.some((part) => part.kind === "compare" && part.path === path && part.op === "eq" && part.value === value);
    return has("scopeId", "/") && has("scopeType", "DirectoryRole");
}

function valueAt(item: Readonly<Record<string, unknown>>, path: string): unknown {
    let current: unknown = item;
    for (const segment of path.split("/")) {
        if (typeof current !== "object" || current === null) return undefined;
        current = (current as Record<string, unknown>)[segment];
    }
    return current;
}

/**
 * True when `item` satisfies `filter` (a checked tree; values compared exactly, `null` matches a missing value).
 * @param item - The entity as served (with the navigations the filter names inlined).
 * @param filter - The filter, or `undefined` to keep everything.
 */
export function matchesFilter(item: Readonly<Record<string, unknown>>, filter: FilterNode | undefined): boolean {
    if (filter === undefined) return true;
    switch (filter.kind) {
        case "and":
            return matchesFilter(item, filter.left) && matchesFilter(item, filter.right);
        case "or":
            return matchesFilter(item, filter.left) || matchesFilter(item, filter.right);
        case "not":
            return !matchesFilter(item, filter.operand);
        case "compare": {
            const value = valueAt(item, filter.path) ?? null;
            return filter.op === "eq" ? value === filter.value : value !== filter.value;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the query string.

function namesOf(text: string): string[] {
    return text
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== "");
}

function canonicalName(shape: EntityShape, names: readonly string[], name: string): string {
    const known = names.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (known === undefined) throw invalid(`Could not find a property named '${name}' on type 'microsoft.graph.${shape.typeName}'.`);
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
        if (options.has(name)) throw invalid(`Query option '$${name}' was specified more than once, but it must be specified at most once.`);
        options.set(name, value);
    }
    return options;
}

function readQuery(c: GraphCall, resource: GraphResource): GraphQuery {
    const shape: EntityShape = GRAPH_ENTITIES[resource.entity];
    const options = parseOptions(c.call.query, resource.form);
    const filterText = options.get("filter");
    const filter = filterText === undefined ? undefined : checkFilter(new FilterParser(filterText, tokenize(filterText)).parse(), shape);
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
            : namesOf(selectText).map((name) => canonicalName(shape, [...shape.properties, ...shape.navigations], name));
    const expand = new Set<string>();
    for (const name of namesOf(options.get("expand") ?? "")) {
        if (name === "*") shape.navigations.forEach((navigation) => expand.add(navigation));
        else expand.add(canonicalName(shape, shape.navigations, name));
    }
    const topText = options.get("top");
    const top = topText === undefined ? undefined : Number(topText);
    if (top !== undefined && !(Number.isInteger(top) && top > 0)) {
        throw invalid(`Invalid value '${topText}' for $top query option found. The emulator takes $top as the page size: a whole number of at least 1.`);
    }
    const countText = (options.get("count") ?? "false").toLowerCase();
    if (countText !== "true" && countText !== "false") throw invalid(`'${options.get("count")}' is not a valid count option.`);
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
    return Object.fromEntries(Object.entries(item).filter(([key]) => key === "@odata.type" || select.includes(key) || query.expand.has(key)));
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
export function graphListReply(c: GraphCall, set: string, query: GraphQuery, items: readonly Readonly<Record<string, unknown>>[]): Reply {
    const offset = query.skipToken === undefined ? 0 : decodeSkipToken(query.skipToken);
    if (offset === undefined) return graphErrorReply(c.ids, 400, GRAPH_ERROR_CODES.badRequest, `The skip token '${query.skipToken}' is not valid.`);
    const page = takePage(items, offset, query.top ?? c.emulator.settings.pageSize);
    const body: Record<string, unknown> = { "@odata.context": contextOf(c, set, query, false) };
    if (query.count) body["@odata.count"] = items.length;
    body["value"] = page.items.map((item) => selected(item, query));
    if (page.nextOffset !== undefined) {
        const next = new URL(c.call.path, c.emulator.baseUrl);
        for (const [key, value] of c.call.query) if (key.toLowerCase().replace(/^\$/, "") !== "skiptoken") next.searchParams.append(key, value);
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
