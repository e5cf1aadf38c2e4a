/**
 * JSON values as they travel inside `google.protobuf.Struct`, and the conversions the engine side
 * of the provider protocol needs.
 *
 * The Pulumi engine never sends `undefined`: a property is either present with a JSON value or
 * absent. {@link toWireObject} applies the same rule to values written by a test (it drops
 * `undefined` object members) and rejects everything that JSON cannot carry, naming the path,
 * instead of letting protobuf fail later with "Unexpected struct type.".
 *
 * @packageDocumentation
 */

/** A JSON scalar. */
export type JsonPrimitive = string | number | boolean | null;

/** Any JSON value. */
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;

/** A JSON object: what a `google.protobuf.Struct` holds. */
export interface JsonObject {
    [key: string]: JsonValue;
}

/** Thrown when a value cannot be represented in a protobuf Struct. */
export class NotJsonError extends TypeError {
    /** Path of the offending value, e.g. `news.settings[2].threshold`. */
    public readonly path: string;

    /**
     * @param path - where the value was found
     * @param description - what was found there
     */
    constructor(path: string, description: string) {
        super(`${path} is ${description}, which a protobuf Struct cannot carry (the engine only sends JSON values)`);
        this.name = "NotJsonError";
        this.path = path;
    }
}

function isPlainObject(value: object): boolean {
    const proto: unknown = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
    if (value === undefined) {
        return "undefined";
    }
    if (typeof value === "number") {
        return `the number ${String(value)}`;
    }
    if (typeof value === "object" && value !== null) {
        const ctor: unknown = (value as { constructor?: unknown }).constructor;
        const name = typeof ctor === "function" && ctor.name !== "" ? ctor.name : "an object";
        return `an instance of ${name}`;
    }
    return `a ${typeof value}`;
}

function convert(value: unknown, path: string, seen: Set<object>): JsonValue {
    if (value === null || typeof value === "string" || typeof value === "boolean") {
        return value;
    }
    if (typeof value === "number") {
        if (!Number.isFinite(value)) {
            throw new NotJsonError(path, describe(value));
        }
        return value;
    }
    if (typeof value !== "object") {
        throw new NotJsonError(path, describe(value));
    }
    if (seen.has(value)) {
        throw new NotJsonError(path, "a circular reference");
    }
    seen.add(value);
    try {
        if (Array.isArray(value)) {
            return value.map((item: unknown, index) => {
                if (item === undefined) {
                    throw new NotJsonError(`${path}[${index}]`, describe(item));
                }
                return convert(item, `${path}[${index}]`, seen);
            });
        }
        if (!isPlainObject(value)) {
            throw new NotJsonError(path, describe(value));
        }
        const out: JsonObject = {};
        for (const [key, member] of Object.entries(value)) {
            if (member === undefined) {
                continue;
            }
            out[key] = convert(member, `${path}.${key}`, seen);
        }
        return out;
    } finally {
        seen.delete(value);
    }
}

/**
 * Converts a value written by a test into the JSON object the engine would send: `undefined`
 * object members are dropped; anything else that is not JSON (functions, class instances, `NaN`,
 * `undefined` array items, cycles) throws {@link NotJsonError}.
 *
 * @param value - a plain object, or `undefined` for an empty object
 * @param path - name used in error messages (e.g. `"news"`)
 */
export function toWireObject(value: Readonly<Record<string, unknown>> | undefined, path = "value"): JsonObject {
    if (value === undefined) {
        return {};
    }
    const converted = convert(value, path, new Set());
    if (converted === null || typeof converted !== "object" || Array.isArray(converted)) {
        throw new NotJsonError(path, describe(value));
    }
    return converted;
}

/** A `google.protobuf.Struct` message, as far as this kit uses it. */
export interface StructMessage {
    /** Converts the message to plain JavaScript values. */
    toJavaScript(): Record<string, unknown>;
}

/** The `google.protobuf.Struct` class of `google-protobuf/google/protobuf/struct_pb`. */
export interface StructClass {
    /** Builds a Struct message from a JSON object. */
    fromJavaScript(value: JsonObject): StructMessage;
}

/**
 * Encodes a test-provided object as a Struct (see {@link toWireObject} for the rules).
 *
 * @param Struct - the Struct class resolved from the program's `google-protobuf`
 * @param value - object to encode
 * @param path - name used in error messages
 */
export function encodeStruct(
    Struct: StructClass,
    value: Readonly<Record<string, unknown>> | undefined,
    path: string,
): StructMessage {
    return Struct.fromJavaScript(toWireObject(value, path));
}

/**
 * Decodes a Struct received from the provider host. A missing Struct decodes as `undefined`.
 *
 * @param message - the Struct, or `undefined` when the response did not set the field
 */
export function decodeStruct(message: StructMessage | undefined): JsonObject | undefined {
    if (message === undefined) {
        return undefined;
    }
    // A Struct decoded from the wire only contains JSON values; re-validate rather than cast.
    return toWireObject(message.toJavaScript(), "response");
}
