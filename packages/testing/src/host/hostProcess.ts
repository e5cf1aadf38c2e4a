/**
 * The dynamic-provider host as a process: spawned the way the engine does
 * (`node <hostScript> <engineAddress>` in the program directory, behind a parent watchdog), started
 * until it prints its gRPC port, its output captured, and stopped within bounds.
 *
 * @packageDocumentation
 */
import { spawn, type ChildProcess } from "child_process";
import { PARENT_WATCHDOG_SOURCE, isRunning, terminate, trackChild } from "../childProcess";
import { ProviderHostStartError } from "../errors";
import { HostOutput, captureHostOutput, type OutputMatcher, type WaitForOutputOptions } from "./hostOutput";

/** Runs the watchdog, then the host script named by argv[1], leaving argv as `node <script> <engine>`. */
const HOST_BOOTSTRAP = `${PARENT_WATCHDOG_SOURCE}require(process.argv[1]);`;

/**
 * The `node` arguments `startProviderHost` uses: the engine's
 * `node <hostScript> <engineAddress>`, preceded by a parent watchdog (`-e`) that ends the host
 * when its stdin closes. Inside the host, `process.argv` is exactly `[node, hostScript, engineAddress]`.
 *
 * @param hostScript - absolute path of `@pulumi/pulumi/cmd/dynamic-provider/index.js`
 * @param engineAddress - the engine address argument
 */
export function providerHostArgs(hostScript: string, engineAddress: string): string[] {
    return ["-e", HOST_BOOTSTRAP, hostScript, engineAddress];
}

/** Lets this process exit while the child runs: every wait of the kit holds its own timer. */
function unrefChild(child: ChildProcess): void {
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) {
        const handle: unknown = stream;
        if (typeof handle === "object" && handle !== null && "unref" in handle && typeof handle.unref === "function") {
            (handle.unref as () => void).call(handle);
        }
    }
}

/** What {@link spawnProviderHost} needs. */
export interface SpawnProviderHostOptions {
    /** Absolute path of `@pulumi/pulumi/cmd/dynamic-provider/index.js`. */
    readonly hostScript: string;
    /** The `<engineAddress>` argument. */
    readonly engineAddress: string;
    /** The Pulumi program directory: the host's working directory. */
    readonly cwd: string;
    /** Extra environment variables (added to this process's environment). */
    readonly env: Readonly<Record<string, string>> | undefined;
}

/**
 * Spawns the host with piped stdio (stdout and stderr decoded as utf8). The child is killed if
 * this process exits, and does not keep this process alive by itself.
 *
 * @param options - see {@link SpawnProviderHostOptions}
 */
export function spawnProviderHost(options: SpawnProviderHostOptions): ChildProcess {
    const child = spawn(process.execPath, providerHostArgs(options.hostScript, options.engineAddress), {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        stdio: ["pipe", "pipe", "pipe"],
    });
    trackChild(child);
    // A host that a test forgets to stop must not keep the test process alive; it dies with it.
    unrefChild(child);
    child.stdout?.setEncoding("utf8");
    child.stderr?.setEncoding("utf8");
    return child;
}

const DEFAULT_WAIT_FOR_OUTPUT_MS = 5_000;

/** A host process that printed its port. */
export class HostProcess {
    /** Process id of the host (`-1` when the OS gave none). */
    readonly pid: number;
    private readonly closed: Promise<void>;

    /**
     * @param child - the host process
     * @param output - its captured output
     * @param port - the gRPC port it printed
     * @param startupMs - milliseconds from spawn to the port line
     * @param stopTimeoutMs - upper bound on each step of {@link HostProcess.stop}
     */
    constructor(
        private readonly child: ChildProcess,
        readonly output: HostOutput,
        readonly port: number,
        readonly startupMs: number,
        private readonly stopTimeoutMs: number,
    ) {
        this.pid = child.pid ?? -1;
        // "close" comes after "exit" once stdout and stderr have ended: the output is then complete.
        this.closed = new Promise((resolve) => {
            if (!isRunning(child) && child.stdout?.readableEnded !== false) resolve();
            else child.once("close", () => resolve());
        });
    }

    /** Resolves true once the process has exited and all its output is in; false after `timeoutMs`. */
    waitForExit(timeoutMs: number): Promise<boolean> {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
        return Promise.race([this.closed.then(() => true), timeout]).finally(() => clearTimeout(timer));
    }

    /** True until the process has exited. */
    isRunning(): boolean {
        return isRunning(this.child);
    }

    /**
     * Resolves with the first matching output line at index `since` or later; rejects after
     * `timeoutMs` (default 5 000) or when the process exits first.
     *
     * @param match - what to wait for
     * @param options - see {@link WaitForOutputOptions}
     */
    waitForOutput(match: OutputMatcher, options: WaitForOutputOptions = {}): Promise<string> {
        const { timeoutMs = DEFAULT_WAIT_FOR_OUTPUT_MS, since = 0 } = options;
        return this.output.waitFor(match, timeoutMs, since, () => this.isRunning());
    }

    /** Ends the process (stdin EOF, SIGTERM, SIGKILL, each bounded) and rejects pending waits. */
    async stop(): Promise<void> {
        try {
            await terminate(this.child, this.stopTimeoutMs);
        } finally {
            this.output.failWaiters("the provider host was stopped");
        }
    }
}

/** Options of {@link startHostProcess}. */
export interface HostProcessOptions extends SpawnProviderHostOptions {
    /** Upper bound on the wait for the port line. */
    readonly startTimeoutMs: number;
    /** Upper bound on each step of stopping the process. */
    readonly stopTimeoutMs: number;
}

/** Resolves with the first stdout line; rejects when the host fails to start, exits or times out. */
function readPortLine(child: ChildProcess, output: HostOutput, timeoutMs: number): Promise<string> {
    return new Promise<string>((resolve, reject) => {
        const fail = (message: string): void => reject(new ProviderHostStartError(message, output.lines));
        const timer = setTimeout(() => fail(`the provider host printed no port within ${timeoutMs} ms`), timeoutMs);
        captureHostOutput(child, output, (line) => {
            clearTimeout(timer);
            resolve(line);
        });
        child.once("error", (error) => {
            clearTimeout(timer);
            fail(`the provider host could not be started: ${error.message}`);
        });
        child.once("exit", (code, signal) => {
            clearTimeout(timer);
            // Let pending stderr data land in `output` before reporting.
            setImmediate(() =>
                fail(
                    `the provider host exited (code ${String(code)}, signal ${String(signal)}) before printing its port`,
                ),
            );
        });
    });
}

function parsePort(line: string, output: HostOutput): number {
    if (!/^\d+$/.test(line.trim())) {
        throw new ProviderHostStartError(
            `the provider host's first stdout line is not a port: ${JSON.stringify(line)}`,
            output.lines,
        );
    }
    return Number(line.trim());
}

/**
 * Spawns the host and waits for its port line.
 *
 * @param options - see {@link HostProcessOptions}
 * @throws ProviderHostStartError when the host exits, prints something other than a port, or
 *   prints nothing within `startTimeoutMs` (the process is then ended)
 */
export async function startHostProcess(options: HostProcessOptions): Promise<HostProcess> {
    const output = new HostOutput();
    const startedAt = Date.now();
    const child = spawnProviderHost(options);
    let port: number;
    try {
        port = parsePort(await readPortLine(child, output, options.startTimeoutMs), output);
    } catch (error) {
        await terminate(child, options.stopTimeoutMs).catch(() => undefined);
        throw error;
    }
    return new HostProcess(child, output, port, Date.now() - startedAt, options.stopTimeoutMs);
}
