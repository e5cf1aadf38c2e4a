/**
 * Attacks of issue 11 replayed through the dynamic-provider host over gRPC, with "Azure" a scripted
 * server on 127.0.0.1 (tokens from the emulator): a body that drips or never ends is cut by the
 * attempt's deadline, a huge body is refused, a huge error body is not downloaded on every retry,
 * `Retry-After: -1` waits the normal backoff, an error body that echoes the token does not put it
 * in the message, a loopback endpoint never goes through a proxy (nor does @azure/identity's token
 * request to one), a plain-http token request is never sent through a proxy, an https token request
 * elsewhere still follows HTTPS_PROXY, a proxy's refusal to tunnel is named as the proxy's, a 1 MB
 * scope makes a short check failure, and the requests in flight of the host stay within
 * pim-alerts:maxConcurrentRequests.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { secret } from "pulumi-pim-alerts-testing";
import { json, startScriptedServer, type Handler, type ScriptedServer } from "../support/scriptedServer";
import {
    capturedArmProviders,
    CONFIGURATION,
    startArmSession,
    type ArmSession,
    type ArmSessionOptions,
} from "./support/armSession";
import { sessionFixture } from "./support/sessionFixture";

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const OWNERS = "TooManyOwnersAssignedToResource";
const CONFIG_ID = `${SUB}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/${OWNERS}`;
const OWNERS_BODY = {
    id: CONFIG_ID,
    name: OWNERS,
    properties: {
        alertConfigurationType: "TooManyOwnersAssignedToResourceAlertConfiguration",
        isEnabled: true,
        thresholdNumberOfOwners: 4,
    },
};

/**
 * The config of the file's shared provider host, which serves every test that differs from the others
 * only in what ARM answers: a 2 s attempt deadline (short enough to see a stall cut, long enough for
 * a loaded machine to read 16 MiB or answer 24 reads), 3 requests in flight, and no read cache (a read
 * is one GET, as the bound on requests in flight needs; a create never reads through it). The tests whose
 * host needs another environment or sign-in (real backoff, proxies, identity endpoints) start a host
 * of their own: a host's environment and config are fixed when it starts.
 */
const SHARED_CONFIG = {
    "pim-alerts:timeoutSeconds": "2",
    "pim-alerts:maxConcurrentRequests": "3",
    "pim-alerts:readCacheSeconds": "0",
};

/** A session as the test asks for it; the shared one (no options) has a scripted server as ARM. */
async function startSession(options?: ArmSessionOptions): Promise<ArmSession & { readonly arm?: ScriptedServer }> {
    if (options !== undefined) return startArmSession(options);
    const scriptedArm = await startScriptedServer([]);
    const session = await startArmSession({
        config: { "pim-alerts:armEndpoint": scriptedArm.url, ...SHARED_CONFIG },
    }).catch(async (error: unknown) => {
        await scriptedArm.close();
        throw error;
    });
    return {
        ...session,
        arm: scriptedArm,
        stop: async () => {
            await session.stop();
            await scriptedArm.close();
        },
    };
}

const { providers, start } = sessionFixture(capturedArmProviders, startSession);
/** The shared session's scripted ARM, once the running test has set its script. */
let arm: ScriptedServer | undefined;
const cleanups: Array<() => void | Promise<void>> = [];

afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    arm = undefined;
});

/** The shared session, its ARM answering from `script` (tokens from the session's emulator). */
async function scripted(script: Handler[]): Promise<ArmSession> {
    const s = await start();
    arm = s.arm;
    if (arm === undefined) throw new Error("the shared session has no scripted ARM");
    arm.setScript(script);
    return s;
}

/** A scripted server of the test's own, closed after the test. */
async function ownScriptedArm(script: Handler[]): Promise<ScriptedServer> {
    const server = await startScriptedServer(script);
    cleanups.push(() => server.close());
    return server;
}

