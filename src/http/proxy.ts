/**
 * Which proxy a request goes through, decided here rather than by axios:
 * - a loopback endpoint (the emulator, a local forwarder) is always reached directly, whatever
 *   HTTP_PROXY, HTTPS_PROXY or NO_PROXY say: its plain-http traffic, token included, must never
 *   reach a proxy;
 * - an https endpoint honours HTTPS_PROXY / ALL_PROXY and NO_PROXY (read by proxy-from-env, the
 *   library axios itself uses), through a CONNECT tunnel: the proxy sees the host and port, never
 *   the token, the URL or a body;
 * - plain http to any other host never gets this far (insecureConnection.ts refuses it).
 *
 * A proxy that refuses the tunnel (407, 403, 502, ...) fails the request with a
 * {@link ProxyRefusedError}; https-proxy-agent alone would replay the proxy's answer as if Azure had
 * given it, and a proxy's "403" would read as a missing Azure permission.
 */
import type * as http from "node:http";
import type { Agent } from "node:https";
import { HttpsProxyAgent } from "https-proxy-agent";
import { getProxyForUrl } from "proxy-from-env";
import { isLoopbackHost } from "./insecureConnection";
import { redactUrl } from "./redaction";

/** The proxy refused to open a tunnel to the endpoint. */
export class ProxyRefusedError extends Error {
    override name = "ProxyRefusedError";
    readonly code = "EPROXYREFUSED";
    constructor(
        readonly proxy: string,
        readonly target: string,
        readonly status: number,
        readonly statusText: string,
    ) {
        super(`the proxy ${proxy} refused to connect to ${target}: ${status} ${statusText}`.trim());
    }
}

/** The proxy URL for `url` (from the environment of this process), or undefined to connect directly. */
export function proxyFor(url: string): string | undefined {
    const parsed = new URL(url);
    if (isLoopbackHost(parsed.hostname) || parsed.protocol !== "https:") return undefined;
    const proxy = getProxyForUrl(url);
    return proxy === "" ? undefined : proxy;
}

class TunnelAgent extends HttpsProxyAgent<string> {
    override async connect(req: http.ClientRequest, opts: Parameters<HttpsProxyAgent<string>["connect"]>[1]) {
        let refused: { statusCode: number; statusText: string } | undefined;
        req.once("proxyConnect", (connect: { statusCode: number; statusText: string }) => {
            if (connect.statusCode !== 200) refused = connect;
        });
        const socket = await super.connect(req, opts);
        if (refused) {
            socket.destroy();
            throw new ProxyRefusedError(
                redactUrl(this.proxy.href),
                `${opts.host ?? "?"}:${opts.port}`,
                refused.statusCode,
                refused.statusText,
            );
        }
        return socket;
    }
}

/** The https agents of one client, one per proxy URL. */
export function createProxyAgents(): (proxyUrl: string) => Agent {
    const agents = new Map<string, Agent>();
    return (proxyUrl) => {
        let agent = agents.get(proxyUrl);
        if (!agent) {
            agent = new TunnelAgent(proxyUrl, { keepAlive: true });
            agents.set(proxyUrl, agent);
        }
        return agent;
    };
}
