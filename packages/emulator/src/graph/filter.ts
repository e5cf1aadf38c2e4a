/**
 * Graph's `$filter`, as far as this API supports it: tokens, a recursive-descent parser of
 * or / and / not / ( ) / path eq|ne literal, the check of every comparison against the entity's
 * filterable paths, and its evaluation. Anything else is a {@link QueryProblem}.
 */
import type { GraphEntityShape } from "./catalog";
import { GRAPH_ERROR_CODES } from "./errors";

/** A parsed `$filter` expression (the subset of OData the emulator evaluates). */
export type FilterNode =
    | { readonly kind: "and" | "or"; readonly left: FilterNode; readonly right: FilterNode }
    | { readonly kind: "not"; readonly operand: FilterNode }
    | {
          readonly kind: "compare";
          readonly path: string;
          readonly op: "eq" | "ne";
          readonly value: string | boolean | number | null;
      };

/** A query the emulator refuses: its status is 400, its code says whether it is malformed or unsupported. */
export class QueryProblem extends Error {
    constructor(
        readonly code: string,
        message: string,
    ) {
        super(message);
    }
}

/**
 * A 400 `Request_UnsupportedQuery`: a well-formed query the API does not support.
 * @param message - What is not supported.
 */
export const unsupported = (message: string): QueryProblem =>
    new QueryProblem(GRAPH_ERROR_CODES.unsupportedQuery, message);
/**
 * A 400 `BadRequest`: a malformed query.
 * @param message - What is wrong.
 */
export const invalid = (message: string): QueryProblem => new QueryProblem(GRAPH_ERROR_CODES.badRequest, message);

type Token = { readonly kind: "word" | "string" | "number" | "punct"; readonly text: string; readonly at: number };

function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < text.length) {
        const ch = text[i];
        if (/\s/.test(ch)) {
            i += 1;
        } else if (ch === "(" || ch === ")" || ch === ",") {
            tokens.push({ kind: "punct", text: ch, at: i });
            i += 1;
        } else if (ch === "'") {
            let value = "";
            let j = i + 1;
            for (;;) {
                if (j >= text.length)
                    throw invalid(`Invalid filter clause: unterminated string literal at position ${i} in '${text}'.`);
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
            // Any other character is a token of its own: the parser reports it where it stands (after, say,
            // an unsupported function).
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
            throw unsupported(
                `Unsupported property filter clause operator '${operator}' on '${token.text}': only eq and ne are supported.`,
            );
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
function checkFilter(node: FilterNode, shape: GraphEntityShape): FilterNode {
    switch (node.kind) {
        case "and":
        case "or":
            return { kind: node.kind, left: checkFilter(node.left, shape), right: checkFilter(node.right, shape) };
        case "not":
            return { kind: "not", operand: checkFilter(node.operand, shape) };
        case "compare": {
            const path = Object.keys(shape.filterable).find(
                (candidate) => candidate.toLowerCase() === node.path.toLowerCase(),
            );
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

export function hasScopeClauses(node: FilterNode | undefined): boolean {
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

/**
 * Parses a `$filter` expression and checks it against `shape` (canonical property paths, value types).
 * @param text - The `$filter` value.
 * @param shape - The entity type the collection holds.
 * @throws QueryProblem for a malformed or unsupported filter.
 */
export function parseFilter(text: string, shape: GraphEntityShape): FilterNode {
    return checkFilter(new FilterParser(text, tokenize(text)).parse(), shape);
}
