/**
 * Renders a run the way `pulumi preview --diff` / `pulumi up --diff` print it: each step with its
 * property diffs `old => new`, then `Diagnostics:` (errors and warnings per resource), `Outputs:`
 * (the stack outputs), `Resources:` (the summary) and `Duration:`. Colour on a terminal, plain
 * when piped, painted by Node's `util.styleText` with the same named styles as the pim-alerts CLI.
 * Text from a provider or a program is printed as data: control characters are escaped
 * (`terminalText.ts`) before any colour is painted around it.
 */
import { styleText } from "node:util";
import type { PropertyDiff } from "./propertyDiff";
import type { Diagnostic } from "./stepContext";
import { summarize, type Step, type StepOperation } from "./steps";
import { printable } from "./terminalText";
import { urnName, urnType } from "./urns";

/** What is being run, for the header and the summary's tense. */
export type RunKind = "preview" | "up" | "destroy" | "refresh";

const SYMBOL: Readonly<Record<StepOperation, string>> = {
    same: " ",
    create: "+",
    update: "~",
    replace: "+-",
    delete: "-",
    refresh: "~",
};
/** The styles the display uses (names of `util.inspect.colors`, as in the pim-alerts CLI). */
export type Style = "bold" | "red" | "green" | "yellow" | "magenta" | "cyan";

const COLOUR: Readonly<Record<StepOperation, Style | undefined>> = {
    same: undefined,
    create: "green",
    update: "yellow",
    replace: "magenta",
    delete: "red",
    refresh: "cyan",
};
const DIFF_COLOUR: Readonly<Record<PropertyDiff["kind"], Style>> = { add: "green", update: "yellow", delete: "red" };
const SEVERITY_COLOUR: Readonly<Record<Diagnostic["severity"], Style | undefined>> = {
    error: "red",
    warning: "yellow",
    info: undefined,
};
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Paints text in a style, or leaves it as it is (no style, or colour off). */
export type Paint = (style: Style | undefined, text: string) => string;

/** A painter that colours when `enabled` (`RunRequest.color`: the one decision, made by the caller). */
export function painter(enabled: boolean): Paint {
    // validateStream: false keeps styleText from second-guessing `enabled` (a Node without the option ignores it).
    return (style, text) => (enabled && style !== undefined ? styleText(style, text, { validateStream: false }) : text);
}

/** The header line, e.g. `Previewing update (dev):`. */
export function renderHeader(kind: RunKind, stack: string, paint: Paint): string {
    const verb = { preview: "Previewing update", up: "Updating", destroy: "Destroying", refresh: "Refreshing" }[kind];
    return paint("bold", `${verb} (${printable(stack)}):`);
}

/** The lines of one step; a step with nothing to show renders as no lines. */
export function renderStep(step: Step, paint: Paint): string[] {
    if (step.op === "same" && step.error === undefined && step.old?.protect === step.new?.protect) return [];
    if (step.op === "refresh" && step.error === undefined && step.refreshResult === "same") return [];
    const label =
        step.op === "refresh"
            ? step.refreshResult === "delete"
                ? "refresh: deleted in the cloud"
                : "refresh: changed in the cloud"
            : step.op;
    const retain = step.old?.retainOnDelete && (step.op === "delete" || step.op === "replace") ? "[retain]" : "";
    const lock =
        step.new?.protect || step.old?.protect
            ? step.old?.protect && step.new && !step.new.protect
                ? " 🔓"
                : " 🔒"
            : "";
    const lines = [
        paint(COLOUR[step.op], `    ${SYMBOL[step.op]} ${printable(step.type)}: (${label})${retain}${lock}`),
    ];
    lines.push(`        [urn=${printable(step.urn)}]`);
    for (const d of step.diffs) lines.push(paint(DIFF_COLOUR[d.kind], `      ${printable(renderDiff(d))}`));
    if (step.error !== undefined) lines.push(...errorLines(step.error).map((line) => paint("red", `      ${line}`)));
    return lines;
}

function errorLines(message: string): string[] {
    const [first = "", ...rest] = messageLines(message);
    return [`error: ${first}`, ...rest];
}

