import { createApiClient, type ApiClient } from "../../../src/http/apiClient";
import { AzureApiError, NetworkError, UnexpectedResponseError } from "../../../src/errors";
import { InsecureConnectionError } from "../../../src/errors";
import { createRequestLimiter } from "../../../src/http/requestLimiter";
import type { Clock } from "../../../src/http/retryPolicy";
import { json, raw, startScriptedServer, type Handler, type ScriptedServer } from "../../support/scriptedServer";

const TOKEN = "eyJ0eXAi.secret-token-value.sig";
const fastRetry = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5, maxTotalMs: 5_000 };
let server: ScriptedServer | undefined;

afterEach(async () => {
    await server?.close();
    server = undefined;
});

async function clientFor(
    script: Handler[],
    options: { timeoutMs?: number; api?: "arm" | "graph"; clock?: Clock; retry?: Partial<typeof fastRetry> } = {},
): Promise<ApiClient> {
    server = await startScriptedServer(script);
    return createApiClient({
        api: options.api ?? "arm",
        baseUrl: server.url,
        getToken: async () => TOKEN,
        retry: options.retry ?? fastRetry,
        timeoutMs: options.timeoutMs ?? 2_000,
        ...(options.clock ? { clock: options.clock } : {}),
    });
}

/** A clock whose waits return at once and are recorded. */
function fakeClock(): Clock & { slept: number[] } {
    let t = 1_000_000;
    const slept: number[] = [];
    return {
        slept,
        now: () => t,
        sleep: async (ms) => {
            slept.push(ms);
            t += ms;
        },
    };
}

