/**
 * Reading the claims of an access token that this process already holds (e.g. `tid`, the tenant the
 * token was issued for). The signature is not checked: the claims only help address the service the
 * token is for, which verifies the token itself. Neither the token nor the claims are ever logged.
 */

/** The claims of a JWT access token, or undefined when the text is not a JWT (opaque tokens exist). */
export function readTokenClaims(token: string): Readonly<Record<string, unknown>> | undefined {
    const parts = token.split(".");
    const payload = parts[1];
    if (parts.length !== 3 || payload === undefined || payload === "") return undefined;
    try {
        const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
        return typeof claims === "object" && claims !== null && !Array.isArray(claims)
            ? (claims as Record<string, unknown>)
            : undefined;
    } catch {
        // Deliberately no detail: an error message must never carry any part of a token.
        return undefined;
    }
}
