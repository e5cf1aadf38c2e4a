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
 * @packageDocumentation
 */
import { spawn, type ChildProcess } from "child_process";
import { randomBytes } from "crypto";
import { LineSplitter, PARENT_WATCHDOG_SOURCE, isRunning, terminate, trackChild } from "./childProcess";
import { ProviderCallError, ProviderHostStartError } from "./errors";
import { loadProviderSdk, type ProviderSdk, type ResourceProviderClient, type UnaryMethod } from "./sdk";
import { decodeStruct, encodeStruct, type JsonObject } from "./struct";
import { DEFAULT_PROJECT, DEFAULT_STACK, makeUrn, readProjectName } from "./urn";

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

/** One line the host printed. */
export interface HostOutputLine {
    /** The stream it was printed on. */
    readonly stream: "stdout" | "stderr";
    /** The line, without its line terminator. */
    readonly text: string;
}

/** A property that failed validation in `check`. */
export interface CheckFailure {
    /** The property name the provider reported. */
    readonly property: string;
    /** Why it failed. */
    readonly reason: string;
}

/** Result of `check`. */
export interface CheckResult {
    /** The checked inputs (including `__provider`, which the host always copies from `news`). */
    readonly inputs: JsonObject;
    /** Validation failures; empty when the inputs are valid. */
    readonly failures: readonly CheckFailure[];
}

/** Result of `diff`. The Node dynamic provider has no property-level detailed diff. */
export interface DiffResult {
    /** Whether the provider reported changes. */
    readonly changes: "none" | "some" | "unknown";
    /** Properties whose change requires replacement. */
    readonly replaces: readonly string[];
    /** Properties the provider declared stable. */
    readonly stables: readonly string[];
    /** Whether the old resource must be deleted before its replacement is created. */
    readonly deleteBeforeReplace: boolean;
}

/** Result of `create`. */
export interface CreateResult {
    /** The new resource's id. */
    readonly id: string;
    /** The whole state (`outs` plus `__provider`): inputs are NOT merged in. */
    readonly properties: JsonObject;
}

/** Result of `read`. */
export interface ReadResult {
    /** The id read back; `""` means the resource no longer exists. */
    readonly id: string;
    /** The refreshed state (plus `__provider`). */
    readonly properties: JsonObject;
    /** The inputs the provider returned (plus `__provider`), or `undefined` when it returned none. */
    readonly inputs: JsonObject | undefined;
}

/** Result of `update`. */
export interface UpdateResult {
    /** The whole new state (`outs` plus `__provider`). */
    readonly properties: JsonObject;
}

/** Result of `configure`. */
export interface ConfigureResult {
    /** Whether the provider accepts secrets (the dynamic host says false). */
    readonly acceptSecrets: boolean;
    /** Whether the provider supports preview (the dynamic host says false). */
    readonly supportsPreview: boolean;
}

/** What to wait for in the host's output: a substring, a pattern or a predicate. */
export type OutputMatcher = string | RegExp | ((line: string) => boolean);

/** Options of {@link ProviderHost.waitForOutput}. */
export interface WaitForOutputOptions {
    /** Upper bound on the wait. Default 5 000 ms. */
    readonly timeoutMs?: number;
    /** Ignore lines before this index of {@link ProviderHost.output}. Default 0. */
    readonly since?: number;
}

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

const DEFAULT_START_TIMEOUT_MS = 20_000;
const DEFAULT_CALL_TIMEOUT_MS = 30_000;
const DEFAULT_STOP_TIMEOUT_MS = 2_000;
const DEFAULT_WAIT_FOR_OUTPUT_MS = 5_000;
const GRPC_UNIMPLEMENTED = 12;

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

/** Lets this process exit while the child runs: every wait of this module holds its own timer. */
function unrefChild(child: ChildProcess): void {
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) {
        const handle: unknown = stream;
        if (typeof handle === "object" && handle !== null && "unref" in handle && typeof handle.unref === "function") {
            (handle.unref as () => void).call(handle);
        }
    }
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

class HostOutput {
    readonly lines: string[] = [];
    readonly tagged: HostOutputLine[] = [];
    private readonly waiters = new Set<OutputWaiter>();

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

