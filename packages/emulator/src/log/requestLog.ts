/** Which surface of the emulator a request hit. */
export type RequestApi = "arm" | "graph" | "token" | "unknown";

/** One request as recorded by the emulator. Never holds a token, a secret or a body. */
export interface RequestLogEntry {
    /** ISO-8601 time the request arrived. */
    readonly timestamp: string;
    readonly method: string;
    readonly path: string;
    /** Query parameters, with secret-bearing ones replaced by `REDACTED`. */
    readonly query: Readonly<Record<string, string>>;
    /** Status sent back; 0 when a fault reset or hung the connection. */
    readonly status: number;
    readonly api: RequestApi;
    /** Audience of the presented token (API calls) or of the issued token (token endpoints). */
    readonly audience?: string;
    /** Id of the injected fault that answered instead of the API, if any. */
    readonly faultId?: string;
}

const SECRET_QUERY_KEYS = new Set([
    "client_secret",
    "client_assertion",
    "assertion",
    "password",
    "code",
    "access_token",
    "refresh_token",
    "sig",
]);

/**
 * The query of a request as a plain object, secret-bearing parameters redacted.
 * @param query - The parsed query string.
 */
export function redactedQuery(query: URLSearchParams): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of query) {
        out[key] = SECRET_QUERY_KEYS.has(key.toLowerCase()) ? "REDACTED" : value;
    }
    return out;
}

/** In-memory, append-only request log. */
export class RequestLog {
    private entries: RequestLogEntry[] = [];

    /**
     * Appends an entry.
     * @param entry - The request to record.
     */
    record(entry: RequestLogEntry): void {
        this.entries.push(entry);
    }

    /** A copy of all entries, oldest first. */
    list(): RequestLogEntry[] {
        return [...this.entries];
    }

    /** Forgets all entries. */
    clear(): void {
        this.entries = [];
    }
}
