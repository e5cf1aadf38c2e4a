import { headerValue, type IncomingCall } from "../core/incomingCall";
import { audienceFamily, type AudienceFamily } from "./audiences";
import { nowInSeconds, verifyToken, type TokenClaims } from "./tokens";

/** Why a request was not authenticated. */
export type BearerFailure = "missing" | "malformed-header" | "invalid" | "expired" | "wrong-audience";

/** Outcome of authenticating a request for one API family. */
export type BearerCheck =
    { readonly ok: true; readonly claims: TokenClaims } | { readonly ok: false; readonly failure: BearerFailure; readonly audience?: string };

/**
 * Authenticates `call` by its `Authorization: Bearer` header for the API `family`.
 * @param call - The incoming request.
 * @param family - The API being called; the token's audience must belong to it.
 */
export function checkBearer(call: IncomingCall, family: AudienceFamily): BearerCheck {
    const header = headerValue(call, "authorization");
    if (header === undefined || header.trim() === "") return { ok: false, failure: "missing" };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) return { ok: false, failure: "malformed-header" };
    const check = verifyToken(match[1] as string, nowInSeconds());
    if (!check.ok) return { ok: false, failure: check.reason === "expired" ? "expired" : "invalid" };
    if (audienceFamily(check.claims.aud) !== family) {
        return { ok: false, failure: "wrong-audience", audience: check.claims.aud };
    }
    return check;
}