    failWaiters(reason: string): void {
        for (const waiter of this.waiters) {
            waiter.reject(new Error(reason));
        }
        this.waiters.clear();
    }
}

class RunningProviderHost implements ProviderHost {
    readonly address: string;
    private configured = false;
    private stopping: Promise<void> | undefined;

    constructor(
        private readonly sdk: ProviderSdk,
        private readonly child: ChildProcess,
        private readonly client: ResourceProviderClient,
        private readonly hostOutput: HostOutput,
        readonly pid: number,
        readonly port: number,
        readonly project: string,
        readonly stack: string,
        readonly startupMs: number,
        private readonly callTimeoutMs: number,
        private readonly stopTimeoutMs: number,
    ) {
        this.address = `127.0.0.1:${port}`;
    }

    get pulumiVersion(): string {
        return this.sdk.pulumiVersion;
    }

    get output(): readonly string[] {
        return this.hostOutput.lines;
    }

    get outputLines(): readonly HostOutputLine[] {
        return this.hostOutput.tagged;
    }

    isRunning(): boolean {
        return isRunning(this.child);
    }

    waitForOutput(match: OutputMatcher, options: WaitForOutputOptions = {}): Promise<string> {
        const { timeoutMs = DEFAULT_WAIT_FOR_OUTPUT_MS, since = 0 } = options;
        return this.hostOutput.waitFor(match, timeoutMs, since, () => this.isRunning());
    }

    urn(type: string, name: string): string {
        return makeUrn(this.stack, this.project, type, name);
    }

    private invoke<Req, Res>(method: string, fn: UnaryMethod<Req, Res>, request: Req): Promise<Res> {
        if (this.stopping !== undefined) {
            return Promise.reject(new Error(`${method}: the provider host has been stopped`));
        }
        return new Promise<Res>((resolve, reject) => {
            const deadline = new Date(Date.now() + this.callTimeoutMs);
            fn.call(this.client, request, this.sdk.createMetadata(), { deadline }, (error, response) => {
                if (error !== null) {
                    const details = typeof error.details === "string" && error.details !== "" ? error.details : error.message;
                    reject(new ProviderCallError(method, error.code, details, this.sdk.readInitFailure(error.metadata)));
                } else if (response === undefined) {
                    reject(new ProviderCallError(method, 13, "the host sent no response message"));
                } else {
                    resolve(response);
                }
            });
        });
    }

    private requireConfigured(method: string): void {
        if (!this.configured) {
            throw new Error(
                `${method}: configure() has not been called. The engine always sends Configure (the stack config) ` +
                    "before any resource call; without it the host's provider.configure() receives no config.",
            );
        }
    }

    private newCheckRequest(type: string, name: string, olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>) {
        const { Struct } = this.sdk;
        return new this.sdk.messages.CheckRequest()
            .setUrn(this.urn(type, name))
            .setName(name)
            .setType(type)
            .setOlds(encodeStruct(Struct, olds, "olds"))
            .setNews(encodeStruct(Struct, news, "news"))
            .setRandomseed(randomBytes(32));
    }

    async getPluginInfo(): Promise<{ readonly version: string }> {
        const info = await this.invoke("getPluginInfo", this.client.getPluginInfo, new this.sdk.Empty());
        return { version: info.getVersion() };
    }

    async checkConfig(olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>): Promise<CheckResult | undefined> {
        const request = this.newCheckRequest("pulumi:providers:pulumi-nodejs", "default", olds, news);
        try {
            const response = await this.invoke("checkConfig", this.client.checkConfig, request);
            return {
                inputs: decodeStruct(response.getInputs()) ?? {},
                failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
            };
        } catch (error) {
            if (error instanceof ProviderCallError && error.code === GRPC_UNIMPLEMENTED) {
                return undefined;
            }
            throw error;
        }
    }

