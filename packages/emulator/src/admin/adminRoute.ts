import type { AdminInput } from "./adminInput";
import { EmulatorAdminError } from "./adminError";
import type { EmulatorAdmin } from "./emulatorAdmin";

/** One admin route: reads its input, calls the admin API, returns the JSON answer. */
export type AdminRoute = (admin: EmulatorAdmin, input: AdminInput, query: URLSearchParams) => unknown;

/** The answer of admin routes that return nothing. */
export const OK = { ok: true } as const;

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
