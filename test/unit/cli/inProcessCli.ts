/**
 * `pim-alerts` run in-process, as the unit tests of the CLI run it: `runCli` with fake streams that keep what
 * it prints, and a standard input that yields given chunks.
 */
import type { CliInput, CliIo } from "../../../src/cli/io";
import { runCli } from "../../../src/cli/run";
import type { CliRun } from "../../support/cliChecks";

/** A standard input that yields `chunks`, then ends. */
export function stdinOf(chunks: ReadonlyArray<string | Uint8Array>, isTTY = false): CliInput {
    return {
        isTTY,
        async *[Symbol.asyncIterator]() {
            for (const chunk of chunks) yield await Promise.resolve(chunk);
        },
    };
}

/** How {@link runInProcess} runs the CLI. */
export interface InProcessOptions {
    readonly env: Readonly<Record<string, string>>;
    readonly cwd: string;
    /** Whether stdout and stderr are terminals. @default false */
    readonly tty?: boolean;
    /** Standard input (not a terminal). @default none */
    readonly stdin?: ReadonlyArray<string | Uint8Array>;
}

/** Runs `pim-alerts <argv>` in-process: its exit code and what it printed on each stream. */
export async function runInProcess(argv: readonly string[], options: InProcessOptions): Promise<CliRun> {
    let stdout = "";
    let stderr = "";
    const isTTY = options.tty === true;
    const io: CliIo = {
        ...(options.stdin === undefined ? {} : { stdin: stdinOf(options.stdin) }),
        stdout: { write: (t) => void (stdout += t), isTTY },
        stderr: { write: (t) => void (stderr += t), isTTY },
        env: options.env,
        cwd: options.cwd,
    };
    const code = await runCli(argv, io);
    return { code, stdout, stderr };
}