/** The lines of a message, each printable. */
function messageLines(message: string): string[] {
    return message.split(/\r?\n/).map(printable);
}

function renderDiff(d: PropertyDiff): string {
    const mark = d.replaces ? " (replaces)" : "";
    if (d.kind === "add") return `+ ${d.key}: ${d.new ?? ""}${mark}`;
    if (d.kind === "delete") return `- ${d.key}: ${d.old ?? ""}${mark}`;
    return `~ ${d.key}: ${d.old ?? ""} => ${d.new ?? ""}${mark}`;
}

/**
 * The `Diagnostics:` section: per resource (the stack for messages about no resource), its
 * errors, warnings and notes.
 */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], stackUrn: string, paint: Paint): string[] {
    if (diagnostics.length === 0) return [];
    const byUrn = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) byUrn.set(d.urn ?? stackUrn, [...(byUrn.get(d.urn ?? stackUrn) ?? []), d]);
    const lines = ["", paint("bold", "Diagnostics:")];
    for (const [urn, list] of byUrn) {
        lines.push(`  ${printable(urnType(urn))} (${printable(urnName(urn))}):`);
        for (const d of list) {
            const [first = "", ...rest] = messageLines(d.message);
            lines.push(
                paint(SEVERITY_COLOUR[d.severity], `    ${d.severity === "info" ? "" : `${d.severity}: `}${first}`),
                ...rest.map((line) => `    ${line}`),
            );
        }
        lines.push("");
    }
    lines.pop();
    return lines;
}

/** The `Outputs:` section of the stack outputs (none when there are none). */
export function renderOutputs(outputs: Readonly<Record<string, unknown>>, paint: Paint): string[] {
    const keys = Object.keys(outputs).sort();
    if (keys.length === 0) return [];
    return [
        "",
        paint("bold", "Outputs:"),
        ...keys.flatMap((key) => renderValue(`${printable(key)}: `, outputs[key], 4)),
    ];
}

function renderValue(prefix: string, value: unknown, indent: number): string[] {
    const pad = " ".repeat(indent);
    if (value === UNKNOWN) return [`${pad}${prefix}output<string>`];
    if (Array.isArray(value)) {
        if (value.length === 0) return [`${pad}${prefix}[]`];
        return [
            `${pad}${prefix}[`,
            ...value.flatMap((item, i) => renderValue(`[${i}]: `, item, indent + 4)),
            `${pad}]`,
        ];
    }
    if (typeof value === "object" && value !== null) {
        const keys = Object.keys(value).sort();
        if (keys.length === 0) return [`${pad}${prefix}{}`];
        return [
            `${pad}${prefix}{`,
            ...keys.flatMap((k) => renderValue(`${printable(k)}: `, (value as Record<string, unknown>)[k], indent + 4)),
            `${pad}}`,
        ];
    }
    const text = typeof value === "string" ? (value === "[secret]" ? value : JSON.stringify(value)) : String(value);
    return [`${pad}${prefix}${printable(text)}`];
}

/** The `Resources:` summary, in the tense of the run. */
export function renderSummary(kind: RunKind, steps: readonly Step[], paint: Paint): string[] {
    const s = summarize(steps, kind === "refresh");
    const planned = kind === "preview";
    const words: Array<[StepOperation, number, string]> = [
        ["create", s.create, planned ? "to create" : "created"],
        ["update", s.update, planned ? "to update" : "updated"],
        ["replace", s.replace, planned ? "to replace" : "replaced"],
        ["delete", s.delete, planned ? "to delete" : "deleted"],
    ];
    const lines = ["", paint("bold", "Resources:")];
    for (const [op, count, word] of words)
        if (count > 0) lines.push(paint(COLOUR[op], `    ${SYMBOL[op]} ${count} ${word}`));
    if (s.same > 0) lines.push(`    ${s.same} unchanged`);
    return lines;
}

/** `Duration: 3s`, as the CLI rounds it. */
export function renderDuration(ms: number): string[] {
    return ["", `Duration: ${Math.max(1, Math.round(ms / 1000))}s`];
}