    async configure(config: Readonly<Record<string, unknown>>): Promise<ConfigureResult> {
        const request = new this.sdk.messages.ConfigureRequest()
            .setArgs(encodeStruct(this.sdk.Struct, config, "config"))
            .setAcceptsecrets(true)
            .setAcceptresources(true)
            .setSendsOldInputs(true)
            .setSendsOldInputsToDelete(true);
        const response = await this.invoke("configure", this.client.configure, request);
        this.configured = true;
        return { acceptSecrets: response.getAcceptsecrets(), supportsPreview: response.getSupportspreview() };
    }

    async check(
        type: string,
        name: string,
        olds: Readonly<Record<string, unknown>>,
        news: Readonly<Record<string, unknown>>,
    ): Promise<CheckResult> {
        this.requireConfigured("check");
        const response = await this.invoke("check", this.client.check, this.newCheckRequest(type, name, olds, news));
        return {
            inputs: decodeStruct(response.getInputs()) ?? {},
            failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
        };
    }

    async diff(
        type: string,
        name: string,
        id: string,
        olds: Readonly<Record<string, unknown>>,
        news: Readonly<Record<string, unknown>>,
        oldInputs?: Readonly<Record<string, unknown>>,
    ): Promise<DiffResult> {
        this.requireConfigured("diff");
        const { Struct } = this.sdk;
        const request = new this.sdk.messages.DiffRequest()
            .setUrn(this.urn(type, name))
            .setName(name)
            .setType(type)
            .setId(id)
            .setOlds(encodeStruct(Struct, olds, "olds"))
            .setNews(encodeStruct(Struct, news, "news"));
        if (oldInputs !== undefined) {
            request.setOldInputs(encodeStruct(Struct, oldInputs, "oldInputs"));
        }
        const response = await this.invoke("diff", this.client.diff, request);
        const code = response.getChanges();
        const { DIFF_NONE, DIFF_SOME } = this.sdk.diffChanges;
        return {
            changes: code === DIFF_SOME ? "some" : code === DIFF_NONE ? "none" : "unknown",
            replaces: response.getReplacesList(),
            stables: response.getStablesList(),
            deleteBeforeReplace: response.getDeletebeforereplace(),
        };
    }

    async create(type: string, name: string, properties: Readonly<Record<string, unknown>>): Promise<CreateResult> {
        this.requireConfigured("create");
        const request = new this.sdk.messages.CreateRequest()
            .setUrn(this.urn(type, name))
            .setName(name)
            .setType(type)
            .setProperties(encodeStruct(this.sdk.Struct, properties, "properties"));
        const response = await this.invoke("create", this.client.create, request);
        return { id: response.getId(), properties: decodeStruct(response.getProperties()) ?? {} };
    }

    async read(
        type: string,
        name: string,
        id: string,
        properties: Readonly<Record<string, unknown>>,
        inputs?: Readonly<Record<string, unknown>>,
    ): Promise<ReadResult> {
        this.requireConfigured("read");
        const { Struct } = this.sdk;
        const request = new this.sdk.messages.ReadRequest()
            .setUrn(this.urn(type, name))
            .setName(name)
            .setType(type)
            .setId(id)
            .setProperties(encodeStruct(Struct, properties, "properties"));
        if (inputs !== undefined) {
            request.setInputs(encodeStruct(Struct, inputs, "inputs"));
        }
        const response = await this.invoke("read", this.client.read, request);
        return {
            id: response.getId(),
            properties: decodeStruct(response.getProperties()) ?? {},
            inputs: decodeStruct(response.getInputs()),
        };
    }

    async update(
        type: string,
        name: string,
        id: string,
        olds: Readonly<Record<string, unknown>>,
        news: Readonly<Record<string, unknown>>,
        oldInputs?: Readonly<Record<string, unknown>>,
    ): Promise<UpdateResult> {
        this.requireConfigured("update");
        const { Struct } = this.sdk;
        const request = new this.sdk.messages.UpdateRequest()
            .setUrn(this.urn(type, name))
            .setName(name)
            .setType(type)
            .setId(id)
            .setOlds(encodeStruct(Struct, olds, "olds"))
            .setNews(encodeStruct(Struct, news, "news"));
        if (oldInputs !== undefined) {
            request.setOldInputs(encodeStruct(Struct, oldInputs, "oldInputs"));
        }
        const response = await this.invoke("update", this.client.update, request);
        return { properties: decodeStruct(response.getProperties()) ?? {} };
    }

