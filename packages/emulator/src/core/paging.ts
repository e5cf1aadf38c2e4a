/** One page cut out of a full list, and where the next one starts. */
export interface Page<T> {
    readonly items: readonly T[];
    /** Offset of the next page, absent on the last page. */
    readonly nextOffset?: number;
}

/**
 * Cuts the page starting at `offset` out of `all`.
 * @param all - The complete list.
 * @param offset - Index of the first item of the page.
 * @param pageSize - Maximum items per page (at least 1).
 */
export function takePage<T>(all: readonly T[], offset: number, pageSize: number): Page<T> {
    const size = Math.max(1, Math.floor(pageSize));
    const items = all.slice(offset, offset + size);
    const next = offset + size;
    return next < all.length ? { items, nextOffset: next } : { items };
}

const SKIP_TOKEN_PREFIX = "pim-emu:";

/**
 * An opaque skip token that encodes a list offset.
 * @param offset - Index of the first item of the next page.
 */
export function encodeSkipToken(offset: number): string {
    return Buffer.from(`${SKIP_TOKEN_PREFIX}${offset}`, "utf8").toString("base64url");
}

/**
 * The offset inside a token made by {@link encodeSkipToken}; `undefined` when the token is not one.
 * @param token - The `$skipToken` query value.
 */
export function decodeSkipToken(token: string): number | undefined {
    const text = Buffer.from(token, "base64url").toString("utf8");
    if (!text.startsWith(SKIP_TOKEN_PREFIX)) return undefined;
    const offset = Number(text.slice(SKIP_TOKEN_PREFIX.length));
    return Number.isSafeInteger(offset) && offset >= 0 ? offset : undefined;
}
