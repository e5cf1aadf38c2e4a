/**
 * A real HTTP server on 127.0.0.1 and an ephemeral port that answers from a script, one handler per
 * request in order (the last one repeats). For testing the HTTP client alone, ky-style, and as the
 * "Azure" of a provider host that several tests share (each test sets its own script).
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** What the server saw of one request. */
export interface SeenRequest {
    readonly method: string;
    readonly url: string;
    readonly headers: http.IncomingHttpHeaders;
    readonly body: string;
}

/** One scripted answer. */
export type Handler = (req: SeenRequest, res: http.ServerResponse) => void;

export interface ScriptedServer {
    readonly url: string;
    readonly seen: SeenRequest[];
    /** Answers from `script` from now on, starting at its first handler; forgets the requests seen. */
    setScript(script: Handler[]): void;
    close(): Promise<void>;
}

export async function startScriptedServer(initialScript: Handler[]): Promise<ScriptedServer> {
    const seen: SeenRequest[] = [];
    let script = initialScript;
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const request = {
                method: req.method ?? "",
                url: req.url ?? "",
                headers: req.headers,
                body: Buffer.concat(chunks).toString(),
            };
            seen.push(request);
            const handler = script[Math.min(seen.length - 1, script.length - 1)];
            if (handler) handler(request, res);
            else res.end();
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        seen,
        setScript: (next) => {
            script = next;
            seen.length = 0;
        },
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

/** Answers JSON with a status and headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
    return (_req, res) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(body === undefined ? "" : JSON.stringify(body));
    };
}

/** Answers a raw body. */
export function raw(status: number, body: string, contentType: string): Handler {
    return (_req, res) => {
        res.writeHead(status, { "content-type": contentType });
        res.end(body);
    };
}
