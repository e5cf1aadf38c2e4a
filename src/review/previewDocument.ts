/**
 * Reads the document `pulumi preview --json` prints, validating only what the review relies on and
 * ignoring everything else (Pulumi adds fields over time; a writer may add its own).
 *
 * ## The input contract (what a writer of this document must produce)
 *
 * Read from pulumi/pulumi's `ShowPreviewDigest` (pkg/backend/display/json.go) and
 * `apitype.ResourceV3`; the offline runner writes the same shape.
 *
 * - The document is ONE JSON object, UTF-8 (a UTF-8 or UTF-16 byte order mark is accepted). Pulumi
 *   omits empty fields, so every top-level field is optional, but the object has at least one of
 *   `steps`, `changeSummary`, `duration`, `config`, `diagnostics`, `maybeCorrupt` (or is `{}`).
 * - `steps` (array, optional): one object per step, in the order the engine planned them:
 *   - `op` (string, required): `create`, `update`, `delete`, `replace`, `create-replacement`,
 *     `delete-replaced`, `refresh`, `same`, `read`, ... (any string is accepted);
 *   - `urn` (string, required): `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, where the
 *     qualified type is the parents' types and the resource's own type joined by `$`
 *     (`my:app:Policy$pulumi-nodejs:dynamic/pim:AlertConfiguration`);
 *   - `oldState`, `newState` (object or absent/null): the resource before and after the step, each
 *     with `inputs` and `outputs` (objects of property name to JSON value, optional) and `type`
 *     (string, optional). `create` has no `oldState`, `delete` no `newState`.
 *   - `diffReasons`, `replaceReasons`, `detailedDiff`, `provider` and anything else: allowed, not read.
 * - `diagnostics` (array, optional): `{severity, message, urn?}`. A diagnostic of severity `error`
 *   means the preview failed: its steps are incomplete and the review refuses it.
 * - Values are JSON as Pulumi stores them. A secret is the string `"[secret]"`; a value known only
 *   when the update runs is the string `04da6b54-80e4-46f7-96ec-b56ff0331ba9`.
 *
 * How steps are read (see {@link classifyPimSteps}): `refresh` steps are drift, from their
 * `oldState` (before the refresh) to what was read: the `oldState` of the resource's next step
 * (absent: the resource is gone), else the refresh step's own `newState` (the Pulumi CLI writes the
 * state before the refresh there, as it shows the step before the read); so is an `update` or
 * `delete` step followed later by another step of the same URN (a refresh rewritten as what it
 * found). Every other step is a change.
 */
import { z } from "zod";
import { plainText } from "./safeText";
import { describeType } from "./values";

/** A resource's state in a step (`apitype.ResourceV3`), reduced to what the review reads. */
export interface PreviewResource {
    readonly type?: string | undefined;
    readonly inputs: Readonly<Record<string, unknown>>;
    readonly outputs: Readonly<Record<string, unknown>>;
}

/** One step of the preview. */
export interface PreviewStep {
    readonly op: string;
    readonly urn: string;
    readonly oldState: PreviewResource | undefined;
    readonly newState: PreviewResource | undefined;
    /** Where the step is in the document (`steps[3]`), for messages. */
    readonly index: number;
}

/** The preview, reduced to its steps. */
export interface PreviewDocument {
    readonly steps: readonly PreviewStep[];
}

/** The input is not a preview this version can read; the message is one line, naming the input. */
export class PreviewInputError extends Error {
    override name = "PreviewInputError" as const;
}

/** The top-level fields of Pulumi's preview digest: a document with none of them is something else. */
const PREVIEW_FIELDS = ["steps", "changeSummary", "duration", "config", "diagnostics", "maybeCorrupt"] as const;

// Checked as an object without copying its properties (a record schema would copy every state's
// inputs and outputs: most of the time of reading a large preview).
const properties = z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), {
    message: "expected an object",
});
const resourceSchema = z.looseObject({
    type: z.string().optional(),
    inputs: properties.nullish(),
    outputs: properties.nullish(),
});
const stepSchema = z.looseObject({
    op: z.string(),
    urn: z.string(),
    oldState: resourceSchema.nullish(),
    newState: resourceSchema.nullish(),
});
const diagnosticSchema = z.looseObject({ severity: z.string().optional(), message: z.string().optional() });
const documentSchema = z.looseObject({
    steps: z.array(stepSchema).nullish(),
    diagnostics: z.array(diagnosticSchema).nullish(),
});

/**
 * Parses and validates the text of a preview document.
 * @param text - The whole input, decoded.
 * @param label - How to name the input in messages (`preview.json`, `standard input`).
 * @throws PreviewInputError when the text is not a readable preview (one line, never a stack trace).
 */
