/**
 * The `pulumirpc.ResourceProvider` messages and client of @pulumi/pulumi's generated stubs,
 * declared minimally: only what this kit calls, so the kit's own declarations stay
 * self-contained (the generated .d.ts files depend on @grpc/grpc-js and @types/google-protobuf).
 *
 * @packageDocumentation
 */
import type { StructMessage } from "./struct";

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

/** The fields that name the resource of a request: URN, name and type. */
export interface ResourceRequestMessage {
    setUrn(value: string): this;
    setName(value: string): this;
    setType(value: string): this;
}

/** A request about an existing resource: also its id. */
export interface ExistingResourceRequestMessage extends ResourceRequestMessage {
    setId(value: string): this;
}

/** A request comparing old and new properties, with the old inputs (Diff, Update). */
export interface ChangeRequestMessage extends ExistingResourceRequestMessage {
    setOlds(value: StructMessage): this;
    setNews(value: StructMessage): this;
    setOldInputs(value: StructMessage): this;
    setIgnorechangesList(value: string[]): this;
}

/** A request carrying the current state of an existing resource (Read, Delete). */
export interface StateRequestMessage extends ExistingResourceRequestMessage {
    setProperties(value: StructMessage): this;
}

/** `pulumirpc.CheckRequest` (also used by CheckConfig). */
export interface CheckRequestMessage extends ResourceRequestMessage {
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
export type DiffRequestMessage = ChangeRequestMessage;

/** `pulumirpc.DiffResponse`. */
export interface DiffResponseMessage {
    getChanges(): number;
    getReplacesList(): string[];
    getStablesList(): string[];
    getDeletebeforereplace(): boolean;
}

/** `pulumirpc.CreateRequest`. */
export interface CreateRequestMessage extends ResourceRequestMessage {
    setProperties(value: StructMessage): this;
    setPreview(value: boolean): this;
}

/** `pulumirpc.CreateResponse`. */
export interface CreateResponseMessage {
    getId(): string;
    getProperties(): StructMessage | undefined;
}

/** `pulumirpc.ReadRequest`. */
export interface ReadRequestMessage extends StateRequestMessage {
    setInputs(value: StructMessage): this;
}

/** `pulumirpc.ReadResponse`. */
export interface ReadResponseMessage {
    getId(): string;
    getProperties(): StructMessage | undefined;
    getInputs(): StructMessage | undefined;
}

/** `pulumirpc.UpdateRequest`. */
export interface UpdateRequestMessage extends ChangeRequestMessage {
    setPreview(value: boolean): this;
}

/** `pulumirpc.UpdateResponse`. */
export interface UpdateResponseMessage {
    getProperties(): StructMessage | undefined;
}

/** `pulumirpc.DeleteRequest`. */
export interface DeleteRequestMessage extends StateRequestMessage {
    setOldInputs(value: StructMessage): this;
}

/** Request and response message of each `pulumirpc.ResourceProvider` method this kit calls. */
export interface ProviderCalls {
    getPluginInfo: [request: EmptyMessage, response: PluginInfoMessage];
    checkConfig: [request: CheckRequestMessage, response: CheckResponseMessage];
    configure: [request: ConfigureRequestMessage, response: ConfigureResponseMessage];
    check: [request: CheckRequestMessage, response: CheckResponseMessage];
    diff: [request: DiffRequestMessage, response: DiffResponseMessage];
    create: [request: CreateRequestMessage, response: CreateResponseMessage];
    read: [request: ReadRequestMessage, response: ReadResponseMessage];
    update: [request: UpdateRequestMessage, response: UpdateResponseMessage];
    delete: [request: DeleteRequestMessage, response: EmptyMessage];
}

/** The name of a method in {@link ProviderCalls}. */
export type ProviderMethod = keyof ProviderCalls;

/** The unary stub of each method in {@link ProviderCalls}. */
export type ProviderStubs = { [K in ProviderMethod]: UnaryMethod<ProviderCalls[K][0], ProviderCalls[K][1]> };

/** A generated `pulumirpc.ResourceProviderClient`, restricted to the methods this kit calls. */
export interface ResourceProviderClient extends ProviderStubs {
    close(): void;
}
