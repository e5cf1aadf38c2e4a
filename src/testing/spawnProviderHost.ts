/**
 * Spawning @pulumi/pulumi's dynamic-provider host the way the engine does:
 * `node <hostScript> <engineAddress>` in the program directory, behind a parent watchdog.
 *
 * @packageDocumentation
 */
import { spawn, type ChildProcess } from "child_process";
import { PARENT_WATCHDOG_SOURCE, trackChild } from "./childProcess";
import type { startProviderHost } from "./startProviderHost"; // for {@link}

/** Runs the watchdog, then the host script named by argv[1], leaving argv as `node <script> <engine>`. */
const HOST_BOOTSTRAP = `${PARENT_WATCHDOG_SOURCE}require(process.argv[1]);`;

/**
 * The `node` arguments {@link startProviderHost} uses: the engine's
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
