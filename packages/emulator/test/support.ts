import { startEmulator, type Emulator, type EmulatorOptions } from "../src";

/** A response as the tests look at it. */
export interface TestResponse {
    readonly status: number;
    readonly headers: Headers;
    readonly text: string;
    /** Parsed JSON body, `undefined` when the body is empty or not JSON. */
    readonly json: unknown;
}

/** Subscription scope used by most tests (the one of the Microsoft examples). */
export const SUBSCRIPTION = "subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";

/** `/{scope}/providers/Microsoft.Authorization/` for the example subscription. */
export const PROVIDER = `/${SUBSCRIPTION}/providers/Microsoft.Authorization`;

/** Query string with the only valid api-version. */
export const API = "?api-version=2022-08-01-preview";

/** Options that make LROs fast in tests. */
export const FAST: EmulatorOptions = { retryAfterSeconds: 0 };

/**
 * Starts an emulator for a test file and stops it after all tests.
 * @param options - Start options.
 */
export function useEmulator(options: EmulatorOptions = FAST): () => Emulator {
    let emulator: Emulator | undefined;
    beforeAll(async () => {
        emulator = await startEmulator(options);
    });
    afterEach(() => emulator?.reset());
    afterAll(async () => {
        await emulator?.stop();
    });
    return () => {
        if (emulator === undefined) throw new Error("emulator not started");
        return emulator;
    };
}

/** Options of {@link send}. */
export interface SendOptions {
    readonly body?: unknown;
    /** Raw body text, sent as-is. */
    readonly rawBody?: string;
    /** Bearer token; defaults to a fresh ARM token; `null` sends no Authorization header. */
    readonly token?: string | null;
    readonly headers?: Record<string, string>;
}

/**
 * Sends a request to the emulator with fetch.
 * @param emulator - The emulator.
 * @param method - HTTP method.
 * @param pathOrUrl - Path (joined to the emulator URL) or absolute URL.
 * @param options - Body, token and headers.
 */
export async function send(
    emulator: Emulator,
    method: string,
    pathOrUrl: string,
    options: SendOptions = {},
): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? emulator.admin.issueToken() : options.token;
    if (token !== null) headers["authorization"] = `Bearer ${token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers["content-type"] = "application/json";
    }
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${emulator.url}${pathOrUrl}`;
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let json: unknown;
    try {
        json = text === "" ? undefined : JSON.parse(text);
    } catch {
        json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
}

/**
 * The response body of a Microsoft example file.
 * @param name - File name in `fixtures/`.
 * @param status - Response status key.
 */
export function exampleBody(name: string, status = "200"): unknown {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const example = require(`./fixtures/${name}`) as { responses: Record<string, { body?: unknown }> };
    return example.responses[status]?.body;
}