    async delete(
        type: string,
        name: string,
        id: string,
        properties: Readonly<Record<string, unknown>>,
        oldInputs?: Readonly<Record<string, unknown>>,
    ): Promise<void> {
        this.requireConfigured("delete");
        const { Struct } = this.sdk;
        const request = new this.sdk.messages.DeleteRequest()
            .setUrn(this.urn(type, name))
            .setName(name)
            .setType(type)
            .setId(id)
            .setProperties(encodeStruct(Struct, properties, "properties"));
        if (oldInputs !== undefined) {
            request.setOldInputs(encodeStruct(Struct, oldInputs, "oldInputs"));
        }
        await this.invoke("delete", this.client.delete, request);
    }

    stop(): Promise<void> {
        this.stopping ??= (async () => {
            this.client.close();
            try {
                await terminate(this.child, this.stopTimeoutMs);
            } finally {
                this.hostOutput.failWaiters("the provider host was stopped");
            }
        })();
        return this.stopping;
    }
}

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
    const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
    const output = new HostOutput();
    const startedAt = Date.now();

    const child = spawn(process.execPath, providerHostArgs(sdk.hostScript, options.engineAddress ?? "127.0.0.1:1"), {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        stdio: ["pipe", "pipe", "pipe"],
    });
    trackChild(child);
    // A host that a test forgets to stop must not keep the test process alive; it dies with it.
    unrefChild(child);
    child.stdout?.setEncoding("utf8");
    child.stderr?.setEncoding("utf8");

    const stdoutLines = new LineSplitter();
    const stderrLines = new LineSplitter();
    let portLine: string | undefined;
    let onPortLine: ((line: string) => void) | undefined;

    child.stdout?.on("data", (chunk: string) => {
        for (const line of stdoutLines.push(chunk)) {
            if (portLine === undefined) {
                portLine = line;
                onPortLine?.(line);
            } else {
                output.add("stdout", line);
            }
        }
    });
    child.stderr?.on("data", (chunk: string) => {
        for (const line of stderrLines.push(chunk)) {
            output.add("stderr", line);
        }
    });
    child.once("exit", (code, signal) => {
        for (const line of stdoutLines.flush()) {
            output.add("stdout", line);
        }
        for (const line of stderrLines.flush()) {
            output.add("stderr", line);
        }
        output.failWaiters(`the provider host exited (code ${String(code)}, signal ${String(signal)})`);
    });

    let port: number;
    try {
        const first = await new Promise<string>((resolve, reject) => {
            const timer = setTimeout(
                () => reject(new ProviderHostStartError(`the provider host printed no port within ${startTimeoutMs} ms`, output.lines)),
                startTimeoutMs,
            );
            onPortLine = (line) => {
                clearTimeout(timer);
                resolve(line);
            };
            child.once("error", (error) => {
                clearTimeout(timer);
                reject(new ProviderHostStartError(`the provider host could not be started: ${error.message}`, output.lines));
            });
            child.once("exit", (code, signal) => {
                clearTimeout(timer);
                // Let pending stderr data land in `output` before reporting.
                setImmediate(() =>
                    reject(
                        new ProviderHostStartError(
                            `the provider host exited (code ${String(code)}, signal ${String(signal)}) before printing its port`,
                            output.lines,
                        ),
                    ),
                );
            });
        });
        if (!/^\d+$/.test(first.trim())) {
            throw new ProviderHostStartError(`the provider host's first stdout line is not a port: ${JSON.stringify(first)}`, output.lines);
        }
        port = Number(first.trim());
    } catch (error) {
        await terminate(child, stopTimeoutMs).catch(() => undefined);
        throw error;
    }
    const startupMs = Date.now() - startedAt;

    const host = new RunningProviderHost(
        sdk,
        child,
        sdk.createClient(`127.0.0.1:${port}`),
        output,
        child.pid ?? -1,
        port,
        options.project ?? readProjectName(options.cwd) ?? DEFAULT_PROJECT,
        options.stack ?? DEFAULT_STACK,
        startupMs,
        options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
        stopTimeoutMs,
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
