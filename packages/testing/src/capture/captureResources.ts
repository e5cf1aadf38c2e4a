/**
 * Runs a Pulumi program under `pulumi.runtime.setMocks` in a child `node` process and returns the
 * resources it registered, with their inputs exactly as the SDK serialized them (including
 * `__provider` for dynamic resources).
 *
 * Why a child process: the program then runs in a plain Node realm with the module system,
 * `require.cache`, globals and Pulumi runtime state a real `pulumi up` gives it. In a test runner's
 * module registry the closure serializer can miss module objects (measured: under
 * `jest.isolateModules` a package provider is serialized by value, module state included, instead
 * of as one `require(...)`), `setMocks` state is process-wide, and coverage instrumentation can
 * leak into serialized code.
 *
 * @packageDocumentation
 */
import { spawn } from "child_process";
import { randomBytes } from "crypto";
import * as path from "path";
import {
    CAPTURE_CHILD_SOURCE,
    CAPTURE_REQUEST_ENV,
    type CaptureChildRequest,
    type CaptureChildResult,
} from "./captureChild";
import { LineSplitter, terminate, trackChild } from "../childProcess";
import { CaptureError } from "../errors";
import { isSecret } from "../host/secrets";
import { toWireObject, type JsonObject } from "../host/struct";
import { DEFAULT_PROJECT, DEFAULT_STACK, readProjectName } from "../host/urn";

/** Options of {@link captureResources}. */
export interface CaptureOptions {
    /** The Pulumi program directory: the child's working directory, where @pulumi/pulumi is resolved. */
    readonly programDir: string;
    /** The program file (CommonJS `.js`), absolute or relative to `programDir`. */
    readonly programFile: string;
    /**
     * Stack config, keys namespaced (`"pim-alerts:armEndpoint"`). Values wrapped with `secret()`
     * become secret config; non-string values are passed as JSON text, like structured config.
     */
    readonly config?: Readonly<Record<string, unknown>>;
    /** Stack name. Default `"dev"`. */
    readonly stack?: string;
    /** Project name. Default: `name` from `<programDir>/Pulumi.yaml`, else `"project"`. */
    readonly project?: string;
    /** Extra environment variables for the program. */
    readonly env?: Readonly<Record<string, string>>;
    /** Upper bound on the program run. Default 60 000 ms. */
    readonly timeoutMs?: number;
}

/** A resource the program registered. */
export interface CapturedResource {
    /** Type token, e.g. `pulumi-nodejs:dynamic/pim:AlertConfiguration`. */
    readonly type: string;
    /** Resource name. */
    readonly name: string;
    /** The URN the SDK computed (parents included). */
    readonly urn: string;
    /**
     * The inputs as the SDK sent them to the engine; for a dynamic resource this includes
     * `__provider` (a string, or a secret envelope when the provider captured a secret).
     */
    readonly inputs: JsonObject;
}

/** Resources plus everything the program printed. */
export interface ProgramCapture {
    /** Registered resources, in the order their registrations reached the (mock) engine. */
    readonly resources: readonly CapturedResource[];
    /** The program's stdout/stderr lines (the result line excluded). */
    readonly output: readonly string[];
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Converts stack config to the `PULUMI_CONFIG` / `PULUMI_CONFIG_SECRET_KEYS` environment the
 * Pulumi language host gives a program.
 *
 * @param config - namespaced keys; `secret()`-wrapped values are secret
 */
export function programConfigEnvironment(config: Readonly<Record<string, unknown>>): {
    PULUMI_CONFIG: string;
    PULUMI_CONFIG_SECRET_KEYS: string;
} {
    const values: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, raw] of Object.entries(config)) {
        if (raw === undefined) {
            continue;
        }
        const value = isSecret(raw) ? raw.value : raw;
        if (isSecret(raw)) {
            secretKeys.push(key);
        }
        values[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return { PULUMI_CONFIG: JSON.stringify(values), PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secretKeys) };
}

/**
 * The serialized provider text of a captured dynamic resource (unwrapping a secret envelope).
 *
 * @param resource - a captured resource
 * @throws Error when the resource has no `__provider` string
 */
export function serializedProvider(resource: CapturedResource): string {
    const raw = resource.inputs["__provider"];
    const text = isSecret(raw) ? raw.value : raw;
    if (typeof text !== "string") {
        throw new Error(`${resource.urn} has no __provider string (is it a dynamic resource?)`);
    }
    return text;
}

