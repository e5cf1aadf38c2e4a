/**
 * Why @azure/identity gave no token, in one line that names the real cause first. A chain of
 * credentials (DefaultAzureCredential) fails with "ChainedTokenCredential authentication failed."
 * and keeps each credential's own failure in `errors`; MSAL appends timestamps, trace and
 * correlation ids. For a managed identity the endpoint is named (it is where the token was asked):
 * unreachable, or refusing the request (e.g. a stale IDENTITY_HEADER).
 */

/** The environment variables that name a managed identity endpoint, in @azure/identity's order. */
const IDENTITY_ENDPOINT_VARIABLES = ["IDENTITY_ENDPOINT", "MSI_ENDPOINT"] as const;

/**
 * The reason a credential failed, without MSAL's trace noise.
 *
 * @param error - what `getToken` threw
 * @param env - the process environment (to name the managed identity endpoint)
 */
export function credentialFailureReason(error: unknown, env: Readonly<Record<string, string | undefined>>): string {
    const inner =
        typeof error === "object" && error !== null && Array.isArray((error as { errors?: unknown }).errors)
            ? (error as { errors: unknown[] }).errors
            : [];
    const reasons = (inner.length > 0 ? inner : [error]).map((e) => describe(e, env));
    return [...new Set(reasons)].join("; ");
}

function describe(error: unknown, env: Readonly<Record<string, string | undefined>>): string {
    const message = error instanceof Error ? error.message : String(error);
    // MSAL: "... Error(s):  - Timestamp: ... - Description: <what> - Correlation ID: ... - Trace ID: ..."
    const description = /Description:\s*(.*?)(?:\s+-\s+(?:Correlation ID|Trace ID|Timestamp):|$)/s.exec(message)?.[1];
    const firstLine = (message.split("\n")[0] ?? "").replace(/\s+-\s+Timestamp:.*$/s, "").replace(/\.+\s*$/, "");
    if (!firstLine.startsWith("ManagedIdentityCredential")) return description?.trim().replace(/\.+$/, "") ?? firstLine;
    const variable = IDENTITY_ENDPOINT_VARIABLES.find((name) => env[name]);
    const endpoint = variable
        ? `the managed identity endpoint ${env[variable]} (${variable})`
        : "the managed identity endpoint";
    if (/network|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|unreachable/i.test(message)) {
        return `${endpoint} could not be reached (${firstLine.replace(/\s*Message:.*$/s, "").replace(/\.+$/, "")})`;
    }
    return `${endpoint} refused the request: ${(description ?? firstLine).trim().replace(/\.+$/, "")}`;
}
