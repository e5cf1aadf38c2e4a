import { isJsonObject } from "../core/jsonBody";
import { EmulatorAdminError } from "./adminError";

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
        if (extra !== undefined) throw new EmulatorAdminError(`Unknown field '${extra}'; allowed: ${allowed.join(", ")}.`);
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
export function definedFields<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
    return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as {
        [K in keyof T]?: Exclude<T[K], undefined>;
    };
}
