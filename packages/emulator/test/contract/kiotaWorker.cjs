// Runs Microsoft's Graph beta SDK (Kiota) for graph.test.ts in a worker thread. The Kiota packages are
// ES modules only, which jest's module registry cannot load on Node 20; a worker loads them with Node's
// own require (require(esm)). The test sends requests in the shape the generated request builders make
// them (the identityGovernance builders are not published on npm) and gets the parsed models back as JSON.
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const kiota = require("@microsoft/kiota-abstractions");
const { HeadersInspectionOptions } = require("@microsoft/kiota-http-fetchlibrary");
const core = require("@microsoft/msgraph-sdk-core");
const { GraphBetaRequestAdapter } = require("@microsoft/msgraph-beta-sdk");
const models = require("@microsoft/msgraph-beta-sdk/models");
const { createODataErrorFromDiscriminatorValue } = require("@microsoft/msgraph-beta-sdk/models/oDataErrors");
const { Agent, fetch } = require("undici");

const { baseUrl, ca, token } = workerData;
// The emulator's self-signed certificate, given to fetch (NODE_EXTRA_CA_CERTS is read only at process start).
const agent = new Agent({ connect: { ca } });
const auth = new kiota.BaseBearerTokenAuthenticationProvider({
    getAuthorizationToken: () => Promise.resolve(token),
    getAllowedHostsValidator: () => new kiota.AllowedHostsValidator(new Set([new URL(baseUrl).hostname])),
});
const httpClient = core.createGraphClientFactory(
    { graphServiceTargetVersion: "beta", graphServiceLibraryClientVersion: "contract" },
    (url, init) => fetch(url, { ...init, dispatcher: agent }),
);
const adapter = new GraphBetaRequestAdapter(auth, undefined, undefined, httpClient);
adapter.baseUrl = `${baseUrl}/beta`;
const errorMappings = { XXX: createODataErrorFromDiscriminatorValue };

function request({ method, template, path = {}, query = {}, accept = "application/json" }) {
    const info = new kiota.RequestInformation(method, `{+baseurl}/identityGovernance/roleManagementAlerts${template}`);
    info.pathParameters["baseurl"] = adapter.baseUrl;
    Object.assign(info.pathParameters, path);
    Object.assign(info.queryParameters, query);
    info.headers.tryAdd("Accept", accept);
    return info;
}

/** Models as plain JSON: Kiota's Duration as its ISO text, the rest as is. */
function plain(value) {
    return JSON.parse(JSON.stringify(value ?? null, (_key, v) => (v instanceof kiota.Duration ? v.toString() : v)));
}

const OPERATIONS = {
    send: (call) => adapter.send(request(call), models[call.factory], errorMappings),
    count: (call) => adapter.sendPrimitive(request({ ...call, accept: "text/plain;q=0.9" }), "number", errorMappings),
    iterate: async (call) => {
        const first = await adapter.send(request(call), models[call.factory], errorMappings);
        const items = [];
        await new core.PageIterator(
            adapter,
            first,
            (item) => (items.push(item), true),
            models[call.factory],
            errorMappings,
        ).iterate();
        return items;
    },
    write: async (call) => {
        const info = request(call);
        if (call.body !== undefined) {
            const body = { ...call.body };
            for (const name of call.durations ?? []) body[name] = kiota.Duration.parse(body[name]);
            info.setContentFromParsable(adapter, "application/json", body, models[call.serializer]);
        }
        const inspection = new HeadersInspectionOptions({ inspectResponseHeaders: true });
        info.addRequestOptions([inspection]);
        await adapter.sendNoResponseContent(info, errorMappings);
        const location = inspection.getResponseHeaders().get("location");
        return { location: location === undefined ? null : [...location][0] };
    },
};

parentPort.on("message", async ({ id, call }) => {
    try {
        parentPort.postMessage({ id, result: plain(await OPERATIONS[call.op](call)) });
    } catch (error) {
        parentPort.postMessage({
            id,
            error: {
                status: error.responseStatusCode,
                code: error.errorEscaped?.code ?? error.code,
                message: error.message,
            },
        });
    }
});
