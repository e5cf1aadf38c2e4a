/**
 * Shared pieces for reading API bodies with zod: every model of both APIs reads through these, so a
 * surprising body is described the same way everywhere and optional text is never `undefined`.
 */
import { z } from "zod";
import { parsed, parseProblem, serverText, type ParseResult } from "../errors";

/** An optional string field, normalised to "" when absent or null. */
export const optionalText = z
    .string()
    .nullish()
    .transform((v) => v ?? "");

/** `path: problem; path: problem` for a failed parse (server text: redacted and shortened). */
export function describeIssues(error: z.ZodError): string {
    return serverText(error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
}

/** Parses `value` with `schema`; the problem reads `not <what> (<issues>)`. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): ParseResult<T> {
    const result = schema.safeParse(value);
    return result.success ? parsed(result.data) : parseProblem(`not ${what} (${describeIssues(result.error)})`);
}
