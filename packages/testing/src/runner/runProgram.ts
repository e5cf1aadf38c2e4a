/**
 * Runs a Pulumi program the way the engine would, without the Pulumi CLI: `up`, `preview`
 * (with `refresh`, `expectNoChanges`, `json`), `refresh` and `destroy`, keeping the stack's state
 * in a file of the format `pulumi stack export` prints. Every resource of this package goes over
 * gRPC to @pulumi/pulumi's dynamic-provider host, in a child process that receives its request
 * (stack config and secrets) over an IPC channel: nothing of it is written to disk.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { trackChild } from "../childProcess";
import { readProjectName } from "../host/urn";
import type { ChildResult } from "./child";
import {
    checkRunArguments,
    type RunCommand,
    type RunProgramOptions,
    type RunRequest,
    type RunResult,
} from "./runRequest";

export type { RunProgramOptions } from "./runRequest";

/**
 * Runs one command against the program; resolves with what happened (a failed run resolves with
 * exit code 255 and its errors).
 *
 * @param command - `up`, `preview`, `refresh` or `destroy`
 * @param options - see {@link RunProgramOptions}
 * @throws TypeError for an unknown command or option, before anything runs
 */
export async function runProgram(command: RunCommand, options: RunProgramOptions): Promise<RunResult> {
    checkRunArguments(command, options);
    const programDir = path.resolve(options.programDir);
    const stack = options.stack ?? "dev";
    const project = options.project ?? readProjectName(programDir) ?? "project";
    // As `pulumi config set`: a key without a namespace belongs to the project.
    const namespaced = (key: string): string => (key.includes(":") ? key : `${project}:${key}`);
    const request: RunRequest = {
        command,
        refresh: options.refresh ?? false,
        expectNoChanges: options.expectNoChanges ?? false,
        json: options.json ?? false,
        parallel: options.parallel === undefined || options.parallel === Infinity ? null : options.parallel,
        clearPendingCreates: options.clearPendingCreates ?? false,
        programDir,
        programFile: options.programFile ?? defaultProgramFile(programDir),
        stateFile: path.resolve(options.stateFile ?? path.join(programDir, ".pim-runner", `${stack}.json`)),
        project,
        stack,
        config: Object.fromEntries(
            Object.entries(options.config ?? {}).map(([key, value]) => [namespaced(key), value]),
        ),
        secretKeys: (options.secretConfigKeys ?? []).map(namespaced),
        hostEnv: { ...options.env },
        callTimeoutMs: options.callTimeoutMs ?? null,
        color: options.color ?? (process.stdout.isTTY === true && process.env["NO_COLOR"] === undefined),
    };
    const { output, result } = await runChild(request, options);
    if (!result) {
        return {
            exitCode: 254,
            steps: [],
            summary: { same: 0, create: 0, update: 0, replace: 0, delete: 0 },
            changes: false,
            errors: ["the runner exited without a result (see its output)"],
            diagnostics: [],
            outputs: {},
            pendingOperations: [],
            output,
        };
    }
    if (!result.previewJson) return { ...result, output };
    // As the CLI's document: what the program printed is there as info diagnostics.
    const printed = output
        .filter((line) => line !== "")
        .map((line) => ({ message: `${line}\n`, severity: "info" as const }));
    const diagnostics = [...printed, ...(result.previewJson.diagnostics ?? [])];
    return {
        ...result,
        previewJson: { ...result.previewJson, ...(diagnostics.length > 0 ? { diagnostics } : {}) },
        output,
    };
}

function defaultProgramFile(programDir: string): string {
    return fs.existsSync(path.join(programDir, "index.ts")) ? "index.ts" : "index.js";
}

function runChild(
    request: RunRequest,
    options: RunProgramOptions,
): Promise<{ output: string[]; result: ChildResult | undefined }> {
    const output: string[] = [];
    const child = spawn(process.execPath, [childScript()], {
        cwd: request.programDir,
        env: { ...process.env, ...options.env },
        stdio: ["ignore", "pipe", "pipe", "ipc"],
        serialization: "advanced",
    });
    trackChild(child);
    let result: ChildResult | undefined;
    child.on("message", (message: { kind?: string; result?: ChildResult }) => {
        if (message.kind === "result") result = message.result;
    });
    let pending = "";
    const onData = (chunk: Buffer): void => {
        pending += chunk.toString();
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) {
            output.push(line.replace(/\u001b\[[0-9;]*m/g, ""));
            options.onOutput?.(line);
        }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.send(request);
    return new Promise((resolve, reject) => {
        const kill = (reason: string): void => {
            child.kill("SIGKILL");
            reject(new Error(`runner ${request.command} ${reason} (killed; its state records what was in flight)`));
        };
        const timer =
            options.timeoutMs === undefined
                ? undefined
                : setTimeout(() => kill(`did not finish within ${options.timeoutMs} ms`), options.timeoutMs);
        const onAbort = (): void => kill("was aborted");
        if (options.signal?.aborted) onAbort();
        options.signal?.addEventListener("abort", onAbort, { once: true });
        child.on("error", reject);
        child.on("close", () => {
            if (timer) clearTimeout(timer);
            options.signal?.removeEventListener("abort", onAbort);
            if (pending) output.push(pending);
            resolve({ output, result });
        });
    });
}

/** The compiled child script (the runner always runs compiled code, also under a TS test runner). */
function childScript(): string {
    const here = path.join(__dirname, "child.js");
    if (fs.existsSync(here)) return here;
    const built = path.resolve(__dirname, "../../dist/runner/child.js");
    if (fs.existsSync(built)) return built;
    throw new Error(`the runner's child script is missing (looked at ${here} and ${built}); run \`npm run build\``);
}
