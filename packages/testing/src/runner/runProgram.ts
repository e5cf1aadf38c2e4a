/**
 * Runs a Pulumi program the way the engine would, without the Pulumi CLI: `up`, `preview`
 * (with `refresh` and `expectNoChanges`), `refresh` and `destroy`, keeping the stack's state in a
 * JSON file. Every resource of this package goes over gRPC to @pulumi/pulumi's dynamic-provider host.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { secret } from "../host/secrets";
import type { RunCommand, RunRequest, RunResult } from "./runRequest";

/** Options of {@link runProgram}. */
export interface RunProgramOptions {
    /** The Pulumi project directory: the package must be installed in its node_modules. */
    readonly programDir: string;
    /** The program file, relative to `programDir` (`.js` or `.ts`). @default "index.ts" */
    readonly programFile?: string;
    /** Where the stack's state is kept. @default `<programDir>/.pim-runner/<stack>.json` */
    readonly stateFile?: string;
    /** @default the name in Pulumi.yaml, else "project" */
    readonly project?: string;
    /** @default "dev" */
    readonly stack?: string;
    /** Stack config with namespaced keys, e.g. `{"pim-alerts:armEndpoint": url}`. */
    readonly config?: Readonly<Record<string, string>>;
    /** Config keys whose values are secret (never printed, sent to the provider as secrets). */
    readonly secretConfigKeys?: readonly string[];
    /** Extra environment of the provider host (e.g. the emulator's token environment). */
    readonly env?: Readonly<Record<string, string>>;
    /** Refresh before planning, like `--refresh`. @default false */
    readonly refresh?: boolean;
    /** Fail (exit code 255) when changes are proposed, like `--expect-no-changes`. @default false */
    readonly expectNoChanges?: boolean;
    /** Colour the display. @default whether stdout is a terminal and NO_COLOR is unset */
    readonly color?: boolean;
    /** Receives each line as it is printed. @default nothing (lines are returned in the result) */
    readonly onOutput?: (line: string) => void;
    /** Upper bound on the whole run. @default 300000 */
    readonly timeoutMs?: number;
}

/** Runs one command against the program; resolves with what happened (it does not throw on a failed run). */
export async function runProgram(command: RunCommand, options: RunProgramOptions): Promise<RunResult> {
    const programDir = path.resolve(options.programDir);
    const stack = options.stack ?? "dev";
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "pim-runner-"));
    const config = options.config ?? {};
    const secretKeys = options.secretConfigKeys ?? [];
    const request: RunRequest = {
        command,
        refresh: options.refresh ?? false,
        expectNoChanges: options.expectNoChanges ?? false,
        programDir,
        programFile: options.programFile ?? "index.ts",
        stateFile: path.resolve(options.stateFile ?? path.join(programDir, ".pim-runner", `${stack}.json`)),
        project: options.project ?? projectName(programDir),
        stack,
        config: Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secretKeys.includes(k) ? secret(v) : v])),
        hostEnv: { ...options.env },
        color: options.color ?? (process.stdout.isTTY === true && process.env["NO_COLOR"] === undefined),
        resultFile: path.join(work, "result.json"),
    };
    const requestFile = path.join(work, "request.json");
    fs.writeFileSync(requestFile, JSON.stringify(request), { mode: 0o600 });
    try {
        const output = await runChild(requestFile, programDir, request, config, secretKeys, options);
        const result = fs.existsSync(request.resultFile) ? (JSON.parse(fs.readFileSync(request.resultFile, "utf8")) as Omit<RunResult, "output">) : undefined;
        if (!result)
            return {
                exitCode: 254,
                steps: [],
                summary: { same: 0, create: 0, update: 0, replace: 0, delete: 0 },
                changes: false,
                errors: ["the runner exited without a result"],
                output,
            };
        return { ...result, output };
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}

function runChild(
    requestFile: string,
    programDir: string,
    request: RunRequest,
    config: Readonly<Record<string, string>>,
    secretKeys: readonly string[],
    options: RunProgramOptions,
): Promise<string[]> {
    const output: string[] = [];
    const child = spawn(process.execPath, [childScript(), requestFile], {
        cwd: programDir,
        env: { ...process.env, ...options.env, PULUMI_CONFIG: JSON.stringify(config), PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secretKeys) },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let pending = "";
    const onData = (chunk: Buffer) => {
        pending += chunk.toString();
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) {
            output.push(line.replace(/\u001b\[[0-9;]*m/g, ""));
            options.onOutput?.(line);
        }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill("SIGKILL");
            reject(new Error(`runner ${request.command} did not finish within ${options.timeoutMs ?? 300_000} ms`));
        }, options.timeoutMs ?? 300_000);
        child.on("error", reject);
        child.on("close", () => {
            clearTimeout(timer);
            if (pending) output.push(pending);
            resolve(output);
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

function projectName(programDir: string): string {
    const file = path.join(programDir, "Pulumi.yaml");
    if (!fs.existsSync(file)) return "project";
    const match = /^name:\s*(\S+)/m.exec(fs.readFileSync(file, "utf8"));
    return match?.[1] ?? "project";
}
