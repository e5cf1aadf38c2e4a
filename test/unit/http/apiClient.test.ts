import { createApiClient, type ApiClient } from "../../../src/http/apiClient";
import { AzureApiError, NetworkError, UnexpectedResponseError } from "../../../src/errors";
import { InsecureConnectionError } from "../../../src/errors";
import { json, raw, startScriptedServer, type Handler, type ScriptedServer } from "../../support/scriptedServer";

const TOKEN = "eyJ0eXAi.secret-token-value.sig";
const fastRetry = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5, maxTotalMs: 5_000 };
let server: ScriptedServer | undefined;

afterEach(async () => {
    await server?.close();
    server = undefined;
});

async function clientFor(script: Handler[], options: { timeoutMs?: number; api?: "arm" | "graph" } = {}): Promise<ApiClient> {
    server = await startScriptedServer(script);
    return createApiClient({
        api: options.api ?? "arm",
        baseUrl: server.url,
        getToken: async () => TOKEN,
        retry: fastRetry,
        timeoutMs: options.timeoutMs ?? 2_000,
    });
}

const armError = (status: number, code: string, message: string): Handler => json(status, { error: { code, message } }, { "x-ms-request-id": "req-123" });

describe("ApiClient", () => {
    test("sends the bearer token and JSON body, and returns an empty body for 204", async () => {
        const client = await clientFor([json(204, undefined)]);
        const response = await client.send({ method: "PATCH", path: "/subscriptions/x/thing", query: { "api-version": "v1" }, body: { properties: { a: 1 } } });
        expect(response).toMatchObject({ status: 204, body: undefined });
        expect(server?.seen[0]).toMatchObject({ method: "PATCH", url: "/subscriptions/x/thing?api-version=v1", body: '{"properties":{"a":1}}' });
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
                "The service failed after all retries; run again (every write of this provider is safe to repeat)",
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
            [json(403, { error: { code: "Authorization_RequestDenied", message: "Insufficient privileges", innerError: { "request-id": "g-1" } } })],
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
        expect(error.message).toContain("timed out");
        expect(JSON.stringify(error) + error.message + String(error.stack)).not.toContain(TOKEN);
        expect(server?.seen).toHaveLength(1 + fastRetry.maxRetries);
    });

    test("an HTML page from a proxy with 200 is a clear error, not a crash", async () => {
        const client = await clientFor([raw(200, "<html><body><h1>Gateway says hi</h1></body></html>", "text/html")]);
        await expect(client.send({ method: "GET", path: "/x" })).rejects.toThrow(
            new UnexpectedResponseError("GET", `${server?.url}/x`, 200, 'the body is not JSON (text/html): "Gateway says hi"'),
        );
    });

    test("an HTML error page keeps the status and says the body was not JSON", async () => {
        const client = await clientFor([raw(404, "<html>Not here</html>", "text/html")]);
        await expect(client.send({ method: "GET", path: "/x" })).rejects.toThrow("failed with 404 Not Found: the body is not JSON (text/html)");
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
        const client = createApiClient({ api: "arm", baseUrl: "http://management.example", getToken: async () => TOKEN, retry: fastRetry });
        await expect(client.send({ method: "GET", path: "/x" })).rejects.toThrow(InsecureConnectionError);
    });

    test("error messages redact query values outside the allowlist", async () => {
        const client = await clientFor([armError(400, "BadRequest", "bad")]);
        const error = (await client.send({ method: "GET", path: "/x", query: { "api-version": "v1", sig: "s3cret" } }).catch((e: unknown) => e)) as Error;
        expect(error.message).toContain("api-version=v1");
        expect(error.message).toContain("sig=REDACTED");
        expect(error.message).not.toContain("s3cret");
    });
});