/** check + create of the owners configuration as declared in Azure (so create is one GET). */
async function createOwners(s: ArmSession) {
    const checked = await s.host.check(
        CONFIGURATION,
        "owners",
        {},
        { __provider: providers.configuration, scope: SUB, alertId: OWNERS, thresholdNumberOfOwners: 4 },
    );
    return s.host.create(CONFIGURATION, "owners", checked.inputs);
}

async function messageOf(call: Promise<unknown>): Promise<string> {
    return call.then(
        () => {
            throw new Error("expected the call to fail");
        },
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
}

/** Writes `total` bytes of body in 64 KiB chunks as fast as the client reads; records what went out. */
function bigBody(status: number, total: number, sent: Array<{ bytes: number; finished: boolean }>): Handler {
    return (_req, res) => {
        const record = { bytes: 0, finished: false };
        sent.push(record);
        res.writeHead(status, { "content-type": "application/json", "retry-after": "0" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
            while (record.bytes < total && !res.destroyed) {
                record.bytes += chunk.length;
                if (!res.write(chunk)) return void res.once("drain", pump);
            }
            record.finished = record.bytes >= total;
            res.end();
        };
        pump();
    };
}

describe("bounded answers", () => {
    test.each<[string, Handler]>([
        [
            "a body dripping one byte every 100 ms",
            (_req, res) => {
                res.writeHead(200, { "content-type": "application/json" });
                res.write("{");
                const timer = setInterval(() => res.write(" "), 100);
                cleanups.push(() => clearInterval(timer));
                res.on("close", () => clearInterval(timer));
            },
        ],
        [
            "an endless chunked answer",
            (_req, res) => {
                res.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked" });
                const timer = setInterval(() => res.write('{"value": [] }'), 5);
                cleanups.push(() => clearInterval(timer));
                res.on("close", () => clearInterval(timer));
            },
        ],
    ])("%s holds a create no longer than timeoutSeconds, then the GET is retried", async (_what, stall) => {
        const s = await scripted([stall, json(200, OWNERS_BODY)]);
        const started = Date.now();
        const created = await createOwners(s);
        expect(created.properties).toMatchObject({ thresholdNumberOfOwners: 4 });
        expect(arm?.seen.map((r) => r.method)).toEqual(["GET", "GET"]);
        // Cut at the 2 s deadline (plus a sub-second backoff), not after whatever the server likes.
        expect(Date.now() - started).toBeLessThan(15_000);
    });

    test("a 40 MB answer is refused at 16 MiB, not read whole, and not retried", async () => {
        const sent: Array<{ bytes: number; finished: boolean }> = [];
        const s = await scripted([bigBody(200, 40 * 1024 * 1024, sent)]);
        expect(await messageOf(createOwners(s))).toMatch(
            /GET http:\/\/127\.0\.0\.1:\d+\/subscriptions\/.* answered 200 with an unexpected body: the body is larger than 16 MiB/,
        );
        expect(sent).toHaveLength(1);
        expect(sent[0]?.finished).toBe(false);
    });

    test("a 50 MB error body on every attempt is not downloaded on the retries, and the error says so", async () => {
        const sent: Array<{ bytes: number; finished: boolean }> = [];
        const s = await scripted([bigBody(503, 50 * 1024 * 1024, sent)]);
        const message = await messageOf(createOwners(s));
        expect(message).toMatch(
            /failed with 503 Service Unavailable: \(the error body was larger than 64 KiB; the rest was not read\)/,
        );
        expect(message).toContain("The service failed after 7 attempts");
        expect(sent).toHaveLength(7);
        expect(sent.filter((r) => r.finished)).toEqual([]);
        // Only socket buffers went out: nowhere near 7 x 50 MB.
        expect(sent.reduce((sum, r) => sum + r.bytes, 0)).toBeLessThan(50 * 1024 * 1024);
    });
});

describe("messages", () => {
    test("Retry-After: -1 waits the normal backoff instead of retrying at once", async () => {
        const at: number[] = [];
        const timed =
            (handler: Handler): Handler =>
            (req, res) => {
                at.push(Date.now());
                handler(req, res);
            };
        // Real waits: the backoff itself is under test, so a host of its own.
        const server = await ownScriptedArm([
            timed(json(503, {}, { "retry-after": "-1" })),
            timed(json(200, OWNERS_BODY)),
        ]);
        const s = await start({
            config: { "pim-alerts:armEndpoint": server.url },
            env: { PIM_ALERTS_RETRY_DELAY_SCALE: "1" },
        });
        expect((await createOwners(s)).properties).toMatchObject({ thresholdNumberOfOwners: 4 });
        expect(at).toHaveLength(2);
        // The first backoff is 250..500 ms; "-1" once meant seven retries in 0.2 s.
        expect(at[1] - at[0]).toBeGreaterThanOrEqual(240);
    });

    test("an error body that echoes the Authorization header does not put the token in the message", async () => {
        const echo: Handler = (req, res) => {
            res.writeHead(400, { "content-type": "application/json", "x-ms-request-id": "r-1" });
            res.end(
                JSON.stringify({
                    error: {
                        code: "BadRequest",
                        message: `header was ${req.headers["authorization"]}; token ${String(req.headers["authorization"]).slice(7)}`,
                    },
                }),
            );
        };
        const s = await scripted([echo]);
        const message = await messageOf(createOwners(s));
        const token = String(arm?.seen[0]?.headers["authorization"]).slice("Bearer ".length);
        expect(token.length).toBeGreaterThan(20);
        expect(message).toContain(
            "failed with 400 Bad Request: BadRequest: header was Bearer REDACTED; token REDACTED",
        );
        expect(message).not.toContain(token);
    });

    test("a check failure shows a short excerpt of a 1 MB scope, not the scope", async () => {
        const s = await scripted([json(200, OWNERS_BODY)]);
        const huge = `${SUB}/resourceGroups/${"r".repeat(1_000_000)}`;
        const checked = await s.host.check(
            CONFIGURATION,
            "owners",
            {},
            { __provider: providers.configuration, scope: huge, alertId: OWNERS },
        );
        const reasons = checked.failures.map((f) => f.reason).join("\n");
        expect(reasons).toContain("scope");
        expect(reasons.length).toBeLessThan(1_000);
        expect(arm?.seen).toEqual([]);
    });
});

/**
 * A forward proxy on 127.0.0.1 that records what reaches it. A plain-http request to 127.0.0.1 is
 * forwarded (so a token request sent through it would still succeed and only this record tells),
 * any other is answered 502; CONNECT is answered `connectStatus`.
 */
async function startProxy(connectStatus: number) {
    const seen: Array<{ method: string; target: string; authorization: boolean }> = [];
    const server = http.createServer((req, res) => {
        seen.push({
            method: req.method ?? "",
            target: req.url ?? "",
            authorization: req.headers["authorization"] !== undefined,
        });
        if (!(req.url ?? "").startsWith("http://127.0.0.1:")) return void res.writeHead(502).end();
        const upstream = http.request(req.url ?? "", { method: req.method, headers: req.headers }, (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
        });
        upstream.on("error", () => res.destroy());
        req.pipe(upstream);
    });
    server.on("connect", (req: http.IncomingMessage, socket) => {
        seen.push({
            method: "CONNECT",
            target: req.url ?? "",
            authorization: req.headers["authorization"] !== undefined,
        });
        socket.end(
            `HTTP/1.1 ${connectStatus} Forbidden by policy\r\ncontent-type: text/html\r\n\r\n<html>blocked</html>`,
        );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cleanups.push(
        () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    );
    return { url, seen };
}

/** Every proxy variable (both spellings) pointing at `url`. */
function proxyEnvironment(url: string): Record<string, string> {
    return { HTTP_PROXY: url, HTTPS_PROXY: url, ALL_PROXY: url, http_proxy: url, https_proxy: url, all_proxy: url };
}

const CLIENT_ID = "7c1e4b2a-9d3f-4e6a-8b5c-2f0a1d9e8c7b";
const CLIENT_SECRET = "e2e-proxy-client-secret";

/** What reached the emulator's token endpoints (managed identity or Entra), as `METHOD path status`. */
function tokenCalls(emulator: Emulator): string[] {
    return emulator.admin
        .requests()
        .filter((r) => r.api === "token")
        .map((r) => `${r.method} ${r.path} ${r.status}`);
}

describe("proxies", () => {
    test.each(["127.0.0.1", "localhost"])(
        "with every proxy variable set, the managed-identity and ARM endpoints on loopback (%s) are reached directly: the proxy sees no request",
        async (host) => {
            const proxy = await startProxy(403);
            const server = await ownScriptedArm([json(200, OWNERS_BODY)]);
            const emulator = await startEmulator({ retryAfterSeconds: 0 });
            const identityEndpoint = emulator.admin.tokenEnvironment()["IDENTITY_ENDPOINT"] ?? "";
            const s = await start({
                emulator,
                config: { "pim-alerts:armEndpoint": server.url.replace("127.0.0.1", host) },
                env: { ...proxyEnvironment(proxy.url), IDENTITY_ENDPOINT: identityEndpoint.replace("127.0.0.1", host) },
            });
            expect((await createOwners(s)).properties).toMatchObject({ thresholdNumberOfOwners: 4 });
            expect(server.seen.map((r) => r.method)).toEqual(["GET"]);
            // @azure/identity's request to the managed-identity endpoint (its answer is the token) went direct.
            expect(tokenCalls(emulator)).toEqual(["GET /_emulator/msi/token 200"]);
            expect(proxy.seen).toEqual([]);
        },
    );

    test("a client secret against an https Entra authority on loopback signs in directly, not through HTTPS_PROXY", async () => {
        const proxy = await startProxy(403);
        const server = await ownScriptedArm([json(200, OWNERS_BODY)]);
        const emulator = await startEmulator({ https: true, retryAfterSeconds: 0 });
        emulator.admin.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
        const s = await start({
            emulator,
            config: {
                "pim-alerts:armEndpoint": server.url,
                "pim-alerts:authorityHost": emulator.url,
                "pim-alerts:tenantId": emulator.tenantId,
                "pim-alerts:clientId": CLIENT_ID,
                "pim-alerts:clientSecret": secret(CLIENT_SECRET),
            },
            env: proxyEnvironment(proxy.url),
        });
        expect((await createOwners(s)).properties).toMatchObject({ thresholdNumberOfOwners: 4 });
        expect(tokenCalls(emulator)).toEqual([
            `GET /${emulator.tenantId}/v2.0/.well-known/openid-configuration 200`,
            `POST /${emulator.tenantId}/oauth2/v2.0/token 200`,
        ]);
        expect(proxy.seen).toEqual([]);
    });

    test("a token request to an https authority that is not loopback still follows HTTPS_PROXY, through a CONNECT tunnel", async () => {
        const proxy = await startProxy(403);
        const emulator = await startEmulator({ retryAfterSeconds: 0 });
        const s = await start({
            emulator,
            config: {
                "pim-alerts:authorityHost": "https://login.pim-alerts.test",
                "pim-alerts:tenantId": emulator.tenantId,
                "pim-alerts:clientId": CLIENT_ID,
                "pim-alerts:clientSecret": secret(CLIENT_SECRET),
            },
            env: { HTTPS_PROXY: proxy.url, https_proxy: proxy.url },
        });
        const message = await messageOf(createOwners(s));
        expect(message).toContain("getting an access token for https://management.azure.com/.default");
        // The proxy was asked for a tunnel to the authority (and refused it): it saw the host, no token.
        expect(proxy.seen.length).toBeGreaterThan(0);
        expect(new Set(proxy.seen.map((r) => JSON.stringify(r)))).toEqual(
            new Set([JSON.stringify({ method: "CONNECT", target: "login.pim-alerts.test:443", authorization: false })]),
        );
        expect(tokenCalls(emulator)).toEqual([]);
    });

    test("a plain-http managed-identity endpoint that is not loopback is refused rather than sent through HTTP_PROXY", async () => {
        const proxy = await startProxy(403);
        const emulator = await startEmulator({ retryAfterSeconds: 0 });
        const s = await start({
            emulator,
            // 192.0.2.0/24 is reserved for documentation: nothing answers there.
            env: { ...proxyEnvironment(proxy.url), IDENTITY_ENDPOINT: "http://192.0.2.10:8081/msi/token" },
        });
        const message = await messageOf(createOwners(s));
        expect(message).toContain(
            "getting an access token for https://management.azure.com/.default: refusing to send a token request to http://192.0.2.10:8081 " +
                "through a proxy over plain http: the proxy would read the token. Use https, or add 192.0.2.10 to NO_PROXY to reach it directly",
        );
        expect(proxy.seen).toEqual([]);
    });

    test("a proxy that refuses to tunnel to Azure is named as the proxy, not as a missing Azure permission", async () => {
        const proxy = await startProxy(403);
        const emulator = await startEmulator({ retryAfterSeconds: 0 });
        const s = await start({
            emulator,
            config: { "pim-alerts:armEndpoint": "https://management.azure.com" },
            // No NO_PROXY: the emulator's token endpoint (loopback) stays direct anyway; ARM goes through the proxy.
            env: proxyEnvironment(proxy.url),
        });
        const message = await messageOf(createOwners(s));
        expect(message).toMatch(
            /GET https:\/\/management\.azure\.com\/subscriptions\/.* failed without a complete HTTP response: the proxy http:\/\/127\.0\.0\.1:\d+\/ refused to connect to management\.azure\.com:443: 403 Forbidden by policy; check HTTPS_PROXY and NO_PROXY/,
        );
        expect(message).not.toMatch(/permission|roleAssignments/);
        // The proxy saw where to, never the token; the token request did not reach it at all.
        expect(proxy.seen).toEqual([{ method: "CONNECT", target: "management.azure.com:443", authorization: false }]);
        expect(tokenCalls(emulator)).toEqual(["GET /_emulator/msi/token 200"]);
    });
});

test("the host keeps its requests in flight within pim-alerts:maxConcurrentRequests, however many reads the engine sends at once", async () => {
    let open = 0;
    let peak = 0;
    const slow: Handler = (req, res) => {
        open += 1;
        peak = Math.max(peak, open);
        const alertId = req.url.split("?")[0]?.split("/").pop() ?? "";
        const scope = req.url.split("/providers/")[0] ?? "";
        setTimeout(() => {
            open -= 1;
            json(200, {
                ...OWNERS_BODY,
                id: `${scope}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/${alertId}`,
                name: alertId,
            })(req, res);
        }, 30);
    };
    // The shared host's config: 3 requests in flight, no read cache (each read one GET).
    const s = await scripted([slow]);
    const scopes = Array.from(
        { length: 24 },
        (_, i) => `/subscriptions/${String(i).padStart(8, "0")}-0000-4000-8000-000000000000`,
    );
    const reads = await Promise.all(
        scopes.map((scope) =>
            s.host.read(
                CONFIGURATION,
                `c-${scope}`,
                `${scope}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/${OWNERS}`,
                {
                    __provider: providers.configuration,
                },
            ),
        ),
    );
    expect(reads.every((r) => r.id !== "")).toBe(true);
    expect(arm?.seen).toHaveLength(24);
    expect(peak).toBe(3);
});
