/**
 * The parts of @pulumi/pulumi (and its @grpc/grpc-js and google-protobuf) that the engine side of
 * the dynamic-provider protocol needs, resolved from a Pulumi program directory exactly like the
 * engine's `pulumi-resource-pulumi-nodejs` shim does, so the client speaks the protocol of the
 * SDK the program actually uses.
 *
 * The generated stubs ship as JavaScript; their minimal declarations are in ./providerMessages.
 *
 * @packageDocumentation
 */
import * as path from "path";
import { initFailureReader, type InitFailureReader } from "./initFailure";
import type {
    CheckRequestMessage,
    ConfigureRequestMessage,
    CreateRequestMessage,
    DeleteRequestMessage,
    DiffRequestMessage,
    EmptyMessage,
    ReadRequestMessage,
    ResourceProviderClient,
    UpdateRequestMessage,
} from "./providerMessages";
import type { StructClass } from "./struct";

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
    const changes = member(
        member(providerPb, "DiffResponse", "provider_pb"),
        "DiffChanges",
        "provider_pb.DiffResponse",
    );
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