/** Writes `total` bytes in chunks, as fast as the client reads; records how much went out and whether it all did. */
function bigBody(status: number, total: number, sent: { bytes: number; finished: boolean }[]): Handler {
    return (_req, res) => {
        const record = { bytes: 0, finished: false };
        sent.push(record);
        res.writeHead(status, { "content-type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
            while (record.bytes < total) {
                record.bytes += chunk.length;
                if (!res.write(chunk)) return void res.once("drain", pump);
            }
            record.finished = true;
            res.end();
        };
        res.on("close", () => undefined);
        pump();
    };
}

const armError = (status: number, code: string, message: string): Handler =>
    json(status, { error: { code, message } }, { "x-ms-request-id": "req-123" });

describe("ApiClient", () => {
    test("sends the bearer token and JSON body, and returns an empty body for 204", async () => {
        const client = await clientFor([json(204, undefined)]);
        const response = await client.send({
            method: "PATCH",
            path: "/subscriptions/x/thing",
            query: { "api-version": "v1" },
            body: { properties: { a: 1 } },
        });
        expect(response).toMatchObject({ status: 204, body: undefined });
        expect(server?.seen[0]).toMatchObject({
            method: "PATCH",
            url: "/subscriptions/x/thing?api-version=v1",
            body: '{"properties":{"a":1}}',
        });
        expect(server?.seen[0]?.headers["authorization"]).toBe(`Bearer ${TOKEN}`);
    });

    test("retries 429 honouring Retry-After, then succeeds", async () => {
        const client = await clientFor([json(429, {}, { "retry-after": "0" }), json(503, {}), json(200, { ok: true })]);
        await expect(client.send({ method: "GET", path: "/x" })).resolves.toMatchObject({ body: { ok: true } });
        expect(server?.seen).toHaveLength(3);
    });

    test("gives up after the retry budget with status, code, message, request id and advice", async () => {
        const client = await clientFor([armError(500, "InternalServerError", "boom")]);
        const error = await client.send({ method: "GET", path: "/x" }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AzureApiError);
        expect((error as Error).message).toBe(
            `GET ${server?.url}/x failed with 500 Internal Server Error: InternalServerError: boom (request id: req-123). ` +
                "The service failed after 4 attempts; run again (every write of this provider is safe to repeat)",
        );
        expect(server?.seen).toHaveLength(1 + fastRetry.maxRetries);
    });

    test("403 names the permission that is missing and is not retried", async () => {
        const client = await clientFor([armError(403, "AuthorizationFailed", "no")]);
        const error = (await client
            .send({ method: "PATCH", path: "/x", body: {}, subject: { scope: "/subscriptions/s" } })
            .catch((e: unknown) => e)) as AzureApiError;
        expect(error.details).toMatchObject({ status: 403, code: "AuthorizationFailed", requestId: "req-123" });
        expect(error.message).toContain(
            "Microsoft.Authorization/roleAssignments/write on /subscriptions/s (held by the Owner and User Access Administrator roles)",
        );
        expect(server?.seen).toHaveLength(1);
    });

    test("Graph errors take the request id from innerError and name the Graph permission", async () => {
        const client = await clientFor(
            [
                json(403, {
                    error: {
                        code: "Authorization_RequestDenied",
                        message: "Insufficient privileges",
                        innerError: { "request-id": "g-1" },
                    },
                }),
            ],
            { api: "graph" },
        );
        const error = (await client.send({ method: "GET", path: "/x" }).catch((e: unknown) => e)) as AzureApiError;
        expect(error.details.requestId).toBe("g-1");
        expect(error.message).toContain("RoleManagementAlert.ReadWrite.Directory");
    });

    test("POST is not retried on a 500 (the service may have acted on it)", async () => {
        const client = await clientFor([armError(500, "InternalServerError", "x")]);
        await expect(client.send({ method: "POST", path: "/refresh" })).rejects.toThrow(AzureApiError);
        expect(server?.seen).toHaveLength(1);
    });

    test("a request that hangs is cut by the timeout, retried, and reported without the token", async () => {
        const hang: Handler = () => undefined;
        const client = await clientFor([hang], { timeoutMs: 100 });
        const error = (await client.send({ method: "GET", path: "/x" }).catch((e: unknown) => e)) as Error;
        expect(error).toBeInstanceOf(NetworkError);
        expect(error.message).toMatch(
            /failed without a complete HTTP response: no answer within the attempt's deadline \(0\.1 s\) \(4 attempts; no more are made\)$/,
        );
        expect(JSON.stringify(error) + error.message + String(error.stack)).not.toContain(TOKEN);
        expect(server?.seen).toHaveLength(1 + fastRetry.maxRetries);
    });

    test("an HTML page from a proxy with 200 is a clear error, not a crash", async () => {
        const client = await clientFor([raw(200, "<html><body><h1>Gateway says hi</h1></body></html>", "text/html")]);
        await expect(client.send({ method: "GET", path: "/x" })).rejects.toThrow(
            new UnexpectedResponseError(
                "GET",
                `${server?.url}/x`,
                200,
                'the body is not JSON (text/html): "Gateway says hi"',
            ),
        );
    });

    test("an HTML error page keeps the status and says the body was not JSON", async () => {
        const client = await clientFor([raw(404, "<html>Not here</html>", "text/html")]);
        await expect(client.send({ method: "GET", path: "/x" })).rejects.toThrow(
            "failed with 404 Not Found: the body is not JSON (text/html)",
        );
    });

    test("follows nextLink through every page", async () => {
        let url = "";
        const page =
            (value: number[], next?: string): Handler =>
            (_req, res) => {
                res.writeHead(200, { "content-type": "application/json" });
                res.end(JSON.stringify(next ? { value, nextLink: `${url}${next}` } : { value }));
            };
        const client = await clientFor([page([1, 2], "/list?skip=2"), page([3, 4], "/list?skip=4"), page([5])]);
        url = server?.url ?? "";
        await expect(client.listAll({ path: "/list" })).resolves.toEqual([1, 2, 3, 4, 5]);
        expect(server?.seen.map((r) => r.url)).toEqual(["/list", "/list?skip=2", "/list?skip=4"]);
    });

    test("never follows a nextLink to another host with the token", async () => {
        const client = await clientFor([json(200, { value: [1], nextLink: "https://elsewhere.example/list" })]);
        await expect(client.listAll({ path: "/list" })).rejects.toThrow("a link points outside");
    });

    test("refuses to send a token over plain http to a remote host", async () => {
        const client = createApiClient({
            api: "arm",
            baseUrl: "http://management.example",
            getToken: async () => TOKEN,
            retry: fastRetry,
        });
        await expect(client.send({ method: "GET", path: "/x" })).rejects.toThrow(InsecureConnectionError);
    });

    test("error messages redact query values outside the allowlist", async () => {
        const client = await clientFor([armError(400, "BadRequest", "bad")]);
        const error = (await client
            .send({ method: "GET", path: "/x", query: { "api-version": "v1", sig: "s3cret" } })
            .catch((e: unknown) => e)) as Error;
        expect(error.message).toContain("api-version=v1");
        expect(error.message).toContain("sig=REDACTED");
        expect(error.message).not.toContain("s3cret");
    });

    describe("limits (issue 11)", () => {
        test("a body dripping one byte at a time is cut by the attempt's deadline: no '200 OK' failure, a NetworkError", async () => {
            const timers: NodeJS.Timeout[] = [];
            const drip: Handler = (_req, res) => {
                res.writeHead(200, { "content-type": "application/json" });
                res.write("{");
                timers.push(setInterval(() => res.write(" "), 20));
            };
            const client = await clientFor([drip], { timeoutMs: 300, retry: { ...fastRetry, maxRetries: 1 } });
            const error = (await client.send({ method: "GET", path: "/x" }).catch((e: unknown) => e)) as Error;
            timers.forEach(clearInterval);
            expect(error).toBeInstanceOf(NetworkError);
            expect(error.message).toMatch(
                /the 200 answer's body did not arrive in full within the attempt's deadline \(0\.3 s\) \(2 attempts; no more are made\)/,
            );
            expect(error.message).not.toMatch(/failed with 200/);
        });

        test("a success body larger than 16 MiB is refused, not read whole", async () => {
            const sent: { bytes: number; finished: boolean }[] = [];
            const client = await clientFor([bigBody(200, 40 * 1024 * 1024, sent)], { timeoutMs: 20_000 });
            await expect(client.send({ method: "GET", path: "/x" })).rejects.toThrow(
                /answered 200 with an unexpected body: the body is larger than 16 MiB/,
            );
            expect(sent).toHaveLength(1);
            expect(sent[0]?.finished).toBe(false);
        });

        test("a 50 MB error body is not downloaded on the attempts that are retried, and only 64 KiB of the last", async () => {
            const sent: { bytes: number; finished: boolean }[] = [];
            const client = await clientFor([bigBody(503, 50 * 1024 * 1024, sent)], {
                clock: fakeClock(),
                timeoutMs: 20_000,
            });
            const error = (await client.send({ method: "GET", path: "/x" }).catch((e: unknown) => e)) as AzureApiError;
            expect(error).toBeInstanceOf(AzureApiError);
            expect(error.message).toContain("the error body was larger than 64 KiB; the rest was not read");
            expect(sent).toHaveLength(1 + fastRetry.maxRetries);
            expect(sent.every((s) => !s.finished)).toBe(true);
            // What the server got out before the client hung up: socket buffers, not 50 MB a time.
            expect(sent.reduce((sum, s) => sum + s.bytes, 0)).toBeLessThan(4 * 50 * 1024 * 1024 * 0.1);
        });

        test("Retry-After: -1 or garbage falls back to the normal backoff (injected clock: nothing waits)", async () => {
            const clock = fakeClock();
            const client = await clientFor(
                [
                    json(503, {}, { "retry-after": "-1" }),
                    json(503, {}, { "retry-after": "soon" }),
                    json(200, { ok: true }),
                ],
                {
                    clock,
                    retry: { maxRetries: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxTotalMs: 120_000 },
                },
            );
            await expect(client.send({ method: "GET", path: "/x" })).resolves.toMatchObject({ body: { ok: true } });
            expect(clock.slept).toHaveLength(2);
            expect(clock.slept[0]).toBeGreaterThanOrEqual(250);
            expect(clock.slept[1]).toBeGreaterThanOrEqual(500);
        });

        test("an error body that echoes the Authorization header does not put the token in the message", async () => {
            const echo: Handler = (req, res) => {
                res.writeHead(400, { "content-type": "application/json", "x-ms-request-id": "r" });
                res.end(
                    JSON.stringify({
                        error: {
                            code: "BadRequest",
                            message: `bad header: authorization: ${req.headers["authorization"]}`,
                        },
                    }),
                );
            };
            const client = await clientFor([echo]);
            const error = (await client.send({ method: "GET", path: "/x" }).catch((e: unknown) => e)) as AzureApiError;
            expect(error.message).toContain("bad header: authorization: Bearer REDACTED");
            expect(error.message + JSON.stringify(error.details)).not.toContain("secret-token-value");
        });

        test("one limiter bounds the requests in flight of every client that shares it", async () => {
            let open = 0;
            let peak = 0;
            const slow: Handler = (_req, res) => {
                open += 1;
                peak = Math.max(peak, open);
                setTimeout(() => {
                    open -= 1;
                    json(200, { ok: true })(_req, res);
                }, 20);
            };
            server = await startScriptedServer([slow]);
            const limiter = createRequestLimiter(3);
            const make = (api: "arm" | "graph") =>
                createApiClient({ api, baseUrl: server?.url ?? "", getToken: async () => TOKEN, limiter });
            const [arm, graph] = [make("arm"), make("graph")];
            await Promise.all(
                Array.from({ length: 20 }, (_, i) => (i % 2 ? arm : graph).send({ method: "GET", path: `/x${i}` })),
            );
            expect(server.seen).toHaveLength(20);
            expect(peak).toBe(3);
            expect(limiter.peak).toBe(3);
        });
    });
});
