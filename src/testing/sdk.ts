/**
 * The parts of @pulumi/pulumi (and its @grpc/grpc-js and google-protobuf) that the engine side of
 * the dynamic-provider protocol needs, resolved from a Pulumi program directory exactly like the
 * engine's `pulumi-resource-pulumi-nodejs` shim does, so the client speaks the protocol of the
 * SDK the program actually uses.
 *
 * The generated stubs ship as JavaScript with .d.ts files that depend on @grpc/grpc-js and
 * @types/google-protobuf; the minimal interfaces below declare only what this kit calls, so the
 * kit's own declarations stay self-contained.
 *
 * @packageDocumentation
 */
import * as path from "path";
import { initFailureReader, type InitFailureReader } from "./initFailure";
import type { StructClass, StructMessage } from "./struct";

/** A gRPC error as @grpc/grpc-js reports it. */
export interface GrpcServiceError extends Error {
    /** gRPC status code. */
    code: number;
    /** Status text sent by the server. */
    details: string;
    /** Trailing metadata (a @grpc/grpc-js `Metadata`), e.g. `grpc-status-details-bin`. */
    metadata?: unknown;
}

/** Per-call options understood by @grpc/grpc-js. */
export interface GrpcCallOptions {
    /** Absolute deadline of the call. */
    deadline: Date;
}

/** A unary method of a generated @grpc/grpc-js client. */
export type UnaryMethod<Req, Res> = (
    request: Req,
    metadata: unknown,
    options: GrpcCallOptions,
    callback: (error: GrpcServiceError | null, response?: Res) => void,
) => unknown;

/** `google.protobuf.Empty`. */
export type EmptyMessage = object;

/** `pulumirpc.PluginInfo`. */
export interface PluginInfoMessage {
    getVersion(): string;
}

/** `pulumirpc.CheckRequest` (also used by CheckConfig). */
export interface CheckRequestMessage {
    setUrn(value: string): this;
    setName(value: string): this;
    setType(value: string): this;
    setOlds(value: StructMessage): this;
    setNews(value: StructMessage): this;
    setRandomseed(value: Uint8Array): this;
}

/** `pulumirpc.CheckFailure`. */
export interface CheckFailureMessage {
    getProperty(): string;
    getReason(): string;
}

/** `pulumirpc.CheckResponse`. */
export interface CheckResponseMessage {
    getInputs(): StructMessage | undefined;
    getFailuresList(): CheckFailureMessage[];
}

/** `pulumirpc.ConfigureRequest`. */
export interface ConfigureRequestMessage {
    setArgs(value: StructMessage): this;
    setAcceptsecrets(value: boolean): this;
    setAcceptresources(value: boolean): this;
    setSendsOldInputs(value: boolean): this;
    setSendsOldInputsToDelete(value: boolean): this;
}

/** `pulumirpc.ConfigureResponse`. */
export interface ConfigureResponseMessage {
    getAcceptsecrets(): boolean;
    getSupportspreview(): boolean;
    getAcceptresources(): boolean;
    getAcceptoutputs(): boolean;
}

/** `pulumirpc.DiffRequest`. */
export interface DiffRequestMessage {
    setUrn(value: string): this;
    setName(value: string): this;
    setType(value: string): this;
    setId(value: string): this;
    setOlds(value: StructMessage): this;
    setNews(value: StructMessage): this;
    setOldInputs(value: StructMessage): this;
    setIgnorechangesList(value: string[]): this;
}

/** `pulumirpc.DiffResponse`. */
export interface DiffResponseMessage {
    getChanges(): number;
    getReplacesList(): string[];
    getStablesList(): string[];
    getDeletebeforereplace(): boolean;
}

/** `pulumirpc.CreateRequest`. */
export interface CreateRequestMessage {
    setUrn(value: string): this;
    setName(value: string): this;
    setType(value: string): this;
    setProperties(value: StructMessage): this;
    setPreview(value: boolean): this;
}

/** `pulumirpc.CreateResponse`. */
export interface CreateResponseMessage {
    getId(): string;
    getProperties(): StructMessage | undefined;
}

/** `pulumirpc.ReadRequest`. */
export interface ReadRequestMessage {
    setUrn(value: string): this;
    setName(value: string): this;
    setType(value: string): this;
    setId(value: string): this;
    setProperties(value: StructMessage): this;
    setInputs(value: StructMessage): this;
}

