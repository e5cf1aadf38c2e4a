import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { isJsonObject } from "../core/jsonBody";

/**
 * Key of the token signature. It is per process, not per emulator: MSAL keeps managed-identity
 * tokens in a process-wide cache, so a token issued by one emulator in this process must still be
 * accepted by the next emulator the same test file starts.
 */
const PROCESS_SIGNING_KEY = randomBytes(32);

/** The claims of an emulator-issued access token (the subset of Entra claims clients look at). */
export interface TokenClaims {
    readonly aud: string;
    readonly iss: string;
    readonly iat: number;
    readonly nbf: number;
    readonly exp: number;
    readonly tid: string;
    readonly oid: string;
    readonly sub: string;
    readonly appid: string;
    readonly idtyp: "app";
    readonly ver: "1.0";
}

/** What to put in a new token. */
export interface TokenRequest {
    readonly audience: string;
    readonly tenantId: string;
    readonly objectId: string;
    readonly appId: string;
    readonly lifetimeSeconds: number;
}

/** Outcome of checking a presented token. */
export type TokenCheck = { readonly ok: true; readonly claims: TokenClaims } | { readonly ok: false; readonly reason: "malformed" | "expired" };

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "pim-alerts-emulator" })).toString("base64url");

function sign(data: string): Buffer {
    return createHmac("sha256", PROCESS_SIGNING_KEY).update(data).digest();
}

/**
 * Issues a JWT-shaped token (`header.payload.signature`, base64url). It is not an Entra token: the
 * signature is an HMAC only emulators in this process can verify.
 * @param request - Audience, tenant, principal and lifetime.
 * @param nowSeconds - Current time in Unix seconds.
 */
export function issueToken(request: TokenRequest, nowSeconds: number): { token: string; claims: TokenClaims } {
    const claims: TokenClaims = {
        aud: request.audience,
        iss: `https://sts.windows.net/${request.tenantId}/`,
        iat: nowSeconds,
        nbf: nowSeconds,
        exp: nowSeconds + request.lifetimeSeconds,
        tid: request.tenantId,
        oid: request.objectId,
        sub: request.objectId,
        appid: request.appId,
        idtyp: "app",
        ver: "1.0",
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
    const signed = `${HEADER}.${payload}`;
    return { token: `${signed}.${sign(signed).toString("base64url")}`, claims };
}

function isTokenClaims(value: unknown): value is TokenClaims {
    if (!isJsonObject(value)) return false;
    const strings = ["aud", "iss", "tid", "oid", "sub", "appid"].every((key) => typeof value[key] === "string");
    return strings && typeof value["exp"] === "number" && typeof value["iat"] === "number";
}

/**
 * Checks that `token` was issued by an emulator of this process and has not expired.
 * @param token - The bearer token as presented.
 * @param nowSeconds - Current time in Unix seconds.
 */
export function verifyToken(token: string, nowSeconds: number): TokenCheck {
    const parts = token.split(".");
    if (parts.length !== 3) return { ok: false, reason: "malformed" };
    const [header, payload, signature] = parts as [string, string, string];
    const expected = sign(`${header}.${payload}`);
    const presented = Buffer.from(signature, "base64url");
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
        return { ok: false, reason: "malformed" };
    }
    let claims: unknown;
    try {
        claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    } catch {
        return { ok: false, reason: "malformed" };
    }
    if (!isTokenClaims(claims)) return { ok: false, reason: "malformed" };
    if (claims.exp <= nowSeconds) return { ok: false, reason: "expired" };
    return { ok: true, claims };
}

/** Current time in Unix seconds. */
export function nowInSeconds(): number {
    return Math.floor(Date.now() / 1000);
}
