/**
 * What a command reads and writes, passed in rather than taken from `process`, so the commands can
 * be run in-process by tests with fake terminals.
 */

/** An output stream: text and whether it is a terminal. */
export interface CliStream {
    write(text: string): void;
    readonly isTTY: boolean;
}

/** The world of one CLI run. */
export interface CliIo {
    readonly stdout: CliStream;
    readonly stderr: CliStream;
    readonly env: Readonly<Record<string, string | undefined>>;
    /** Relative `--out` paths resolve against this directory. */
    readonly cwd: string;
}

/** Colour on stdout only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
export function colorEnabled(io: CliIo): boolean {
    const noColor = io.env["NO_COLOR"];
    return io.stdout.isTTY && (noColor === undefined || noColor === "");
}
