/**
 * The lines a provider host prints, kept in arrival order, and waits for a matching line.
 *
 * @packageDocumentation
 */
import type { ChildProcess } from "child_process";
import { LineSplitter } from "../childProcess";

/** One line the host printed. */
export interface HostOutputLine {
    /** The stream it was printed on. */
    readonly stream: "stdout" | "stderr";
    /** The line, without its line terminator. */
    readonly text: string;
}

/** What to wait for in the host's output: a substring, a pattern or a predicate. */
export type OutputMatcher = string | RegExp | ((line: string) => boolean);

/** Options of `ProviderHost.waitForOutput}. */
export interface WaitForOutputOptions {
    /** Upper bound on the wait. Default 5 000 ms. */
    readonly timeoutMs?: number;
    /** Ignore lines before this index of `ProviderHost.output`. Default 0. */
    readonly since?: number;
}

function toMatcher(match: OutputMatcher): (line: string) => boolean {
    if (typeof match === "string") {
        return (line) => line.includes(match);
    }
    if (match instanceof RegExp) {
        return (line) => {
            match.lastIndex = 0;
            return match.test(line);
        };
    }
    return match;
}

interface OutputWaiter {
    readonly matches: (line: string) => boolean;
    readonly resolve: (line: string) => void;
    readonly reject: (error: Error) => void;
}

/** Every line a host printed (plain and tagged with its stream), and the pending waits for one. */
export class HostOutput {
    /** The lines, in arrival order. */
    readonly lines: string[] = [];
    /** The same lines, tagged with their stream. */
    readonly tagged: HostOutputLine[] = [];
    private readonly waiters = new Set<OutputWaiter>();

    /**
     * Records a line and resolves the waits it matches.
     *
     * @param stream - the stream it was printed on
     * @param text - the line, without terminator
     */
    add(stream: HostOutputLine["stream"], text: string): void {
        this.lines.push(text);
        this.tagged.push({ stream, text });
        for (const waiter of this.waiters) {
            if (waiter.matches(text)) {
                this.waiters.delete(waiter);
                waiter.resolve(text);
            }
        }
    }

    /**
     * Resolves with the first matching line at index `since` or later (already recorded or future).
     *
     * @param match - what to wait for
     * @param timeoutMs - upper bound on the wait
     * @param since - index of the first line to consider
     * @param running - whether the host can still print (rejects at once when it cannot)
     */
    waitFor(match: OutputMatcher, timeoutMs: number, since: number, running: () => boolean): Promise<string> {
        const matches = toMatcher(match);
        const found = this.lines.slice(since).find(matches);
        if (found !== undefined) {
            return Promise.resolve(found);
        }
        if (!running()) {
            return Promise.reject(new Error(`provider host has exited; no output line matched ${String(match)}`));
        }
        return new Promise((resolve, reject) => {
            const waiter: OutputWaiter = {
                matches,
                resolve: (line) => {
                    clearTimeout(timer);
                    resolve(line);
                },
                reject: (error) => {
                    clearTimeout(timer);
                    reject(error);
                },
            };
            const timer = setTimeout(() => {
                this.waiters.delete(waiter);
                reject(new Error(`no provider host output line matched ${String(match)} within ${timeoutMs} ms`));
            }, timeoutMs);
            this.waiters.add(waiter);
        });
    }

    /**
     * Rejects every pending wait.
     *
     * @param reason - the message of the rejection
     */
    failWaiters(reason: string): void {
        for (const waiter of this.waiters) {
            waiter.reject(new Error(reason));
        }
        this.waiters.clear();
    }
}

/**
 * Records what `child` prints into `output`, except its first stdout line (the port line), which
 * goes to `onFirstLine`. When the child exits, unterminated last lines are recorded and pending
 * waits are rejected.
 *
 * @param child - a host whose stdout and stderr are utf8 pipes
 * @param output - where the lines go
 * @param onFirstLine - receives the first stdout line
 */
export function captureHostOutput(child: ChildProcess, output: HostOutput, onFirstLine: (line: string) => void): void {
    const stdoutLines = new LineSplitter();
    const stderrLines = new LineSplitter();
    let sawFirstLine = false;
    const record = (stream: HostOutputLine["stream"], lines: readonly string[]): void => {
        for (const line of lines) {
            output.add(stream, line);
        }
    };

    child.stdout?.on("data", (chunk: string) => {
        for (const line of stdoutLines.push(chunk)) {
            if (sawFirstLine) {
                output.add("stdout", line);
            } else {
                sawFirstLine = true;
                onFirstLine(line);
            }
        }
    });
    child.stderr?.on("data", (chunk: string) => record("stderr", stderrLines.push(chunk)));
    child.once("exit", (code, signal) => {
        record("stdout", stdoutLines.flush());
        record("stderr", stderrLines.flush());
        output.failWaiters(`the provider host exited (code ${String(code)}, signal ${String(signal)})`);
    });
}
