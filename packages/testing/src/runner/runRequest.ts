/**
 * What a run is asked to do (the options of {@link runProgram} and of `pim-alerts-run`, checked
 * here: an unknown command or option is refused, never ignored), the request the runner's parent
 * sends its child over the IPC channel, and the result it gets back the same way.
 *
 * @packageDocumentation
 */
import type { PendingOperation, Properties } from "./checkpoint";
import type { PreviewDocument } from "./previewJson";
import type { Diagnostic } from "./stepContext";
import type { Step, StepSummary } from "./steps";

/** What to run, like the CLI command of the same name. */
export type RunCommand = "up" | "preview" | "refresh" | "destroy";

/** The commands, for checks and messages. */
export const RUN_COMMANDS: readonly RunCommand[] = ["up", "preview", "refresh", "destroy"];

/** Options of {@link runProgram}. */
export interface RunProgramOptions {
    /** The Pulumi project directory: the package must be installed in its node_modules. */
    readonly programDir: string;
    /** The program file, relative to `programDir` (`.js` or `.ts`). @default "index.ts" when it exists, else "index.js" */
    readonly programFile?: string;
    /** Where the stack's state is kept. @default `<programDir>/.pim-runner/<stack>.json` */
    readonly stateFile?: string;
    /** @default the name in Pulumi.yaml, else "project" */
    readonly project?: string;
    /** @default "dev" */
    readonly stack?: string;
    /** Stack config with namespaced keys, e.g. `{"pim-alerts:armEndpoint": url}`. */
    readonly config?: Readonly<Record<string, string>>;
    /** Config keys whose values are secret (never printed or written, sent to the provider as secrets). */
    readonly secretConfigKeys?: readonly string[];
    /** Extra environment of the program and the provider host (e.g. the emulator's token environment). */
    readonly env?: Readonly<Record<string, string>>;
    /** Refresh before planning, like `--refresh`. @default false */
    readonly refresh?: boolean;
    /** Fail (exit code 7, as the Pulumi CLI) when changes are proposed, like `--expect-no-changes`. @default false */
    readonly expectNoChanges?: boolean;
    /** Produce the document of `pulumi preview --json` (preview only); the display is then not printed. @default false */
    readonly json?: boolean;
    /** Resource operations in flight at most, like `--parallel`. @default unbounded, as the CLI */
    readonly parallel?: number;
    /** `refresh` only: drop the pending creates an interrupted run left, like `--clear-pending-creates`. @default false */
    readonly clearPendingCreates?: boolean;
    /** Deadline of one provider call. @default longer than the provider's own bound on a call's requests (see {@link providerCallDeadlineMs}) */
    readonly callTimeoutMs?: number;
    /** Colour the display. @default whether stdout is a terminal and NO_COLOR is unset */
    readonly color?: boolean;
    /** Receives each line as it is printed. @default nothing (lines are returned in the result) */
    readonly onOutput?: (line: string) => void;
    /** Upper bound on the whole run; the runner is killed after it (its state then records what was in flight). @default none */
    readonly timeoutMs?: number;
    /** Kills the runner when aborted, as a killed `pulumi up` (its state then records what was in flight). */
    readonly signal?: AbortSignal;
}

const OPTION_NAMES: ReadonlySet<string> = new Set<keyof RunProgramOptions>([
    "programDir",
    "programFile",
    "stateFile",
    "project",
    "stack",
    "config",
    "secretConfigKeys",
    "env",
    "refresh",
    "expectNoChanges",
    "json",
    "parallel",
    "clearPendingCreates",
    "callTimeoutMs",
    "color",
    "onOutput",
    "timeoutMs",
    "signal",
]);

/**
 * Refuses an unknown command, an unknown option, or an option the command does not take.
 *
 * @throws TypeError naming what is wrong and what is allowed
 */
