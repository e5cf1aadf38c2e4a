/**
 * The command's decisions in-process: the exit code for every `--fail-on` and kind of finding, and
 * reading the input (standard input capped, byte order marks). The built CLI is run in
 * test/e2e/review.test.ts.
 */
import { EXIT_CHANGED, EXIT_DRIFT, EXIT_OK, EXIT_WEAKENED, UsageError } from "../../../src/cli/exitCodes";
import type { CliIo } from "../../../src/cli/io";
import { readCommandInput } from "../../../src/cli/readInput";
import { exitCodeFor } from "../../../src/cli/reviewCommand";
import type { ReviewSummary } from "../../../src/review/findings";
import { stdinOf } from "../cli/inProcessCli";

const none: ReviewSummary = { weakens: 0, strengthens: 0, neutral: 0, unknown: 0, drift: 0 };

test.each<[string, Partial<ReviewSummary>, Record<"weakening" | "drift" | "any" | "never", number>]>([
    ["nothing", {}, { weakening: EXIT_OK, drift: EXIT_OK, any: EXIT_OK, never: EXIT_OK }],
    [
        "a weakening change",
        { weakens: 1 },
        { weakening: EXIT_WEAKENED, drift: EXIT_OK, any: EXIT_WEAKENED, never: EXIT_OK },
    ],
    [
        "a change of unknown effect",
        { unknown: 1 },
        { weakening: EXIT_WEAKENED, drift: EXIT_OK, any: EXIT_WEAKENED, never: EXIT_OK },
    ],
    ["drift only", { drift: 2 }, { weakening: EXIT_OK, drift: EXIT_DRIFT, any: EXIT_DRIFT, never: EXIT_OK }],
    [
        "drift and a weakening change",
        { drift: 1, weakens: 1 },
        { weakening: EXIT_WEAKENED, drift: EXIT_DRIFT, any: EXIT_WEAKENED, never: EXIT_OK },
    ],
    [
        "strengthening and neutral changes",
        { strengthens: 1, neutral: 2 },
        { weakening: EXIT_OK, drift: EXIT_OK, any: EXIT_CHANGED, never: EXIT_OK },
    ],
])("%s", (_, counts, expected) => {
    const summary = { ...none, ...counts };
    for (const failOn of ["weakening", "drift", "any", "never"] as const)
        expect([failOn, exitCodeFor(summary, failOn)]).toEqual([failOn, expected[failOn]]);
});

function ioWithStdin(chunks: Array<string | Uint8Array>, isTTY = false): CliIo {
    const stdin = stdinOf(chunks, isTTY);
    const sink = { write: () => undefined, isTTY: false };
    return { stdin, stdout: sink, stderr: sink, env: {}, cwd: "/" };
}

test("standard input is read to the end, in chunks, with a UTF-8 byte order mark dropped", async () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b]);
    await expect(readCommandInput("-", ioWithStdin([bom, '"steps"', ":[]}"]), "review")).resolves.toEqual({
        text: '{"steps":[]}',
        label: "standard input",
    });
});

test("standard input beyond the cap is refused, without reading the rest", async () => {
    let pulled = 0;
    const endless: CliIo = {
        ...ioWithStdin([]),
        stdin: {
            async *[Symbol.asyncIterator]() {
                for (;;) {
                    pulled += 1;
                    yield await Promise.resolve("x".repeat(100));
                }
            },
        },
    };
    await expect(readCommandInput("-", endless, "review", 1000)).rejects.toThrow(
        "standard input is larger than 1000 bytes, more than a review reads",
    );
    expect(pulled).toBe(11);
});

test("a terminal on standard input is a usage error (nothing was piped in)", async () => {
    await expect(readCommandInput("-", ioWithStdin([], true), "review")).rejects.toThrow(UsageError);
});
