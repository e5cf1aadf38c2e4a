/**
 * Reads the input of a command that takes a FILE or `-` (standard input), up to a size cap, and
 * decodes it: UTF-8, with or without a byte order mark, or UTF-16 with one (what Windows
 * PowerShell's `>` writes).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./exitCodes";
import type { CliInput, CliIo } from "./io";

/**
 * The largest input read: 64 MiB. A 2,000-step preview with full states, indented as Pulumi prints
 * it, is about 6 MiB (bench/review.ts); ten times that is more than a review should hold in memory.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** The input's text, and how messages name it. */
export interface CommandInput {
    readonly text: string;
    readonly label: string;
}

/** Reads `input` (a path relative to `io.cwd`, or `-`); throws a one-line Error when it cannot. */
export async function readCommandInput(
    input: string,
    io: CliIo,
    command: string,
    maxBytes: number = MAX_INPUT_BYTES,
): Promise<CommandInput> {
    if (input === "-") {
        if (!io.stdin) throw new Error("there is no standard input to read");
        if (io.stdin.isTTY === true)
            throw new UsageError(
                `standard input is a terminal: pipe the preview in, e.g. pulumi preview --json | pim-alerts ${command} -`,
                command,
            );
        return { text: decode(await readAll(io.stdin, maxBytes, "standard input")), label: "standard input" };
    }
    const file = path.resolve(io.cwd, input);
    let size: number;
    try {
        const stat = fs.statSync(file);
        if (stat.isDirectory()) throw new Error(`${input} is a directory, not a preview file`);
        size = stat.size;
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") throw new Error(`${input}: no such file`);
        if (code === "EACCES") throw new Error(`${input}: permission denied`);
        throw error;
    }
    // A pipe or FIFO reports size 0: read it as a stream, capped.
    if (size > maxBytes) throw tooLarge(input, maxBytes);
    return { text: decode(await readAll(fs.createReadStream(file), maxBytes, input)), label: input };
}

async function readAll(stream: CliInput, maxBytes: number, label: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
        const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
        size += bytes.length;
        // Leaving the loop closes the stream: nothing more is buffered.
        if (size > maxBytes) throw tooLarge(label, maxBytes);
        chunks.push(bytes);
    }
    return Buffer.concat(chunks);
}

function tooLarge(label: string, maxBytes: number): Error {
    const cap = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MiB` : `${maxBytes} bytes`;
    return new Error(
        `${label} is larger than ${cap}, more than a review reads: is it the output of \`pulumi preview --json\`?`,
    );
}

function decode(bytes: Buffer): string {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
    return bytes.toString("utf8");
}
