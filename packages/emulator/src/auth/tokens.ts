/**
 * The emulator's access tokens: which audiences it serves, issuing a token, and checking the bearer
 * token a request presents to ARM or Graph.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { headerValue, isJsonObject, type IncomingCall } from "../core/http";

/** Which API an access token is meant for. */
export type AudienceFamily = "arm" | "graph";

/** Resource identifiers of Azure Resource Manager in the public, China and US Government clouds. */
const ARM_AUDIENCES: readonly string[] = [
    "https://management.azure.com",
    "https://management.core.windows.net",
    "https://management.chinacloudapi.cn",
    "https://management.core.chinacloudapi.cn",
    "https://management.usgovcloudapi.net",
    "https://management.core.usgovcloudapi.net",
];

/** Resource identifiers of Microsoft Graph in the public, China and US Government clouds. */
const GRAPH_AUDIENCES: readonly string[] = [
    "https://graph.microsoft.com",
    "https://microsoftgraph.chinacloudapi.cn",
    "https://graph.microsoft.us",
    "https://dod-graph.microsoft.us",
];

/** The audiences ARM accepts, as ARM lists them in its wrong-audience error message. */
export const ARM_AUDIENCE_LIST: readonly string[] = ARM_AUDIENCES;

/**
 * The bare resource identifier of a scope or resource: `https://management.azure.com/.default`,
 * `https://management.azure.com/` and `https://management.azure.com` all give the last form.
 * @param resourceOrScope - A v1 resource or a v2 `.default` scope.
 */
export function normalizeAudience(resourceOrScope: string): string {
    return resourceOrScope
        .trim()
        .replace(/\/\.default$/i, "")
        .replace(/\/+$/, "");
}

/**
 * The API family an audience belongs to, or `undefined` for audiences the emulator does not serve.
 * @param audience - A token `aud` claim or requested resource (normalized or not).
 */
export function audienceFamily(audience: string): AudienceFamily | undefined {
    const normalized = normalizeAudience(audience).toLowerCase();
    if (ARM_AUDIENCES.includes(normalized)) return "arm";
    if (GRAPH_AUDIENCES.includes(normalized)) return "graph";
    return undefined;
}

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
export type TokenCheck =
    | { readonly ok: true; readonly claims: TokenClaims }
    | { readonly ok: false; readonly reason: "malformed" | "expired" };

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "pim-alerts-emulator" })).toString(
    "base64url",
);

function sign(data: string): Buffer {
    return createHmac("sha256", PROCESS_SIGNING_KEY).update(data).digest();
}

/** Current time in Unix seconds. */
export function nowInSeconds(): number {
    return Math.floor(Date.now() / 1000);
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

/** Why a request was not authenticated. */
export type BearerFailure = "missing" | "malformed-header" | "invalid" | "expired" | "wrong-audience";

/** Outcome of authenticating a request for one API family. */
export type BearerCheck =
    | { readonly ok: true; readonly claims: TokenClaims }
    | { readonly ok: false; readonly failure: BearerFailure; readonly audience?: string };

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
    const check = verifyToken(match[1], nowInSeconds());
    if (!check.ok) return { ok: false, failure: check.reason === "expired" ? "expired" : "invalid" };
    if (audienceFamily(check.claims.aud) !== family) {
        return { ok: false, failure: "wrong-audience", audience: check.claims.aud };
    }
    return check;
}
