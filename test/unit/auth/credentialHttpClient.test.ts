/**
 * The credential's HTTP client behind core-rest-pipeline's own pipeline (its proxyPolicy given a
 * proxy explicitly, as HTTP_PROXY would), with a recording proxy and a token endpoint on 127.0.0.1.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { createPipelineFromOptions, createPipelineRequest } from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/identity";
import { isLinkLocalHost, routedCredential } from "../../../src/auth/credentialHttpClient";
import { InsecureConnectionError } from "../../../src/errors";

const servers: http.Server[] = [];

afterEach(async () => {
    for (const server of servers.splice(0)) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
    }
});

async function listen(server: http.Server): Promise<number> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return (server.address() as AddressInfo).port;
}

/** A proxy that records every request and CONNECT and answers each with 502 / 403. */
async function recordingProxy() {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        res.writeHead(502).end();
    });
    server.on("connect", (req: http.IncomingMessage, socket) => {
        seen.push(`CONNECT ${req.url}`);
        socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
    });
    return { seen, port: await listen(server) };
}

/** A token endpoint that answers 200 with a token. */
async function tokenEndpoint() {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        res.writeHead(200, { "content-type": "application/json" }).end('{"access_token":"t"}');
    });
    return { seen, port: await listen(server) };
}

/**
 * A routed credential whose getToken sends `url` through a core-rest-pipeline pipeline told to use
 * the proxy at `proxyPort`; `onError` maps a failure of the pipeline (as MSAL would).
 */
function setup(
    proxyPort: number,
    url: () => string,
    onError: (error: unknown) => never = (error) => {
        throw error;
    },
): TokenCredential {
    const pipeline = createPipelineFromOptions({
        proxyOptions: { host: "http://127.0.0.1", port: proxyPort },
        retryOptions: { maxRetries: 0 },
    });
    return routedCredential((httpClient) => ({
        async getToken() {
            const response = await pipeline
                .sendRequest(httpClient, createPipelineRequest({ url: url(), allowInsecureConnection: true }))
                .catch(onError);
            // A proxy's refusal to tunnel comes back as its answer (https-proxy-agent replays it).
            if (response.status !== 200) onError(new Error(`status ${response.status}`));
            return { token: response.bodyAsText ?? "", expiresOnTimestamp: Date.now() + 3_600_000 };
        },
    }));
}

/** As MSAL does: any error of its network client becomes a bare "network_error". */
function likeMsal(): never {
    throw new Error("network_error: See https://aka.ms/msal.js.errors#network_error for details");
}

describe("the credential's HTTP client", () => {
    test.each(["127.0.0.1", "localhost"])(
        "reaches a token endpoint on %s directly, though the pipeline chose a proxy",
        async (host) => {
            const proxy = await recordingProxy();
            const endpoint = await tokenEndpoint();
            const credential = setup(proxy.port, () => `http://${host}:${endpoint.port}/msi/token?resource=x`);
            expect((await credential.getToken("x"))?.token).toBe('{"access_token":"t"}');
            expect(endpoint.seen).toEqual(["GET /msi/token?resource=x"]);
            expect(proxy.seen).toEqual([]);
        },
    );

    test("leaves an https request to another host on the proxy's CONNECT tunnel", async () => {
        const proxy = await recordingProxy();
        const credential = setup(proxy.port, () => "https://login.pim-alerts.test/tenant/oauth2/v2.0/token");
        await expect(credential.getToken("x")).rejects.toThrow();
        expect(proxy.seen).toEqual(["CONNECT login.pim-alerts.test:443"]);
    });

    test("refuses a plain-http request to another host that would go through the proxy, and the credential fails with that refusal", async () => {
        const proxy = await recordingProxy();
        const credential = setup(proxy.port, () => "http://192.0.2.10:8081/msi/token", likeMsal);
        const error = await credential.getToken("x").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InsecureConnectionError);
        expect((error as Error).message).toBe(
            "refusing to send a token request to http://192.0.2.10:8081 through a proxy over plain http: the proxy would read the token. " +
                "Use https, or add 192.0.2.10 to NO_PROXY to reach it directly",
        );
        expect(proxy.seen).toEqual([]);
    });

    test("a later failure that is not a refusal keeps its own error", async () => {
        const proxy = await recordingProxy();
        let url = "http://192.0.2.10:8081/msi/token";
        const credential = setup(proxy.port, () => url, likeMsal);
        await expect(credential.getToken("x")).rejects.toBeInstanceOf(InsecureConnectionError);
        url = "https://login.pim-alerts.test/token";
        await expect(credential.getToken("x")).rejects.toThrow(/^network_error: See/);
        expect(proxy.seen).toEqual(["CONNECT login.pim-alerts.test:443"]);
    });

    test.each([
        ["169.254.169.254", true],
        ["169.254.0.1", true],
        ["[fe80::1]", true],
        ["fe80::abcd", true],
        ["febf::1", true],
        ["fec0::1", false],
        ["169.255.169.254", false],
        ["10.0.0.4", false],
        ["127.0.0.1", false],
        ["login.microsoftonline.com", false],
        ["169.254.169.254.example.com", false],
    ])("%s is link-local: %s", (host, expected) => {
        expect(isLinkLocalHost(host)).toBe(expected);
    });
});
