/**
 * The one result type of parsing in this package: a parser of outside data (a response body, a
 * scope, a duration, an id) returns the value or the problem, never `T | string`, never a throw.
 * The caller turns a problem into the error that fits where the data came from (an
 * UnexpectedResponseError naming the URL, a check failure naming the property, ...).
 */

/** A parsed value, or why the input is not one. */
export type ParseResult<T> =
    { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** A successful parse. */
export function parsed<T>(value: T): ParseResult<T> {
    return { ok: true, value };
}

/** A failed parse, saying what is wrong with the input. */
export function parseProblem<T = never>(problem: string): ParseResult<T> {
    return { ok: false, problem };
}

/** The parsed value transformed by `map`, or the same problem. */
export function mapParsed<T, U>(result: ParseResult<T>, map: (value: T) => U): ParseResult<U> {
    return result.ok ? parsed(map(result.value)) : result;
}
