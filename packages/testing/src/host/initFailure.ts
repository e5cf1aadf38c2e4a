/**
 * Reading `pulumirpc.ErrorResourceInitFailed` from a failed gRPC call. When a provider's create or
 * update throws an error carrying `id` and `properties` (the write reached the cloud, a later step
 * failed), @pulumi/pulumi's dynamic-provider host packs them into the `grpc-status-details-bin`
 * trailer (a `google.rpc.Status` whose details hold the message); the engine then keeps the
 * resource in the state with those properties and updates it again on the next `up`.
 *
 * @packageDocumentation
 */
import * as path from "path";
import { decodeStruct, type JsonObject, type StructMessage } from "./struct";

/** What the host reported about a resource that was created or updated but did not finish. */
export interface InitFailure {
    /** The id of the resource that exists. */
    readonly id: string;
    /** The state to record for it. */
    readonly properties: JsonObject;
    /** Why it did not finish. */
    readonly reasons: readonly string[];
}

/** Reads the {@link InitFailure} from a gRPC error's metadata; `undefined` when it carries none. */
export type InitFailureReader = (metadata: unknown) => InitFailure | undefined;

const DETAILS_KEY = "grpc-status-details-bin";
const TYPE_NAME = "pulumirpc.ErrorResourceInitFailed";

interface AnyMessage {
    getTypeName(): string;
    getValue_asU8(): Uint8Array;
}
interface StatusMessage {
    getDetailsList(): AnyMessage[];
}
interface InitFailedMessage {
    getId(): string;
    getProperties(): StructMessage | undefined;
    getReasonsList(): string[];
}
interface Deserializer<T> {
    deserializeBinary(bytes: Uint8Array): T;
}

/**
 * Builds the reader from the protobuf classes of the @pulumi/pulumi in `pulumiDir`.
 *
 * @param pulumiDir - directory of the resolved @pulumi/pulumi package
 * @param load - `require` (injected so the SDK's own copies are used)
 */
export function initFailureReader(pulumiDir: string, load: (modulePath: string) => unknown): InitFailureReader {
    const Status = classOf<StatusMessage>(load(path.join(pulumiDir, "proto", "status_pb.js")), "Status", "status_pb");
    const InitFailed = classOf<InitFailedMessage>(
        load(path.join(pulumiDir, "proto", "provider_pb.js")),
        "ErrorResourceInitFailed",
        "provider_pb",
    );
    return (metadata) => {
        for (const bytes of detailValues(metadata)) {
            const detail = Status.deserializeBinary(bytes)
                .getDetailsList()
                .find((any) => any.getTypeName() === TYPE_NAME);
            if (!detail) continue;
            const failed = InitFailed.deserializeBinary(detail.getValue_asU8());
            return {
                id: failed.getId(),
                properties: decodeStruct(failed.getProperties()) ?? {},
                reasons: failed.getReasonsList(),
            };
        }
        return undefined;
    };
}

/** The binary values of the details trailer of a @grpc/grpc-js `Metadata`. */
function detailValues(metadata: unknown): Uint8Array[] {
    if (typeof metadata !== "object" || metadata === null || !("get" in metadata) || typeof metadata.get !== "function")
        return [];
    const values: unknown = (metadata.get as (key: string) => unknown).call(metadata, DETAILS_KEY);
    return Array.isArray(values) ? values.filter((v): v is Uint8Array => v instanceof Uint8Array) : [];
}

function classOf<T>(module: unknown, key: string, where: string): Deserializer<T> {
    const value = typeof module === "object" && module !== null ? (module as Record<string, unknown>)[key] : undefined;
    if (typeof value !== "function" || typeof (value as unknown as Deserializer<T>).deserializeBinary !== "function") {
        throw new Error(`${where} has no message class "${key}": incompatible @pulumi/pulumi version?`);
    }
    return value as unknown as Deserializer<T>;
}
