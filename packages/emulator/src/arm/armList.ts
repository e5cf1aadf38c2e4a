import { decodeSkipToken, encodeSkipToken, takePage } from "../core/paging";
import { jsonReply, type Reply } from "../core/reply";
import { ARM_API_VERSION, type ArmCall } from "./armCall";
import { ARM_ERROR_CODES, armErrorReply } from "./armErrors";

/**
 * A pageable ARM list reply `{ value, nextLink? }`. `nextLink` is an absolute URL back to the
 * emulator with the api-version and an opaque `$skipToken`.
 * @param c - The ARM request.
 * @param items - The complete list.
 */
export function armListReply(c: ArmCall, items: readonly unknown[]): Reply {
    const token = c.call.query.get("$skipToken") ?? c.call.query.get("$skiptoken");
    const offset = token === null ? 0 : decodeSkipToken(token);
    if (offset === undefined) {
        return armErrorReply(400, ARM_ERROR_CODES.invalidSkipToken, `The skip token '${token}' is not valid.`);
    }
    const page = takePage(items, offset, c.emulator.settings.pageSize);
    if (page.nextOffset === undefined) return jsonReply(200, { value: page.items });
    const next = new URL(c.call.path, c.emulator.baseUrl);
    next.searchParams.set("api-version", ARM_API_VERSION);
    next.searchParams.set("$skipToken", encodeSkipToken(page.nextOffset));
    return jsonReply(200, { value: page.items, nextLink: next.toString() });
}
