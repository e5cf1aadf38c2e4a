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
 * This module declares {@link ProviderHost} and gathers the host's API: the process is in
 * ./hostProcess, the calls in ./providerRpc, the messages in ./providerRequests and
 * ./providerResults.
 *
 * @packageDocumentation
 */
import type { HostOutputLine, OutputMatcher, WaitForOutputOptions } from "./hostOutput";
import type { CheckResult, ConfigureResult, CreateResult, DiffResult, ReadResult, UpdateResult } from "./providerResults";

export type { HostOutputLine, OutputMatcher, WaitForOutputOptions } from "./hostOutput";
export type { CheckFailure, CheckResult, ConfigureResult, CreateResult, DiffResult, ReadResult, UpdateResult } from "./providerResults";
export { providerHostArgs } from "./spawnProviderHost";
export { startProviderHost, type ProviderHostOptions } from "./startProviderHost";

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
    checkConfig(olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>): Promise<CheckResult | undefined>;
    /**
     * Configure with the FULL stack config, keys namespaced (`"pim-alerts:armEndpoint"`), secret
     * values wrapped with `secret()`. The host applies it to each distinct `__provider` text the
     * first time that text is used, so configure before the first resource call, like the engine.
     */
    configure(config: Readonly<Record<string, unknown>>): Promise<ConfigureResult>;
    /** Check: validate `news` (which must contain `__provider`) against `olds` (`{}` on create). */
    check(type: string, name: string, olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>): Promise<CheckResult>;
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
    delete(type: string, name: string, id: string, properties: Readonly<Record<string, unknown>>, oldInputs?: Readonly<Record<string, unknown>>): Promise<void>;
    /** Closes the connection and ends the host process (bounded); safe to call twice. */
    stop(): Promise<void>;
}
