/**
 * Runs the user's program the way Pulumi's Node.js language host does (`cmd/run/run.ts`): stack
 * config set, the program required (or its exported function called) inside the root
 * `pulumi:pulumi:Stack` resource, whose outputs are what the program exports; every registration
 * goes to the runner's resource monitor. Returns the program's own errors (not the consequences of
 * a failed step, which the engine already recorded).
 *
 * @packageDocumentation
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as pulumiSdk from "@pulumi/pulumi";
import type { Engine } from "./engine";
import { RunnerResourceMonitor, type MonitorSdk } from "./resourceMonitor";
import type { RunRequest } from "./runRequest";
import { installTypeScriptHook } from "./typescriptHook";

type PulumiModule = typeof pulumiSdk;

/** `require` as the program's own modules see it: from the program directory. */
function programRequire(programDir: string): NodeJS.Require {
    return createRequire(path.join(programDir, "package.json"));
}

/** Values of mocked functions of other packages. */
export interface ForeignValues {
    readonly subscriptionId: string;
    readonly tenantId: string;
}

/** What the SDK says when a feature the monitor declined is used, and the option it is about. */
const DECLINED_FEATURES: ReadonlyArray<[RegExp, string]> = [
    [
        /does not support transforms/,
        "transforms (the `transforms` option, registerResourceTransform, registerInvokeTransform)",
    ],
    [/does not support resource hooks/, "resource hooks (the `hooks` option)"],
    [/does not support error hooks/, "error hooks (the `hooks.onError` option)"],
    [/does not support parameterization/, "parameterized providers"],
];

/** Loads the program's @pulumi/pulumi (what running the program needs first). */
export function loadProgramSdk(programDir: string): PulumiModule {
    return programRequire(programDir)("@pulumi/pulumi") as PulumiModule;
}

/**
 * Runs the program under `engine`.
 *
 * @returns the program's errors, one message each
 */
export async function runProgramInStack(
    request: RunRequest,
    engine: Engine,
    foreign: ForeignValues,
): Promise<string[]> {
    const errors: string[] = [];
    const onError = (error: unknown): void => {
        errors.push(error instanceof Error ? error.message : String(error));
    };
    process.on("unhandledRejection", onError);
    process.on("uncaughtException", onError);
    const pulumi = loadProgramSdk(request.programDir);
    const runtime = pulumi.runtime as PulumiModule["runtime"] & { waitForRPCs(): Promise<void> };
    try {
        runtime.setAllConfig({ ...request.config }, [...request.secretKeys]);
        const monitor = new RunnerResourceMonitor({
            engine,
            sdk: monitorSdk(request.programDir, runtime),
            stack: request.stack,
            project: request.project,
            ...foreign,
        });
        runtime.setMockOptions(monitor, request.project, request.stack, request.command === "preview");
        const programFile = path.resolve(request.programDir, request.programFile);
        if (programFile.endsWith(".ts")) installTypeScriptHook([request.programDir, __dirname]);
        await runtime.runInPulumiStack(async () => {
            const exported: unknown = programRequire(request.programDir)(programFile);
            // As the language host: an exported function is called and awaited; its result (or the module's exports) are the outputs.
            return typeof exported === "function" ? await (exported as () => unknown)() : exported;
        });
        await runtime.waitForRPCs();
    } catch (error) {
        onError(error);
    }
    // A failed registration rejects promises nobody awaits; Node reports them once the current
    // macrotask ends. Let that happen while the handlers are still installed, or the process dies.
    await new Promise((resolve_) => setImmediate(resolve_));
    process.off("unhandledRejection", onError);
    process.off("uncaughtException", onError);
    return [...new Set(errors)]
        .filter((message) => !isConsequenceOfStepFailure(message, engine))
        .map(explainDeclinedFeature);
}

/** The SDK's wrap of a registration the engine failed, or of a registration refused after it. */
function isConsequenceOfStepFailure(message: string, engine: Engine): boolean {
    return (
        engine.failed &&
        /failed to register new resource|Resource monitor is terminating|the update stopped at an earlier failure/.test(
            message,
        )
    );
}

function explainDeclinedFeature(message: string): string {
    const declined = DECLINED_FEATURES.find(([pattern]) => pattern.test(message));
    return declined ? `the offline runner does not implement ${declined[1]}` : message;
}

function monitorSdk(programDir: string, runtime: PulumiModule["runtime"]): MonitorSdk {
    const fromSdk = createRequire(programRequire(programDir).resolve("@pulumi/pulumi/package.json"));
    const load = (file: string): Record<string, unknown> => fromSdk(`./${file}`) as Record<string, unknown>;
    const resourcePb = load("proto/resource_pb.js");
    const providerPb = load("proto/provider_pb.js");
    const structPb = fromSdk("google-protobuf/google/protobuf/struct_pb") as Record<string, unknown>;
    return {
        Struct: structPb["Struct"] as MonitorSdk["Struct"],
        RegisterResourceResponse: resourcePb["RegisterResourceResponse"] as MonitorSdk["RegisterResourceResponse"],
        ReadResourceResponse: resourcePb["ReadResourceResponse"] as MonitorSdk["ReadResourceResponse"],
        RegisterPackageResponse: resourcePb["RegisterPackageResponse"] as MonitorSdk["RegisterPackageResponse"],
        InvokeResponse: providerPb["InvokeResponse"] as MonitorSdk["InvokeResponse"],
        deploymentInfo:
            resourcePb["DeploymentInfo"] === undefined
                ? undefined
                : {
                      DeploymentInfo: resourcePb["DeploymentInfo"] as NonNullable<
                          MonitorSdk["deploymentInfo"]
                      >["DeploymentInfo"],
                      ResourceMonitorFeature: resourcePb["ResourceMonitorFeature"] as Record<string, number>,
                  },
        serializeProperties: (label, value) => runtime.serializeProperties(label, value),
        deserializeProperties: (struct) =>
            runtime.deserializeProperties(struct as Parameters<typeof runtime.deserializeProperties>[0]),
    };
}
