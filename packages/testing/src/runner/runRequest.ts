/**
 * The request the runner's parent sends its child process, and the result it gets back.
 */
import type { Step, StepSummary } from "./steps";

/** What to run, like the CLI command of the same name. */
export type RunCommand = "up" | "preview" | "refresh" | "destroy";

export interface RunRequest {
    readonly command: RunCommand;
    /** Refresh before planning (`--refresh`). */
    readonly refresh: boolean;
    /** Fail when the preview proposes changes (`--expect-no-changes`). */
    readonly expectNoChanges: boolean;
    readonly programDir: string;
    readonly programFile: string;
    readonly stateFile: string;
    readonly project: string;
    readonly stack: string;
    /** Stack config, namespaced keys; secret values are wrapped in the engine's secret envelope. */
    readonly config: Readonly<Record<string, unknown>>;
    /** Extra environment of the provider host (credentials, endpoints). */
    readonly hostEnv: Readonly<Record<string, string>>;
    readonly color: boolean;
    readonly resultFile: string;
}

/** What a run did. */
export interface RunResult {
    /** 0 on success; 255 (as the Pulumi CLI) on failure or on changes under `expectNoChanges`. */
    readonly exitCode: number;
    readonly steps: readonly Step[];
    readonly summary: StepSummary;
    /** True when the run proposed or made any change. */
    readonly changes: boolean;
    readonly errors: readonly string[];
    /** Everything the run printed (display, program and provider output), without colour codes. */
    readonly output: readonly string[];
}
