/**
 * Shared pieces for reading API bodies with zod: every model of both APIs reads through these, so a
 * surprising body is described the same way everywhere and optional text is never `undefined`.
 */
import { z } from "zod";

/** An optional string field, normalised to "" when absent or null. */
export const optionalText = z
    .string()
    .nullish()
    .transform((v) => v ?? "");

/** `path: problem; path: problem` for a failed parse. */
export function describeIssues(error: z.ZodError): string {
    return error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
}

/** Parses `value` with `schema`, or throws `reading <what>: <issues>`. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new Error(`reading ${what}: ${describeIssues(parsed.error)}`);
}
