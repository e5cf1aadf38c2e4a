import { randomUUID } from "node:crypto";
import { jsonReply, type Reply } from "../core/reply";

/** A token-endpoint answer and the audience of the token issued (for the request log). */
export interface TokenOutcome {
    readonly reply: Reply;
    readonly audience?: string;
}

/**
 * An OAuth 2.0 error body in Entra's shape (`error`, `error_description` with the AADSTS code, ids).
 * @param status - HTTP status code.
 * @param error - OAuth error code (`invalid_client`, `invalid_resource`, ...).
 * @param description - Human-readable description, AADSTS-prefixed where Entra does so.
 * @param aadstsCode - Numeric AADSTS code, listed in `error_codes`.
 */
export function oauthError(status: number, error: string, description: string, aadstsCode?: number): TokenOutcome {
    return {
        reply: jsonReply(status, {
            error,
            error_description: description,
            error_codes: aadstsCode === undefined ? [] : [aadstsCode],
            timestamp: new Date()
                .toISOString()
                .replace("T", " ")
                .replace(/\.\d+Z$/, "Z"),
            trace_id: randomUUID(),
            correlation_id: randomUUID(),
        }),
    };
}