/** `pulumirpc.ReadResponse`. */
export interface ReadResponseMessage {
    getId(): string;
    getProperties(): StructMessage | undefined;
    getInputs(): StructMessage | undefined;
}

/** `pulumirpc.UpdateRequest`. */
export interface UpdateRequestMessage {
    setUrn(value: string): this;
    setName(value: string): this;
    setType(value: string): this;
    setId(value: string): this;
    setOlds(value: StructMessage): this;
    setNews(value: StructMessage): this;
    setOldInputs(value: StructMessage): this;
    setPreview(value: boolean): this;
    setIgnorechangesList(value: string[]): this;
}

/** `pulumirpc.UpdateResponse`. */
export interface UpdateResponseMessage {
    getProperties(): StructMessage | undefined;
}

/** `pulumirpc.DeleteRequest`. */
export interface DeleteRequestMessage {
    setUrn(value: string): this;
    setName(value: string): this;
    setType(value: string): this;
    setId(value: string): this;
    setProperties(value: StructMessage): this;
    setOldInputs(value: StructMessage): this;
}

/** A generated `pulumirpc.ResourceProviderClient`, restricted to the methods this kit calls. */
export interface ResourceProviderClient {
    getPluginInfo: UnaryMethod<EmptyMessage, PluginInfoMessage>;
    checkConfig: UnaryMethod<CheckRequestMessage, CheckResponseMessage>;
    configure: UnaryMethod<ConfigureRequestMessage, ConfigureResponseMessage>;
    check: UnaryMethod<CheckRequestMessage, CheckResponseMessage>;
    diff: UnaryMethod<DiffRequestMessage, DiffResponseMessage>;
    create: UnaryMethod<CreateRequestMessage, CreateResponseMessage>;
    read: UnaryMethod<ReadRequestMessage, ReadResponseMessage>;
    update: UnaryMethod<UpdateRequestMessage, UpdateResponseMessage>;
    delete: UnaryMethod<DeleteRequestMessage, EmptyMessage>;
    close(): void;
}

/** Everything the client needs, loaded from one program directory. */
export interface ProviderSdk {
    /** Directory of the @pulumi/pulumi package that was resolved. */
    readonly pulumiDir: string;
    /** Version of that package. */
    readonly pulumiVersion: string;
    /** Absolute path of `cmd/dynamic-provider/index.js`. */
    readonly hostScript: string;
    /** `google.protobuf.Struct`. */
    readonly Struct: StructClass;
    /** `google.protobuf.Empty`. */
    readonly Empty: new () => EmptyMessage;
    /** Message classes of `proto/provider_pb`. */
    readonly messages: {
        readonly CheckRequest: new () => CheckRequestMessage;
        readonly ConfigureRequest: new () => ConfigureRequestMessage;
        readonly DiffRequest: new () => DiffRequestMessage;
        readonly CreateRequest: new () => CreateRequestMessage;
        readonly ReadRequest: new () => ReadRequestMessage;
        readonly UpdateRequest: new () => UpdateRequestMessage;
        readonly DeleteRequest: new () => DeleteRequestMessage;
    };
    /** `DiffResponse.DiffChanges` enum values. */
    readonly diffChanges: { readonly DIFF_UNKNOWN: number; readonly DIFF_NONE: number; readonly DIFF_SOME: number };
    /** Creates a client connected to `address` over an insecure channel. */
    createClient(address: string): ResourceProviderClient;
    /** Creates empty gRPC metadata. */
    createMetadata(): unknown;
    /** Reads ErrorResourceInitFailed from a failed call's metadata (see {@link InitFailureReader}). */
    readonly readInitFailure: InitFailureReader;
}

function load(modulePath: string): unknown {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(modulePath) as unknown;
}

function member(value: unknown, key: string, where: string): unknown {
    if ((typeof value !== "object" && typeof value !== "function") || value === null || !(key in value)) {
        throw new Error(`${where} has no "${key}": incompatible @pulumi/pulumi version?`);
    }
    return (value as Record<string, unknown>)[key];
}

function constructor<T>(value: unknown, key: string, where: string): new () => T {
    const ctor = member(value, key, where);
    if (typeof ctor !== "function") {
        throw new Error(`${where}.${key} is not a class: incompatible @pulumi/pulumi version?`);
    }
    return ctor as new () => T;
}

