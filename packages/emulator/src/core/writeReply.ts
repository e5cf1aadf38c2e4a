import type { ServerResponse } from "node:http";
import type { Reply } from "./reply";

/**
 * Writes `reply` to `res` and ends the response. Bodies of 204/304 replies are never sent.
 * @param res - The Node response.
 * @param reply - What to send.
 * @param baseHeaders - Headers every response carries (request ids); the reply's own headers win.
 */
export function writeReply(res: ServerResponse, reply: Reply, baseHeaders: Readonly<Record<string, string>>): void {
    const headers: Record<string, string> = { ...baseHeaders, ...reply.headers };
    let payload = "";
    if (reply.body !== undefined && reply.status !== 204 && reply.status !== 304) {
        if (reply.body.kind === "json") {
            payload = JSON.stringify(reply.body.value);
            headers["content-type"] = "application/json; charset=utf-8";
        } else {
            payload = reply.body.text;
            headers["content-type"] = reply.body.contentType;
        }
    }
    headers["content-length"] = String(Buffer.byteLength(payload));
    res.writeHead(reply.status, headers);
    res.end(payload);
}
