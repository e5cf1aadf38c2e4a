/**
 * The command line of each command, parsed with node's util.parseArgs (strict: an unknown or
 * misspelt option is a usage error, never silently ignored). Scopes are validated here, so a typo
 * fails with exit code 2 before any request.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { DIRECTORY_SCOPE, parseTarget, targetScope, type AlertTarget } from "../functions/target";
import { UsageError } from "./exitCodes";

/** Options of `pim-alerts export`. */
export interface ExportOptions {
    readonly targets: AlertTarget[];
    /** Where to write the program; stdout when undefined. */
    readonly out: string | undefined;
    readonly append: boolean;
    readonly force: boolean;
}

/** Options of `pim-alerts status`. */
export interface StatusOptions {
    readonly targets: AlertTarget[];
    readonly json: boolean;
}

/** The formats of `pim-alerts review`. */
export const REVIEW_FORMATS = ["text", "markdown", "json"] as const;

/** What makes `pim-alerts review` exit non-zero (see exitCodes.ts). */
export const FAIL_ON = ["weakening", "drift", "any", "never"] as const;

/** Options of `pim-alerts review`. */
export interface ReviewOptions {
    /** The preview file, or `-` for standard input. */
    readonly input: string;
    readonly format: (typeof REVIEW_FORMATS)[number];
    readonly failOn: (typeof FAIL_ON)[number];
}

const SCOPE_OPTIONS = {
    scope: { type: "string", multiple: true },
    directory: { type: "boolean" },
    help: { type: "boolean", short: "h" },
} as const;

/** True when the arguments ask for the command's help (then nothing else is checked). */
export function wantsHelp(args: readonly string[]): boolean {
    return args.includes("--help") || args.includes("-h");
}

/** Parses `export` arguments. */
export function parseExportOptions(args: readonly string[]): ExportOptions {
    const { values } = parse("export", args, {
        ...SCOPE_OPTIONS,
        out: { type: "string", short: "o" },
        append: { type: "boolean" },
        force: { type: "boolean" },
    });
    const out = values.out;
    if (out === "") throw new UsageError("--out needs a file name, e.g. --out policy.ts", "export");
    if (values.append && out === undefined)
        throw new UsageError("--append needs --out: it adds to that file", "export");
    if (values.append && values.force)
        throw new UsageError("--append and --force exclude each other: add to the file, or overwrite it", "export");
    return {
        targets: targets("export", values.scope, values.directory),
        out,
        append: values.append === true,
        force: values.force === true,
    };
}

/** The options `pim-alerts review` accepts (besides one FILE or `-`). */
export const REVIEW_OPTIONS = {
    format: { type: "string", short: "f" },
    "fail-on": { type: "string" },
    help: { type: "boolean", short: "h" },
} as const;

/** Parses `review` arguments: one FILE (or `-`), `--format`, `--fail-on`. */
export function parseReviewOptions(args: readonly string[]): ReviewOptions {
    const { values, positionals } = parse("review", args, REVIEW_OPTIONS, true);
    if (positionals.length !== 1) {
        const got = positionals.length === 0 ? "none" : positionals.map((p) => JSON.stringify(p)).join(", ");
        throw new UsageError(
            `give one preview file, or - for standard input (e.g. pulumi preview --json | pim-alerts review -); got ${got}`,
            "review",
        );
    }
    return {
        input: positionals[0],
        format: oneOf("--format", values.format ?? "text", REVIEW_FORMATS),
        failOn: oneOf("--fail-on", values["fail-on"] ?? "never", FAIL_ON),
    };
}

/** The parser of each command's arguments (a pipeline's command line can be checked against them). */
export const COMMAND_PARSERS: Readonly<Record<string, (args: readonly string[]) => unknown>> = {
    export: parseExportOptions,
    status: parseStatusOptions,
    review: parseReviewOptions,
};

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new UsageError(
        `${option} must be one of ${allowed.join(", ")}; got ${JSON.stringify(value.slice(0, 40))}`,
        "review",
    );
}

/** Parses `status` arguments. */
export function parseStatusOptions(args: readonly string[]): StatusOptions {
    const { values } = parse("status", args, { ...SCOPE_OPTIONS, json: { type: "boolean" } });
    return { targets: targets("status", values.scope, values.directory), json: values.json === true };
}

function parse<O extends NonNullable<ParseArgsConfig["options"]>>(
    command: string,
    args: readonly string[],
    options: O,
    allowPositionals = false,
) {
    try {
        return parseArgs({ args: [...args], options, strict: true, allowPositionals });
    } catch (error) {
        // parseArgs' messages name the option ("Unknown option '--scop'"); keep them, drop node's hints.
        // (Checked by shape, not instanceof: node's errors may come from another realm, e.g. under jest.)
        const text =
            typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
        const message = text.split(/\.\s/)[0] ?? text;
        throw new UsageError(message.replace(/\.$/, ""), command);
    }
}

/** The targets named by `--scope` (repeatable) and `--directory`, each once, in the order given. */
function targets(
    command: string,
    scopes: readonly string[] | undefined,
    directory: boolean | undefined,
): AlertTarget[] {
    const all = [...(scopes ?? []), ...(directory ? [DIRECTORY_SCOPE] : [])];
    if (all.length === 0) throw new UsageError(`give at least one --scope <ARM scope> or --directory`, command);
    const seen = new Set<string>();
    const out: AlertTarget[] = [];
    for (const scope of all) {
        let target: AlertTarget;
        try {
            target = parseTarget(scope);
        } catch (error) {
            throw new UsageError(`--scope: ${error instanceof Error ? error.message : String(error)}`, command);
        }
        const key = targetScope(target).toLowerCase();
        if (!seen.has(key)) out.push(target);
        seen.add(key);
    }
    return out;
}