export function readPreviewDocument(text: string, label: string): PreviewDocument {
    const value = parseJson(text, label);
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new PreviewInputError(
            `${label} holds JSON ${describeType(value)}, not the object \`pulumi preview --json\` prints`,
        );
    }
    const keys = Object.keys(value);
    if ("deployment" in value && "version" in value) {
        throw new PreviewInputError(
            `${label} is a \`pulumi stack export\` document (a stack's state), not a preview: run \`pulumi preview --json\``,
        );
    }
    if (keys.length > 0 && !PREVIEW_FIELDS.some((field) => field in value)) {
        throw new PreviewInputError(
            `${label} is JSON but not a \`pulumi preview --json\` document: it has none of ${PREVIEW_FIELDS.join(", ")} (its fields: ${listKeys(keys)})`,
        );
    }
    const parsed = documentSchema.safeParse(value);
    if (!parsed.success) throw new PreviewInputError(`${label}: ${describeIssue(parsed.error.issues[0], value)}`);
    const errors = (parsed.data.diagnostics ?? []).filter((d) => d.severity === "error");
    if (errors.length > 0) {
        const first = plainText(errors[0]?.message ?? "");
        throw new PreviewInputError(
            `${label} is the output of a preview that failed (${errors.length} error${errors.length === 1 ? "" : "s"}, the first: ${JSON.stringify(first)}): its steps are incomplete, fix the preview first`,
        );
    }
    const steps = (parsed.data.steps ?? []).map((step, index) => ({
        op: step.op,
        urn: step.urn,
        oldState: resource(step.oldState),
        newState: resource(step.newState),
        index,
    }));
    return { steps };
}

function parseJson(text: string, label: string): unknown {
    if (text.trim() === "")
        throw new PreviewInputError(`${label} is empty: expected the JSON document \`pulumi preview --json\` prints`);
    try {
        return JSON.parse(text);
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (hasMoreDocuments(text)) {
            throw new PreviewInputError(
                `${label} holds several JSON documents (a stream of engine events?), not the one document \`pulumi preview --json\` prints; unset PULUMI_ENABLE_STREAMING_JSON_PREVIEW`,
            );
        }
        const position = /at position (\d+)/.exec(message)?.[1];
        const atTheEnd =
            /end of JSON input/.test(message) || (position !== undefined && Number(position) >= text.trimEnd().length);
        if (atTheEnd && /^\s*[[{]/.test(text)) {
            throw new PreviewInputError(
                `${label} is truncated: the JSON ends before the document does (was the preview interrupted, or the file cut?)`,
            );
        }
        if (/^\s*(Previewing|Updating|Refreshing)\b/.test(text)) {
            throw new PreviewInputError(`${label} is Pulumi's text output, not JSON: run \`pulumi preview --json\``);
        }
        const where = position === undefined ? "" : `; the JSON breaks at character ${Number(position) + 1}`;
        throw new PreviewInputError(
            `${label} is not JSON (it starts with ${JSON.stringify(plainText(text.trimStart().slice(0, 24)))}${where}): expected \`pulumi preview --json\` output`,
        );
    }
}

/** True when the first line is a whole JSON object and more text follows (JSON lines). */
function hasMoreDocuments(text: string): boolean {
    const [first, ...rest] = text.trim().split("\n");
    if (rest.length === 0 || first === undefined) return false;
    try {
        const value: unknown = JSON.parse(first);
        return typeof value === "object" && value !== null;
    } catch {
        return false;
    }
}

function resource(state: z.infer<typeof resourceSchema> | null | undefined): PreviewResource | undefined {
    if (!state) return undefined;
    return { type: state.type, inputs: state.inputs ?? {}, outputs: state.outputs ?? {} };
}

/** `steps[3].oldState.inputs: expected an object, got a string`. */
function describeIssue(issue: z.core.$ZodIssue | undefined, document: unknown): string {
    if (!issue) return "not a readable preview";
    const path =
        issue.path
            .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
            .join("")
            .replace(/^\./, "") || "document";
    const found = issue.path.reduce<unknown>(
        (at, key) => (typeof at === "object" && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined),
        document,
    );
    const expected =
        issue.code === "invalid_type" ? `expected ${article(issue.expected)}` : plainText(issue.message, 80);
    return `${path}: ${expected}, got ${describeType(found)} (not what \`pulumi preview --json\` writes)`;
}

function article(type: string): string {
    const noun = type === "record" ? "object" : type;
    return `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}

/** Up to five keys, shortened and stripped of control characters, for a message. */
function listKeys(keys: readonly string[]): string {
    const shown = keys.slice(0, 5).map((k) => JSON.stringify(plainText(k).slice(0, 40)));
    return `${shown.join(", ")}${keys.length > 5 ? `, and ${keys.length - 5} more` : ""}`;
}
