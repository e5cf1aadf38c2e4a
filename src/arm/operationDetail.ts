/**
 * ARM's `AlertOperationResult.statusDetail` is JSON-encoded text, e.g.
 * `{"result":[{"name":"DuplicateRoleCreated","statusDetail":"Alert scan failed."}]}`. This turns it
 * into a sentence a person can read in an error message or a log.
 */

/** `DuplicateRoleCreated: Alert scan failed.`; text that is not that JSON is returned unchanged. */
export function describeOperationDetail(statusDetail: string): string {
    let parsed: unknown;
    try {
        parsed = JSON.parse(statusDetail);
    } catch {
        return statusDetail;
    }
    const result =
        typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>)["result"] : undefined;
    if (!Array.isArray(result)) return statusDetail;
    const parts = result.map((entry: unknown) => {
        const e = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>) : {};
        const name = typeof e["name"] === "string" ? e["name"] : "";
        const detail = typeof e["statusDetail"] === "string" ? e["statusDetail"] : "";
        return name && detail ? `${name}: ${detail}` : name || detail;
    });
    const text = parts.filter((p) => p !== "").join("; ");
    return text === "" ? statusDetail : text;
}
