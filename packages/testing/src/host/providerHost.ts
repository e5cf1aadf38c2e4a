/**
 * The engine side of Pulumi's Node.js dynamic-provider protocol, without the Pulumi CLI.
 *
 * For resources of package `pulumi-nodejs` the engine starts
 * `node <@pulumi/pulumi/cmd/dynamic-provider/index.js> <engineAddress>` with the Pulumi project as
 * working directory, reads the gRPC port from the first stdout line and speaks
 * `pulumirpc.ResourceProvider` to it: GetPluginInfo, CheckConfig (UNIMPLEMENTED, tolerated),
 * Configure (the full stack config), then Check / Diff / Create / Read / Update / Delete, each
 * carrying the serialized provider in the `__provider` property. {@link startProviderHost} does
 * the same, so a test exercises the code path a user's `pulumi up` exercises.
 *
 * This module declares {@link ProviderHost}, starts one ({@link startProviderHost}) and implements
 * it: the process is in ./hostProcess, the calls in ./providerRpc, the messages in
 * ./providerRequests and ./providerResults.
 *
 * @packageDocumentation
 */
import { ProviderCallError } from "../errors";
import { startHostProcess, type HostProcess } from "./hostProcess";
import type { HostOutputLine, OutputMatcher, WaitForOutputOptions } from "./hostOutput";
import { ProviderRequests } from "./providerRequests";
import {
    checkResult,
    configureResult,
    createResult,
    diffResult,
    readResult,
    updateResult,
    type CheckResult,
    type ConfigureResult,
    type CreateResult,
    type DiffResult,
    type ReadResult,
    type UpdateResult,
} from "./providerResults";
import { GRPC_UNIMPLEMENTED, ProviderRpc } from "./providerRpc";
import { loadProviderSdk, type ProviderSdk } from "./sdk";
import { DEFAULT_PROJECT, DEFAULT_STACK, makeUrn, readProjectName } from "./urn";

export type { HostOutputLine, OutputMatcher, WaitForOutputOptions } from "./hostOutput";
export type {
    CheckFailure,
    CheckResult,
    ConfigureResult,
    CreateResult,
    DiffResult,
    ReadResult,
    UpdateResult,
} from "./providerResults";
export { providerHostArgs } from "./hostProcess";

/** A running dynamic-provider host and a typed client of it. */
export interface ProviderHost {
    /** Process id of the host. */
    readonly pid: number;
    /** The gRPC port the host printed. */
    readonly port: number;
    /** `127.0.0.1:<port>`. */
    readonly address: string;
    /** Version of the @pulumi/pulumi the host runs. */
    readonly pulumiVersion: string;
    /** Project name used in URNs. */
    readonly project: string;
    /** Stack name used in URNs. */
    readonly stack: string;
    /** Milliseconds from spawn to the port line. */
    readonly startupMs: number;
    /**
     * Every line the host printed on stdout (after the port line) and stderr, in arrival order.
     * Scan it for leaked secrets.
     */
    readonly output: readonly string[];
    /** The same lines, tagged with their stream. */
    readonly outputLines: readonly HostOutputLine[];
    /** True until the host process has exited. */
    isRunning(): boolean;
    /**
     * Resolves true once the host process has exited and all its output is in
     * {@link ProviderHost.output}; false after `timeoutMs` (default 5 000).
     */
    waitForExit(timeoutMs?: number): Promise<boolean>;
    /**
     * Resolves with the first matching output line at index `since` or later of
     * {@link ProviderHost.output} (already printed or future); rejects after `timeoutMs`
     * (default 5 000) or when the host exits first. To wait for a line caused by an action, take
     * `since = host.output.length` before the action.
     */
    waitForOutput(match: OutputMatcher, options?: WaitForOutputOptions): Promise<string>;
    /** The URN the engine would use for a top-level resource. */
    urn(type: string, name: string): string;
    /** GetPluginInfo: the SDK version the host reports. */
    getPluginInfo(): Promise<{ readonly version: string }>;
    /**
     * CheckConfig. The dynamic host answers UNIMPLEMENTED, which the engine tolerates: this
     * method then resolves `undefined`.
     */
    checkConfig(
        olds: Readonly<Record<string, unknown>>,
        news: Readonly<Record<string, unknown>>,
    ): Promise<CheckResult | undefined>;
    /**
     * Configure with the FULL stack config, keys namespaced (`"pim-alerts:armEndpoint"`), secret
     * values wrapped with `secret()`. The host applies it to each distinct `__provider` text the
     * first time that text is used, so configure before the first resource call, like the engine.
     */
    configure(config: Readonly<Record<string, unknown>>): Promise<ConfigureResult>;
    /** Check: validate `news` (which must contain `__provider`) against `olds` (`{}` on create). */
    check(
        type: string,
        name: string,
        olds: Readonly<Record<string, unknown>>,
        news: Readonly<Record<string, unknown>>,
    ): Promise<CheckResult>;
    /** Diff: `olds` is the old STATE (outputs), `news` the checked new inputs. */
    diff(
        type: string,
        name: string,
        id: string,
        olds: Readonly<Record<string, unknown>>,
        news: Readonly<Record<string, unknown>>,
        oldInputs?: Readonly<Record<string, unknown>>,
    ): Promise<DiffResult>;
    /** Create from checked inputs. */
    create(type: string, name: string, properties: Readonly<Record<string, unknown>>): Promise<CreateResult>;
    /** Read (refresh): `properties` is the current state, `inputs` the current inputs. */
    read(
        type: string,
        name: string,
        id: string,
        properties: Readonly<Record<string, unknown>>,
        inputs?: Readonly<Record<string, unknown>>,
    ): Promise<ReadResult>;
    /** Update: `olds` is the old STATE, `news` the checked new inputs. */
    update(
        type: string,
        name: string,
        id: string,
        olds: Readonly<Record<string, unknown>>,
        news: Readonly<Record<string, unknown>>,
        oldInputs?: Readonly<Record<string, unknown>>,
    ): Promise<UpdateResult>;
    /** Delete: `properties` is the current state. */
    delete(
        type: string,
        name: string,
        id: string,
        properties: Readonly<Record<string, unknown>>,
        oldInputs?: Readonly<Record<string, unknown>>,
    ): Promise<void>;
    /** Closes the connection and ends the host process (bounded); safe to call twice. */
    stop(): Promise<void>;
}

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
        new ProviderRpc(
            sdk,
            sdk.createClient(`127.0.0.1:${hostProcess.port}`),
            options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
        ),
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

