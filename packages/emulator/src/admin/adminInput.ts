/**
 * Input of the admin API: the error it throws for bad input (a 400 over HTTP), the typed reader of an
 * admin request's JSON body and query, and the check of a fault spec (shared by HTTP and in-process calls).
 */
import { isJsonObject } from "../core/http";
import type { FaultSpec } from "../faults/faultRules";

/** Thrown by admin methods (and turned into a 400 by the admin HTTP API) when an input is invalid. */
export class EmulatorAdminError extends Error {
    override readonly name = "EmulatorAdminError" as const;
}

/**
 * True for errors thrown by the admin API, also across module copies (name fallback).
 * @param error - Anything caught.
 */
export function isEmulatorAdminError(error: unknown): error is EmulatorAdminError {
    return error instanceof EmulatorAdminError || (error instanceof Error && error.name === "EmulatorAdminError");
}

/**
 * Rejects a fault spec whose numbers make no sense (for the in-process admin API and HTTP alike).
 * @param spec - The spec to inject.
 */
export function checkFaultSpec(spec: FaultSpec): FaultSpec {
    if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
        throw new EmulatorAdminError(`probability must be a number from 0 to 1, got ${spec.probability}.`);
    }
    if (spec.after !== undefined && !(Number.isInteger(spec.after) && spec.after >= 0)) {
        throw new EmulatorAdminError(`after must be an integer >= 0, got ${spec.after}.`);
    }
    return spec;
}

/** A JSON object body of an admin request, with typed accessors that throw {@link EmulatorAdminError}. */
export class AdminInput {
    private constructor(private readonly body: Record<string, unknown>) {}

    /**
     * Parses an admin request body; an empty body is an empty object.
     * @param text - The raw body.
     */
    static parse(text: string): AdminInput {
        if (text.trim() === "") return new AdminInput({});
        let value: unknown;
        try {
            value = JSON.parse(text);
        } catch {
            throw new EmulatorAdminError("The admin request body is not valid JSON.");
        }
        if (!isJsonObject(value)) throw new EmulatorAdminError("The admin request body must be a JSON object.");
        return new AdminInput(value);
    }

    /**
     * Rejects fields other than `allowed` (catches typos in admin calls).
     * @param allowed - Accepted field names.
     */
    only(allowed: readonly string[]): this {
        const extra = Object.keys(this.body).find((key) => !allowed.includes(key));
        if (extra !== undefined)
            throw new EmulatorAdminError(`Unknown field '${extra}'; allowed: ${allowed.join(", ")}.`);
        return this;
    }

    /** @param key - Field name. */
    string(key: string): string {
        const value = this.body[key];
        if (typeof value !== "string") throw new EmulatorAdminError(`Field '${key}' must be a string.`);
        return value;
    }

    /** @param key - Field name. */
    optionalString(key: string): string | undefined {
        return this.body[key] === undefined ? undefined : this.string(key);
    }

    /** @param key - Field name. */
    number(key: string): number {
        const value = this.body[key];
        if (typeof value !== "number") throw new EmulatorAdminError(`Field '${key}' must be a number.`);
        return value;
    }

    /** @param key - Field name. */
    optionalNumber(key: string): number | undefined {
        return this.body[key] === undefined ? undefined : this.number(key);
    }

    /** @param key - Field name. */
    boolean(key: string): boolean {
        const value = this.body[key];
        if (typeof value !== "boolean") throw new EmulatorAdminError(`Field '${key}' must be a boolean.`);
        return value;
    }

    /** @param key - Field name. */
    optionalBoolean(key: string): boolean | undefined {
        return this.body[key] === undefined ? undefined : this.boolean(key);
    }

    /** @param key - Field name. */
    object(key: string): Record<string, unknown> {
        const value = this.body[key];
        if (!isJsonObject(value)) throw new EmulatorAdminError(`Field '${key}' must be a JSON object.`);
        return value;
    }

    /** @param key - Field name. */
    optionalObject(key: string): Record<string, unknown> | undefined {
        return this.body[key] === undefined ? undefined : this.object(key);
    }

    /**
     * A string field restricted to `values`.
     * @param key - Field name.
     * @param values - Accepted values.
     */
    optionalOneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
        const value = this.optionalString(key);
        if (value !== undefined && !(values as readonly string[]).includes(value)) {
            throw new EmulatorAdminError(`Field '${key}' must be one of ${values.join(", ")}.`);
        }
        return value as T | undefined;
    }
}

/**
 * An object without its `undefined` fields (so optional inputs satisfy exactOptionalPropertyTypes).
 * @param value - An object whose fields may be `undefined`.
 */
export function definedFields<T extends Record<string, unknown>>(
    value: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
    return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as {
        [K in keyof T]?: Exclude<T[K], undefined>;
    };
}

/**
 * A required query parameter of an admin GET.
 * @param query - The request query.
 * @param key - Parameter name.
 */
export function queryString(query: URLSearchParams, key: string): string {
    const value = query.get(key);
    if (value === null) throw new EmulatorAdminError(`Query parameter '${key}' is required.`);
    return value;
}

/**
 * Reads a {@link FaultSpec} from an admin request body, rejecting unknown fields and wrong types.
 * @param input - The parsed admin body.
 */
export function faultSpecFrom(input: AdminInput): FaultSpec {
    input.only([
        "method",
        "pathIncludes",
        "status",
        "retryAfterSeconds",
        "times",
        "latencyMs",
        "body",
        "resetConnection",
        "hang",
        "target",
        "probability",
        "seed",
        "after",
        "afterHandling",
    ]);
    return definedFields({
        method: input.optionalString("method"),
        pathIncludes: input.optionalString("pathIncludes"),
        status: input.optionalNumber("status"),
        retryAfterSeconds: input.optionalNumber("retryAfterSeconds"),
        times: input.optionalNumber("times"),
        latencyMs: input.optionalNumber("latencyMs"),
        body: input.optionalOneOf("body", ["cloudError", "html", "malformedJson", "emptyProperties"] as const),
        resetConnection: input.optionalBoolean("resetConnection"),
        hang: input.optionalBoolean("hang"),
        target: input.optionalOneOf("target", ["api", "token", "any"] as const),
        probability: input.optionalNumber("probability"),
        seed: input.optionalNumber("seed"),
        after: input.optionalNumber("after"),
        afterHandling: input.optionalBoolean("afterHandling"),
    });
}
