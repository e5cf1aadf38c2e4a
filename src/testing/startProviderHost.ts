/**
 * Starting a {@link ProviderHost} the way the Pulumi engine does.
 *
 * @packageDocumentation
 */
import { startHostProcess } from "./hostProcess";
import type { ProviderHost } from "./providerHost";
import { ProviderRpc } from "./providerRpc";
import { RunningProviderHost } from "./runningProviderHost";
import { loadProviderSdk } from "./sdk";
import { DEFAULT_PROJECT, DEFAULT_STACK, readProjectName } from "./urn";

/** Options of {@link startProviderHost}. */
export interface ProviderHostOptions {
    /**
     * The Pulumi program directory. It is the host's working directory, and @pulumi/pulumi (with
     * its gRPC and protobuf libraries) is resolved from it, as the engine does: `require()` calls
     * inside `__provider` resolve from here.
     */
    readonly cwd: string;
    /** Extra environment variables for the host (added to this process's environment). */
    readonly env?: Readonly<Record<string, string>>;
    /** Upper bound on the wait for the port line. Default 20 000 ms. */
    readonly startTimeoutMs?: number;
    /** Deadline of every RPC. Default 30 000 ms. */
    readonly callTimeoutMs?: number;
    /** Upper bound on each step of {@link ProviderHost.stop} (stdin EOF, SIGTERM, SIGKILL). Default 2 000 ms. */
    readonly stopTimeoutMs?: number;
    /** The `<engineAddress>` argument: required by the host, never dialled. Default `127.0.0.1:1`. */
    readonly engineAddress?: string;
    /** Project name used in URNs. Default: `name` from `<cwd>/Pulumi.yaml`, else `"project"`. */
    readonly project?: string;
    /** Stack name used in URNs. Default `"dev"`. */
    readonly stack?: string;
    /**
     * When given, the engine's start-up sequence runs before `startProviderHost` resolves:
     * GetPluginInfo, CheckConfig, Configure with this config.
     */
    readonly config?: Readonly<Record<string, unknown>>;
}
const DEFAULT_START_TIMEOUT_MS = 20_000;
const DEFAULT_CALL_TIMEOUT_MS = 30_000;
const DEFAULT_STOP_TIMEOUT_MS = 2_000;

/**
 * Starts the dynamic-provider host of the @pulumi/pulumi installed for the program in `cwd`,
 * the way the Pulumi engine does, and returns a typed client of it.
 *
 * The host exits when {@link ProviderHost.stop} is called, and also when this process exits or
 * dies (it watches its stdin pipe); it does not keep this process alive by itself. Every wait is
 * bounded.
 *
 * @param options - see {@link ProviderHostOptions}
 * @throws ProviderHostStartError when the host exits, prints something other than a port, or
 *   prints nothing within `startTimeoutMs`
 */
export async function startProviderHost(options: ProviderHostOptions): Promise<ProviderHost> {
    const sdk = loadProviderSdk(options.cwd);
    const hostProcess = await startHostProcess({
        hostScript: sdk.hostScript,
        engineAddress: options.engineAddress ?? "127.0.0.1:1",
        cwd: options.cwd,
        env: options.env,
        startTimeoutMs: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
        stopTimeoutMs: options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS,
    });
    const host = new RunningProviderHost(
        sdk,
        hostProcess,
        new ProviderRpc(sdk, sdk.createClient(`127.0.0.1:${hostProcess.port}`), options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS),
        options.project ?? readProjectName(options.cwd) ?? DEFAULT_PROJECT,
        options.stack ?? DEFAULT_STACK,
    );

    if (options.config !== undefined) {
        try {
            await host.getPluginInfo();
            await host.checkConfig({}, options.config);
            await host.configure(options.config);
        } catch (error) {
            await host.stop().catch(() => undefined);
            throw error;
        }
    }
    return host;
}
