/**
 * Child processes that cannot outlive the process that started them.
 *
 * Two mechanisms, because neither alone is enough:
 * - the child runs {@link PARENT_WATCHDOG_SOURCE} first: it exits when its stdin reaches EOF,
 *   which happens when the parent closes the pipe OR dies in any way (even SIGKILL, e.g. a jest
 *   worker killed at the end of a run);
 * - the parent SIGKILLs every live child from a `process.on("exit")` hook, for children that do
 *   not read stdin any more (e.g. stuck in a synchronous loop).
 *
 * @packageDocumentation
 */
import type { ChildProcess } from "child_process";

/**
 * JavaScript run in a child before anything else: exit as soon as stdin ends (the parent closed
 * it or died). stdin is unref'd so it never keeps the child alive on its own.
 */
export const PARENT_WATCHDOG_SOURCE =
    'process.stdin.on("end",()=>process.exit(0));process.stdin.on("error",()=>process.exit(0));' +
    "process.stdin.resume();process.stdin.unref();";

const liveChildren = new Set<ChildProcess>();

function killLiveChildren(): void {
    for (const child of liveChildren) {
        try {
            child.kill("SIGKILL");
        } catch {
            // already gone
        }
    }
}

/**
 * Registers a child so that it is SIGKILLed if this process exits while it is still running.
 * The exit hook is installed only while at least one tracked child is alive.
 *
 * @param child - a freshly spawned child process
 */
export function trackChild(child: ChildProcess): void {
    if (liveChildren.size === 0) {
        process.on("exit", killLiveChildren);
    }
    liveChildren.add(child);
    child.once("exit", () => {
        liveChildren.delete(child);
        if (liveChildren.size === 0) {
            process.removeListener("exit", killLiveChildren);
        }
    });
}

/** True while the child has neither exited nor been reported as killed by a signal. */
export function isRunning(child: ChildProcess): boolean {
    return child.exitCode === null && child.signalCode === null;
}

/**
 * Waits at most `timeoutMs` for the child to exit.
 *
 * @param child - the child process
 * @param timeoutMs - upper bound on the wait
 * @returns true when the child has exited
 */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
    if (!isRunning(child)) {
        return Promise.resolve(true);
    }
    return new Promise((resolve) => {
        const onExit = (): void => {
            clearTimeout(timer);
            resolve(true);
        };
        const timer = setTimeout(() => {
            child.removeListener("exit", onExit);
            resolve(!isRunning(child));
        }, timeoutMs);
        child.once("exit", onExit);
    });
}

/**
 * Ends a child: closes its stdin (the watchdog exits on EOF), then SIGTERM, then SIGKILL, each
 * step bounded by `stepTimeoutMs`.
 *
 * @param child - the child process
 * @param stepTimeoutMs - how long each step may take
 * @throws Error when the child is still running after SIGKILL
 */
export async function terminate(child: ChildProcess, stepTimeoutMs = 2000): Promise<void> {
    child.stdin?.end();
    if (await waitForExit(child, stepTimeoutMs)) {
        return;
    }
    child.kill("SIGTERM");
    if (await waitForExit(child, stepTimeoutMs)) {
        return;
    }
    child.kill("SIGKILL");
    if (!(await waitForExit(child, stepTimeoutMs))) {
        throw new Error(`process ${String(child.pid)} is still running after SIGKILL`);
    }
}

/** Splits a byte stream into lines (`\n` or `\r\n`), keeping an incomplete last line buffered. */
export class LineSplitter {
    private pending = "";

    /**
     * Adds a chunk and returns the lines it completed.
     *
     * @param chunk - text read from the stream
     */
    push(chunk: string): string[] {
        this.pending += chunk;
        const parts = this.pending.split("\n");
        this.pending = parts.pop() ?? "";
        return parts.map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
    }

    /** Returns the incomplete last line, if any, and clears the buffer. */
    flush(): string[] {
        const rest = this.pending;
        this.pending = "";
        return rest === "" ? [] : [rest];
    }
}
