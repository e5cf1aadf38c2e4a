/**
 * The runner's child process: plays the Pulumi engine for one command. It starts @pulumi/pulumi's
 * dynamic-provider host, runs the program under `setMocks` so that every dynamic resource goes
 * through Check/Diff/Create/Update over gRPC, deletes what the program no longer declares, prints
 * a Pulumi-style display and writes the result and the new state.
 *
 * Run as `node child.js <request.json>` with the program directory as working directory, so the
 * closure serializer sees the package under node_modules exactly as in a user's `pulumi up`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startProviderHost, type ProviderHost } from "../host/providerHost";
import { renderHeader, renderStep, renderSummary, painter, type RunKind } from "./display";
import { Engine } from "./engine";
import { DEFAULT_SUBSCRIPTION_ID, foreignCall, foreignResource } from "./foreignResources";
import type { RunRequest } from "./runRequest";
import { loadStackState, saveStackState } from "./stackState";
import { hasChanges, summarize, type Step } from "./steps";
import { installTypeScriptHook } from "./typescriptHook";

type PulumiModule = typeof import("@pulumi/pulumi");

async function main(request: RunRequest): Promise<number> {
    const paint = painter(request.color);
    const kind: RunKind = request.command;
    const errors: string[] = [];
    const print = (line: string) => process.stdout.write(`${line}\n`);
    print(renderHeader(kind, request.stack, paint));
    print("");

    // A step that fails after it was printed is recorded again with its error: print only the error then.
    const printed = new Set<string>();
    const printStep = (step: Step) => {
        const key = `${step.op}:${step.urn}`;
        const lines = renderStep(step, paint);
        (printed.has(key) ? lines.filter((line) => line.includes("error: ")) : lines).forEach(print);
        printed.add(key);
    };

    let host: ProviderHost | undefined;
    let engine: Engine | undefined;
    try {
        host = await startProviderHost({
            cwd: request.programDir,
            env: { ...request.hostEnv },
            project: request.project,
            stack: request.stack,
            config: request.config,
        });
        engine = new Engine({
            host,
            state: loadStackState(request.stateFile),
            preview: request.command === "preview",
            onStep: (s) => printStep(s),
        });
        if (request.refresh || request.command === "refresh") await engine.refreshAll();
        if (request.command === "up" || request.command === "preview") {
            const programErrors = await runProgram(request, engine);
            errors.push(...programErrors);
            engine.failedProgram = programErrors.length > 0;
        }
        if (request.command !== "refresh") await engine.deleteUnregistered();
    } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
    } finally {
        if (engine && request.command !== "preview") saveStackState(request.stateFile, engine.state());
        await host?.stop();
    }

    const steps = engine?.steps ?? [];
    renderSummary(kind, steps, paint).forEach(print);
    const changes = hasChanges(steps);
    for (const e of errors) print(paint(31, `error: ${e}`));
    if (request.expectNoChanges && changes) print(paint(31, "error: no changes were expected but changes were proposed"));
    const exitCode = errors.length > 0 || (request.expectNoChanges && changes) ? 255 : 0;
    const result = { exitCode, steps, summary: summarize(steps), changes, errors };
    fs.writeFileSync(request.resultFile, JSON.stringify(result));
    return exitCode;
}

/** Runs the program under mocks that hand dynamic resources to the engine; returns the program's errors. */
async function runProgram(request: RunRequest, engine: Engine): Promise<string[]> {
    const errors: string[] = [];
    const onError = (e: unknown) => errors.push(e instanceof Error ? e.message : String(e));
    process.on("unhandledRejection", onError);
    process.on("uncaughtException", onError);
    const pulumi = require(require.resolve("@pulumi/pulumi", { paths: [request.programDir] })) as PulumiModule;
    const subscriptionId = String(request.config["azure-native:subscriptionId"] ?? DEFAULT_SUBSCRIPTION_ID);
    const tenantId = String(request.config["pim-alerts:tenantId"] ?? request.config["azure-native:tenantId"] ?? "00000000-0000-0000-0000-0000000000aa");
    await pulumi.runtime.setMocks(
        {
            newResource: async (args) => {
                if (!args.type.startsWith("pulumi-nodejs:dynamic/"))
                    return foreignResource(args.type, args.name, args.inputs as Record<string, unknown>, subscriptionId);
                const urn = `urn:pulumi:${request.stack}::${request.project}::${args.type}::${args.name}`;
                return engine.register(urn, args.type, args.name, args.inputs as Record<string, unknown>);
            },
            call: (args) => foreignCall(args.token, args.inputs as Record<string, unknown>, subscriptionId, tenantId),
        },
        request.project,
        request.stack,
        request.command === "preview",
    );
    try {
        if (request.programFile.endsWith(".ts")) installTypeScriptHook([request.programDir, __dirname]);
        const exported: unknown = require(path.resolve(request.programDir, request.programFile));
        if (typeof exported === "function") await (exported as () => unknown)();
        await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    } catch (error) {
        onError(error);
    }
    // A failed registration rejects promises nobody awaits; Node reports them once the current
    // macrotask ends. Let that happen while the handlers are still installed, or the process dies.
    await new Promise((resolve) => setImmediate(resolve));
    process.off("unhandledRejection", onError);
    process.off("uncaughtException", onError);
    // The engine recorded failed steps with their messages; keep one message per failure.
    return [...new Set(errors)];
}

const requestFile = process.argv[2];
if (!requestFile) {
    process.stderr.write("usage: child.js <request.json>\n");
    process.exit(2);
}
main(JSON.parse(fs.readFileSync(requestFile, "utf8")) as RunRequest).then(
    (code) => process.exit(code),
    (error: unknown) => {
        process.stderr.write(`runner failed: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exit(254);
    },
);