export function checkRunArguments(command: unknown, options: object): asserts command is RunCommand {
    if (typeof command !== "string" || !(RUN_COMMANDS as readonly string[]).includes(command)) {
        throw new TypeError(`unknown command ${JSON.stringify(command)}; the runner runs ${RUN_COMMANDS.join(", ")}`);
    }
    const unknown = Object.keys(options).filter((key) => !OPTION_NAMES.has(key));
    if (unknown.length > 0) {
        throw new TypeError(
            `unknown option${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; allowed: ${[...OPTION_NAMES].join(", ")}`,
        );
    }
    const given = options as RunProgramOptions;
    if (given.json === true && command !== "preview")
        throw new TypeError(`json is an option of preview (\`pulumi preview --json\`), not of ${command}`);
    if (given.clearPendingCreates === true && command !== "refresh")
        throw new TypeError(`clearPendingCreates is an option of refresh, not of ${command}`);
    if (given.expectNoChanges === true && command === "destroy")
        throw new TypeError("expectNoChanges is an option of up, preview and refresh, not of destroy");
    if (
        given.parallel !== undefined &&
        !(given.parallel === Infinity || (Number.isInteger(given.parallel) && given.parallel > 0))
    ) {
        throw new TypeError(`parallel must be a positive whole number; got ${String(given.parallel)}`);
    }
    if (given.programDir === undefined || typeof given.programDir !== "string")
        throw new TypeError("programDir is required (the Pulumi project directory)");
}

/** The request the parent sends its child (over IPC: nothing of it is written to disk). */
export interface RunRequest {
    readonly command: RunCommand;
    readonly refresh: boolean;
    readonly expectNoChanges: boolean;
    readonly json: boolean;
    /** `null` for unbounded (JSON has no Infinity). */
    readonly parallel: number | null;
    readonly clearPendingCreates: boolean;
    readonly programDir: string;
    readonly programFile: string;
    readonly stateFile: string;
    readonly project: string;
    readonly stack: string;
    /** Stack config, namespaced keys, plain values (secret ones listed in `secretKeys`). */
    readonly config: Readonly<Record<string, string>>;
    readonly secretKeys: readonly string[];
    /** Extra environment of the provider host. */
    readonly hostEnv: Readonly<Record<string, string>>;
    readonly callTimeoutMs: number | null;
    readonly color: boolean;
}

/**
 * The exit codes of the Pulumi CLI since v3.226 (pkg/cmd/pulumi/cmd/exit_codes.go; before it, every
 * failure was 255): 1 for a failed run, 7 for changes under `--expect-no-changes`.
 */
export const EXIT_CODES = { success: 0, failed: 1, noChangesExpected: 7 } as const;

/** The CLI's NoChangesExpectedError message (pkg/backend/backenderr), naming the operation as it does. */
export function noChangesExpectedMessage(command: RunCommand): string {
    const operation = command === "up" ? "update" : command;
    return `no changes were expected for ${operation} but changes were proposed`;
}

/** What a run did. */
export interface RunResult {
    /** As the Pulumi CLI ({@link EXIT_CODES}): 0 on success, 1 on failure, 7 on changes under `expectNoChanges`. */
    readonly exitCode: number;
    readonly steps: readonly Step[];
    readonly summary: StepSummary;
    /** True when the run proposed or made any change. */
    readonly changes: boolean;
    /** Every error: failed steps (the provider's message), the program's, the runner's. */
    readonly errors: readonly string[];
    /** Warnings and notes, as under "Diagnostics:". */
    readonly diagnostics: readonly Diagnostic[];
    /** The stack outputs (secret ones read `"[secret]"`). */
    readonly outputs: Properties;
    /** Operations an earlier run left in flight (it was killed or lost the provider): reported, and pending creates kept. */
    readonly pendingOperations: readonly PendingOperation[];
    /** With `json`: the document `pulumi preview --json` prints. */
    readonly previewJson?: PreviewDocument;
    /** Everything the run printed (display, program and provider output), without colour codes. */
    readonly output: readonly string[];
}
