/**
 * What a command reads and writes, passed in rather than taken from `process`, so the commands can
 * be run in-process by tests with fake terminals.
 */

/** An output stream: text and whether it is a terminal. */
export interface CliStream {
    write(text: string): void;
    readonly isTTY: boolean;
}

/** Standard input: chunks of bytes, and whether it is a terminal. */
export interface CliInput extends AsyncIterable<Uint8Array | string> {
    readonly isTTY?: boolean | undefined;
}

/** The world of one CLI run. */
export interface CliIo {
    /** Read only by commands that take `-` for standard input; absent when there is none. */
    readonly stdin?: CliInput;
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
