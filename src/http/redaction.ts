/**
 * Allowlist redaction of URLs for messages and logs (as core-rest-pipeline's Sanitizer does):
 * only query parameters known to be harmless are printed; everything else becomes REDACTED.
 */

const SAFE_QUERY_PARAMETERS = new Set(["api-version", "$filter", "$expand", "$select", "$top"]);

/** Returns the URL with non-allowlisted query values replaced by `REDACTED` and no user-info. */
export function redactUrl(url: string): string {
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        return "<unparseable url>";
    }
    parsed.username = "";
    parsed.password = "";
    for (const key of [...parsed.searchParams.keys()]) {
        if (!SAFE_QUERY_PARAMETERS.has(key.toLowerCase())) parsed.searchParams.set(key, "REDACTED");
    }
    // URLSearchParams encodes spaces as "+", which hides what a $filter said; print it readably.
    return decodeURIComponent(parsed.toString()).replace(/\+/g, " ");
}
