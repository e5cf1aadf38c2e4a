/**
 * The HTTP client of the credential (its `httpClient` option): core-rest-pipeline's default client,
 * with the proxy rule the package's own transport has (see http/proxy.ts).
 *
 * @azure/identity sends every request through `HTTPS_PROXY`, else `ALL_PROXY`, else `HTTP_PROXY`,
 * unless `NO_PROXY` names the host (core-rest-pipeline's proxyPolicy). A managed-identity endpoint
 * on loopback (App Service, Container Apps, Azure Arc, Cloud Shell, the emulator) is plain http, so
 * the proxy read the request and the token in its answer in clear. This client sits at the end of
 * the pipeline, after retries and redirects, so it judges the URL actually requested:
 * - a loopback host is reached directly, and so is a link-local one (IMDS, 169.254.169.254, which
 *   Azure does not support behind a proxy): the proxy's agent is dropped;
 * - any other plain-http request that a proxy would carry is refused before a byte is sent;
 * - an https request to any other host keeps the Azure SDK's choice (a CONNECT tunnel through the
 *   proxy, or direct per `NO_PROXY`): the proxy sees the host, never the token.
 *
 * Why here: the credential options have no per-host bypass (`proxyOptions` is one proxy for every
 * request, ManagedIdentityCredential replaces `additionalPolicies` with its own retry policy, and
 * core-rest-pipeline reads `NO_PROXY` from the process environment once), while `httpClient` reaches
 * every request of every credential @azure/identity 4.13 and 4.14 build (MSAL's network client, the
 * IMDS probe), once DefaultAzureCredential passes its options on (see tokenSource.ts).
 */
import type * as CoreRestPipeline from "@azure/core-rest-pipeline";
import type { HttpClient, PipelineRequest } from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/identity";
import { InsecureConnectionError } from "../errors";
import { isLoopbackHost } from "../http/insecureConnection";

/** True for 169.254.0.0/16 and fe80::/10: addresses of this machine's own link, never behind a proxy. */
export function isLinkLocalHost(hostname: string): boolean {
    const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
    return /^169\.254(\.\d{1,3}){2}$/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
}

/**
 * Drops the proxy from a request to a loopback or link-local host; refuses a plain-http request
 * that would go through a proxy. `request.agent` is set only by core-rest-pipeline's proxyPolicy:
 * the credential is given no agent of its own.
 */
export function routeTokenRequest(request: PipelineRequest): void {
    if (request.agent === undefined) return;
    const url = new URL(request.url);
    if (isLoopbackHost(url.hostname) || isLinkLocalHost(url.hostname)) {
        delete request.agent;
        return;
    }
    if (url.protocol !== "https:") {
        throw new InsecureConnectionError(
            `refusing to send a token request to ${url.protocol}//${url.host} through a proxy over plain http: ` +
                `the proxy would read the token. Use https, or add ${url.hostname} to NO_PROXY to reach it directly`,
        );
    }
}

/**
 * Builds a credential whose requests go through this module's HTTP client. A refused request
 * surfaces as the {@link InsecureConnectionError} that says why: MSAL replaces any error of its
 * network client with a bare "network_error" (or, for Entra's metadata, with
 * "endpoints_resolution_error").
 * @param build - Builds the credential with `httpClient` in its options.
 */
export function routedCredential(build: (httpClient: HttpClient) => TokenCredential): TokenCredential {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const core = require("@azure/core-rest-pipeline") as typeof CoreRestPipeline;
    const inner = core.createDefaultHttpClient();
    let refusals = 0;
    let lastRefusal: InsecureConnectionError | undefined;
    const credential = build({
        async sendRequest(request) {
            try {
                routeTokenRequest(request);
            } catch (error) {
                if (error instanceof InsecureConnectionError) {
                    refusals += 1;
                    lastRefusal = error;
                }
                throw error;
            }
            return inner.sendRequest(request);
        },
    });
    return {
        async getToken(scopes, options) {
            const before = refusals;
            try {
                return await credential.getToken(scopes, options);
            } catch (error) {
                throw refusals > before ? lastRefusal : error;
            }
        },
    };
}
