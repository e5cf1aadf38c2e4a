/**
 * The script `captureResources` runs in a child `node` process (as `node -e <source>`, so it runs
 * the same from the TypeScript sources under a test runner and from the compiled package, and is
 * never instrumented by a coverage tool).
 *
 * It is plain JavaScript on purpose: it executes in the program's realm, resolves @pulumi/pulumi
 * from the program directory (its working directory), and must not depend on this package.
 *
 * Protocol: the request arrives as JSON in the environment variable {@link CAPTURE_REQUEST_ENV};
 * the result is ONE stdout line `<marker><json>`, where the JSON is a {@link CaptureChildResult}.
 * Everything else on stdout/stderr is the program's own output.
 *
 * @packageDocumentation
 */
import { PARENT_WATCHDOG_SOURCE } from "../childProcess";

/** Environment variable that carries the {@link CaptureChildRequest} JSON. */
export const CAPTURE_REQUEST_ENV = "PULUMI_TESTING_CAPTURE_REQUEST";

/** What the parent asks the child to do. */
export interface CaptureChildRequest {
    /** Absolute path of the program file to require. */
    readonly programFile: string;
    /** Project name passed to `setMocks`. */
    readonly project: string;
    /** Stack name passed to `setMocks`. */
    readonly stack: string;
    /** Prefix of the result line. */
    readonly marker: string;
}

/** One resource as the child recorded it. */
export interface CaptureChildResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly inputs: unknown;
}

/** The result line's JSON. */
export type CaptureChildResult =
    | { readonly ok: true; readonly resources: readonly CaptureChildResource[] }
    | { readonly ok: false; readonly errors: readonly string[]; readonly resources: readonly CaptureChildResource[] };

/**
 * Source of the child script. Steps: install the parent watchdog; load the program's
 * @pulumi/pulumi; `setMocks` with mocks that record `newResource` args and return
 * `{ id: "", state: inputs }`; wrap the mock monitor's `registerResource` to learn each resource's
 * URN; require the program (awaiting an exported function or promise like the Pulumi language
 * host does); wait for outstanding resource registrations; print the result line and exit.
 */
export const CAPTURE_CHILD_SOURCE = `"use strict";
${PARENT_WATCHDOG_SOURCE}
(async () => {
    const request = JSON.parse(process.env[${JSON.stringify(CAPTURE_REQUEST_ENV)}]);
    const errors = [];
    const resources = [];
    const report = (result, code) => {
        let line;
        try {
            line = request.marker + JSON.stringify(result) + "\\n";
        } catch (e) {
            line = request.marker + JSON.stringify({ ok: false, errors: ["captured inputs are not JSON: " + (e && e.message)], resources: [] }) + "\\n";
            code = 1;
        }
        process.stdout.write(line, () => process.exit(code));
    };
    const onError = (e) => { errors.push((e && e.stack) || String(e)); };
    process.on("uncaughtException", onError);
    process.on("unhandledRejection", onError);
    try {
        const pulumi = require(require.resolve("@pulumi/pulumi", { paths: [process.cwd()] }));
        let registering;
        await pulumi.runtime.setMocks({
            newResource(args) {
                const record = { type: args.type, name: args.name, urn: "", inputs: args.inputs };
                resources.push(record);
                if (registering) registering.record = record;
                return { id: "", state: args.inputs };
            },
            call(args) { return args.inputs; },
        }, request.project, request.stack, false);
        const monitor = pulumi.runtime.getMonitor();
        if (monitor && typeof monitor.registerResource === "function") {
            const original = monitor.registerResource;
            // MockMonitor.registerResource calls mocks.newResource synchronously, so the slot
            // links this request to its record; the response carries the URN the SDK computed.
            monitor.registerResource = function (req, callback) {
                const slot = {};
                registering = slot;
                try {
                    return original.call(this, req, (err, resp) => {
                        if (!err && slot.record && resp && typeof resp.getUrn === "function") slot.record.urn = resp.getUrn();
                        callback(err, resp);
                    });
                } finally {
                    registering = undefined;
                }
            };
        }
        const exported = require(request.programFile);
        if (typeof exported === "function") await exported();
        else if (exported && typeof exported.then === "function") await exported;
        if (typeof pulumi.runtime.waitForRPCs === "function") await pulumi.runtime.waitForRPCs();
        else await pulumi.runtime.disconnect();
        for (const r of resources) {
            if (r.urn === "") r.urn = "urn:pulumi:" + [request.stack, request.project, r.type, r.name].join("::");
        }
    } catch (e) {
        onError(e);
    }
    report(errors.length === 0 ? { ok: true, resources } : { ok: false, errors, resources }, errors.length === 0 ? 0 : 1);
})();
`;