function parseResult(json: string, output: readonly string[]): CaptureChildResult {
    let parsed: unknown;
    try {
        parsed = JSON.parse(json);
    } catch {
        throw new CaptureError("the program's result line is not JSON", output);
    }
    if (typeof parsed !== "object" || parsed === null || !("ok" in parsed) || !("resources" in parsed)) {
        throw new CaptureError("the program's result line has an unexpected shape", output);
    }
    return parsed as CaptureChildResult;
}

function toCaptured(result: CaptureChildResult, output: readonly string[]): CapturedResource[] {
    return result.resources.map((r) => {
        if (typeof r.inputs !== "object" || r.inputs === null || Array.isArray(r.inputs)) {
            throw new CaptureError(`resource ${r.urn} has no inputs object`, output);
        }
        return {
            type: r.type,
            name: r.name,
            urn: r.urn,
            inputs: toWireObject(r.inputs as Record<string, unknown>, r.urn),
        };
    });
}

/**
 * Runs the program and returns its resources and output. See {@link captureResources}.
 *
 * @param options - see {@link CaptureOptions}
 * @throws CaptureError when the program fails (the error text and the program's output are in the
 *   message) or exceeds `timeoutMs`
 */
export async function captureProgram(options: CaptureOptions): Promise<ProgramCapture> {
    const programDir = path.resolve(options.programDir);
    const request: CaptureChildRequest = {
        programFile: path.resolve(programDir, options.programFile),
        project: options.project ?? readProjectName(programDir) ?? DEFAULT_PROJECT,
        stack: options.stack ?? DEFAULT_STACK,
        marker: `@@capture-result-${randomBytes(8).toString("hex")}@@`,
    };
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

    const child = spawn(process.execPath, ["-e", CAPTURE_CHILD_SOURCE], {
        cwd: programDir,
        env: {
            ...process.env,
            ...options.env,
            ...programConfigEnvironment(options.config ?? {}),
            [CAPTURE_REQUEST_ENV]: JSON.stringify(request),
        },
        stdio: ["pipe", "pipe", "pipe"],
    });
    trackChild(child);
    child.stdout?.setEncoding("utf8");
    child.stderr?.setEncoding("utf8");

    const output: string[] = [];
    let resultJson: string | undefined;
    const onLine = (line: string): void => {
        if (resultJson === undefined && line.startsWith(request.marker)) {
            resultJson = line.slice(request.marker.length);
        } else {
            output.push(line);
        }
    };
    const stdoutLines = new LineSplitter();
    const stderrLines = new LineSplitter();
    child.stdout?.on("data", (chunk: string) => stdoutLines.push(chunk).forEach(onLine));
    child.stderr?.on("data", (chunk: string) => stderrLines.push(chunk).forEach(onLine));

    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | "timeout" | Error>(
        (resolve) => {
            const timer = setTimeout(() => resolve("timeout"), timeoutMs);
            child.once("error", (error) => {
                clearTimeout(timer);
                resolve(error);
            });
            // "close" fires after the stdio streams ended, so every line has been seen.
            child.once("close", (code, signal) => {
                clearTimeout(timer);
                resolve({ code, signal });
            });
        },
    );
    stdoutLines.flush().forEach(onLine);
    stderrLines.flush().forEach(onLine);

    if (exit === "timeout") {
        await terminate(child).catch(() => undefined);
        throw new CaptureError(`${request.programFile} did not finish within ${timeoutMs} ms`, output);
    }
    if (exit instanceof Error) {
        throw new CaptureError(`the program process could not be started: ${exit.message}`, output);
    }
    if (resultJson === undefined) {
        throw new CaptureError(
            `${request.programFile} exited (code ${String(exit.code)}, signal ${String(exit.signal)}) without a result`,
            output,
        );
    }
    const result = parseResult(resultJson, output);
    if (!result.ok) {
        throw new CaptureError(`${request.programFile} failed:\n${result.errors.join("\n")}`, output);
    }
    return { resources: toCaptured(result, output), output };
}

/**
 * Runs a CommonJS Pulumi program in a child `node` process (cwd = `programDir`) under
 * `pulumi.runtime.setMocks`, and returns every resource it registered with its inputs as the SDK
 * serialized them, `__provider` included.
 *
 * @param options - see {@link CaptureOptions}
 * @throws CaptureError when the program fails or exceeds `timeoutMs`
 */
export async function captureResources(options: CaptureOptions): Promise<CapturedResource[]> {
    return [...(await captureProgram(options)).resources];
}