function numberMember(value: unknown, key: string, where: string): number {
    const n = member(value, key, where);
    if (typeof n !== "number") {
        throw new Error(`${where}.${key} is not a number: incompatible @pulumi/pulumi version?`);
    }
    return n;
}

/**
 * Resolves @pulumi/pulumi from `programDir` (walking up node_modules like Node does) and loads the
 * provider-protocol modules from that copy.
 *
 * @param programDir - a Pulumi program directory
 * @throws Error when @pulumi/pulumi cannot be resolved from `programDir`
 */
export function loadProviderSdk(programDir: string): ProviderSdk {
    let packageJsonPath: string;
    try {
        packageJsonPath = require.resolve("@pulumi/pulumi/package.json", { paths: [programDir] });
    } catch (cause) {
        throw new Error(`@pulumi/pulumi cannot be resolved from ${programDir}: install it in the program`, { cause });
    }
    const pulumiDir = path.dirname(packageJsonPath);
    const version = member(load(packageJsonPath), "version", packageJsonPath);
    const fromPulumi = (request: string): string => require.resolve(request, { paths: [pulumiDir] });

    const grpc = load(fromPulumi("@grpc/grpc-js"));
    const credentials = member(grpc, "credentials", "@grpc/grpc-js");
    const createInsecure = member(credentials, "createInsecure", "@grpc/grpc-js.credentials");
    const Metadata = constructor<unknown>(grpc, "Metadata", "@grpc/grpc-js");
    if (typeof createInsecure !== "function") {
        throw new Error("@grpc/grpc-js.credentials.createInsecure is not a function");
    }

    const structPb = load(fromPulumi("google-protobuf/google/protobuf/struct_pb"));
    const emptyPb = load(fromPulumi("google-protobuf/google/protobuf/empty_pb"));
    const providerPb = load(path.join(pulumiDir, "proto", "provider_pb.js"));
    const providerGrpcPb = load(path.join(pulumiDir, "proto", "provider_grpc_pb.js"));

    const Struct = member(structPb, "Struct", "struct_pb") as StructClass;
    if (typeof Struct.fromJavaScript !== "function") {
        throw new Error("struct_pb.Struct.fromJavaScript is not a function");
    }
    const ClientCtor = member(providerGrpcPb, "ResourceProviderClient", "provider_grpc_pb");
    if (typeof ClientCtor !== "function") {
        throw new Error("provider_grpc_pb.ResourceProviderClient is not a class");
    }
    const changes = member(member(providerPb, "DiffResponse", "provider_pb"), "DiffChanges", "provider_pb.DiffResponse");
    const where = "provider_pb";

    return {
        pulumiDir,
        pulumiVersion: String(version),
        hostScript: path.join(pulumiDir, "cmd", "dynamic-provider", "index.js"),
        Struct,
        Empty: constructor<EmptyMessage>(emptyPb, "Empty", "empty_pb"),
        messages: {
            CheckRequest: constructor<CheckRequestMessage>(providerPb, "CheckRequest", where),
            ConfigureRequest: constructor<ConfigureRequestMessage>(providerPb, "ConfigureRequest", where),
            DiffRequest: constructor<DiffRequestMessage>(providerPb, "DiffRequest", where),
            CreateRequest: constructor<CreateRequestMessage>(providerPb, "CreateRequest", where),
            ReadRequest: constructor<ReadRequestMessage>(providerPb, "ReadRequest", where),
            UpdateRequest: constructor<UpdateRequestMessage>(providerPb, "UpdateRequest", where),
            DeleteRequest: constructor<DeleteRequestMessage>(providerPb, "DeleteRequest", where),
        },
        diffChanges: {
            DIFF_UNKNOWN: numberMember(changes, "DIFF_UNKNOWN", "DiffChanges"),
            DIFF_NONE: numberMember(changes, "DIFF_NONE", "DiffChanges"),
            DIFF_SOME: numberMember(changes, "DIFF_SOME", "DiffChanges"),
        },
        createClient(address: string): ResourceProviderClient {
            const insecure: unknown = (createInsecure as () => unknown).call(credentials);
            const Client = ClientCtor as new (address: string, credentials: unknown) => ResourceProviderClient;
            return new Client(address, insecure);
        },
        createMetadata(): unknown {
            return new Metadata();
        },
        readInitFailure: initFailureReader(pulumiDir, load),
    };
}