/** Property values as a test passes them. */
type Properties = Readonly<Record<string, unknown>>;

/** A started host and a typed client of it; see {@link ProviderHost} for each member. */
export class RunningProviderHost implements ProviderHost {
    readonly pid: number;
    readonly port: number;
    readonly address: string;
    readonly startupMs: number;
    private readonly requests: ProviderRequests;
    private configured = false;
    private stopping: Promise<void> | undefined;

    /**
     * @param sdk - the @pulumi/pulumi the host runs
     * @param hostProcess - the host process
     * @param rpc - a client of it
     * @param project - project name used in URNs
     * @param stack - stack name used in URNs
     */
    constructor(
        private readonly sdk: ProviderSdk,
        private readonly hostProcess: HostProcess,
        private readonly rpc: ProviderRpc,
        readonly project: string,
        readonly stack: string,
    ) {
        this.pid = hostProcess.pid;
        this.port = hostProcess.port;
        this.address = `127.0.0.1:${hostProcess.port}`;
        this.startupMs = hostProcess.startupMs;
        this.requests = new ProviderRequests(sdk, (type, name) => this.urn(type, name));
    }

    get pulumiVersion(): string {
        return this.sdk.pulumiVersion;
    }

    get output(): readonly string[] {
        return this.hostProcess.output.lines;
    }

    get outputLines(): readonly HostOutputLine[] {
        return this.hostProcess.output.tagged;
    }

    isRunning(): boolean {
        return this.hostProcess.isRunning();
    }

    waitForExit(timeoutMs = 5_000): Promise<boolean> {
        return this.hostProcess.waitForExit(timeoutMs);
    }

    waitForOutput(match: OutputMatcher, options?: WaitForOutputOptions): Promise<string> {
        return this.hostProcess.waitForOutput(match, options);
    }

    urn(type: string, name: string): string {
        return makeUrn(this.stack, this.project, type, name);
    }

    async getPluginInfo(): Promise<{ readonly version: string }> {
        const info = await this.rpc.call("getPluginInfo", new this.sdk.Empty());
        return { version: info.getVersion() };
    }

    async checkConfig(olds: Properties, news: Properties): Promise<CheckResult | undefined> {
        const request = this.requests.check("pulumi:providers:pulumi-nodejs", "default", olds, news);
        try {
            return checkResult(await this.rpc.call("checkConfig", request));
        } catch (error) {
            if (error instanceof ProviderCallError && error.code === GRPC_UNIMPLEMENTED) {
                return undefined;
            }
            throw error;
        }
    }

    async configure(config: Properties): Promise<ConfigureResult> {
        const response = await this.rpc.call("configure", this.requests.configure(config));
        this.configured = true;
        return configureResult(response);
    }

    async check(type: string, name: string, olds: Properties, news: Properties): Promise<CheckResult> {
        this.requireConfigured("check");
        return checkResult(await this.rpc.call("check", this.requests.check(type, name, olds, news)));
    }

    async diff(
        type: string,
        name: string,
        id: string,
        olds: Properties,
        news: Properties,
        oldInputs?: Properties,
    ): Promise<DiffResult> {
        this.requireConfigured("diff");
        const response = await this.rpc.call("diff", this.requests.diff(type, name, id, olds, news, oldInputs));
        return diffResult(response, this.sdk.diffChanges);
    }

    async create(type: string, name: string, properties: Properties): Promise<CreateResult> {
        this.requireConfigured("create");
        return createResult(await this.rpc.call("create", this.requests.create(type, name, properties)));
    }

    async read(
        type: string,
        name: string,
        id: string,
        properties: Properties,
        inputs?: Properties,
    ): Promise<ReadResult> {
        this.requireConfigured("read");
        return readResult(await this.rpc.call("read", this.requests.read(type, name, id, properties, inputs)));
    }

    async update(
        type: string,
        name: string,
        id: string,
        olds: Properties,
        news: Properties,
        oldInputs?: Properties,
    ): Promise<UpdateResult> {
        this.requireConfigured("update");
        return updateResult(await this.rpc.call("update", this.requests.update(type, name, id, olds, news, oldInputs)));
    }

    async delete(
        type: string,
        name: string,
        id: string,
        properties: Properties,
        oldInputs?: Properties,
    ): Promise<void> {
        this.requireConfigured("delete");
        await this.rpc.call("delete", this.requests.delete(type, name, id, properties, oldInputs));
    }

    stop(): Promise<void> {
        this.stopping ??= (async () => {
            this.rpc.close();
            await this.hostProcess.stop();
        })();
        return this.stopping;
    }

    private requireConfigured(method: string): void {
        if (!this.configured) {
            throw new Error(
                `${method}: configure() has not been called. The engine always sends Configure (the stack config) ` +
                    "before any resource call; without it the host's provider.configure() receives no config.",
            );
        }
    }
}
