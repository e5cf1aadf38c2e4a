/**
 * The {@link ProviderHost} that {@link startProviderHost} returns: a host process and a client of
 * it, with the engine's rule that Configure comes before any resource call.
 *
 * @packageDocumentation
 */
import { ProviderCallError } from "./errors";
import type { HostOutputLine, OutputMatcher, WaitForOutputOptions } from "./hostOutput";
import type { HostProcess } from "./hostProcess";
import type { ProviderHost } from "./providerHost";
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
import { GRPC_UNIMPLEMENTED, type ProviderRpc } from "./providerRpc";
import type { ProviderSdk } from "./sdk";
import { makeUrn } from "./urn";

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

    async diff(type: string, name: string, id: string, olds: Properties, news: Properties, oldInputs?: Properties): Promise<DiffResult> {
        this.requireConfigured("diff");
        const response = await this.rpc.call("diff", this.requests.diff(type, name, id, olds, news, oldInputs));
        return diffResult(response, this.sdk.diffChanges);
    }

    async create(type: string, name: string, properties: Properties): Promise<CreateResult> {
        this.requireConfigured("create");
        return createResult(await this.rpc.call("create", this.requests.create(type, name, properties)));
    }

    async read(type: string, name: string, id: string, properties: Properties, inputs?: Properties): Promise<ReadResult> {
        this.requireConfigured("read");
        return readResult(await this.rpc.call("read", this.requests.read(type, name, id, properties, inputs)));
    }

    async update(type: string, name: string, id: string, olds: Properties, news: Properties, oldInputs?: Properties): Promise<UpdateResult> {
        this.requireConfigured("update");
        return updateResult(await this.rpc.call("update", this.requests.update(type, name, id, olds, news, oldInputs)));
    }

    async delete(type: string, name: string, id: string, properties: Properties, oldInputs?: Properties): Promise<void> {
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
