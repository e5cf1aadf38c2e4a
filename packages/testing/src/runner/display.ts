/**
 * Renders steps the way `pulumi preview --diff` / `pulumi up --diff` print them: resource,
 * operation, property diffs `old => new`, then a summary. Colour on a terminal, plain when piped.
 */
import type { PropertyDiff } from "./propertyDiff";
import { summarize, type Step, type StepOperation } from "./steps";

/** What is being run, for the header and the summary's tense. */
export type RunKind = "preview" | "up" | "destroy" | "refresh";

const SYMBOL: Readonly<Record<StepOperation, string>> = { same: " ", create: "+", update: "~", replace: "+-", delete: "-", refresh: "~" };
const COLOUR: Readonly<Record<StepOperation, number>> = { same: 0, create: 32, update: 33, replace: 35, delete: 31, refresh: 36 };
const DIFF_COLOUR: Readonly<Record<PropertyDiff["kind"], number>> = { add: 32, update: 33, delete: 31 };

/** Paints text with an ANSI colour, or not. */
export type Painter = (code: number, text: string) => string;

/** A painter that colours when `enabled`. */
export function painter(enabled: boolean): Painter {
    return (code, text) => (enabled && code !== 0 ? `\u001b[${code}m${text}\u001b[0m` : text);
}

/** The header line, e.g. `Previewing update (dev):`. */
export function renderHeader(kind: RunKind, stack: string, paint: Painter): string {
    const verb = { preview: "Previewing update", up: "Updating", destroy: "Destroying", refresh: "Refreshing" }[kind];
    return paint(1, `${verb} (${stack}):`);
}

/** The lines of one step; a step with nothing to show renders as no lines. */
export function renderStep(step: Step, paint: Painter): string[] {
    if (step.op === "same" && !step.error) return [];
    if (step.op === "refresh" && step.diffs.length === 0) return [];
    const lines = [paint(COLOUR[step.op], `    ${SYMBOL[step.op]} ${step.type}: (${step.op === "refresh" ? "refresh: changed in Azure" : step.op})`)];
    lines.push(`        [urn=${step.urn}]`);
    for (const d of step.diffs) lines.push(paint(DIFF_COLOUR[d.kind], `      ${renderDiff(d)}`));
    if (step.error) lines.push(paint(31, `      error: ${step.error}`));
    return lines;
}

function renderDiff(d: PropertyDiff): string {
    const mark = d.replaces ? " (replaces)" : "";
    if (d.kind === "add") return `+ ${d.key}: ${d.new ?? ""}${mark}`;
    if (d.kind === "delete") return `- ${d.key}: ${d.old ?? ""}${mark}`;
    return `~ ${d.key}: ${d.old ?? ""} => ${d.new ?? ""}${mark}`;
}

/** The `Resources:` summary, in the tense of the run. */
export function renderSummary(kind: RunKind, steps: readonly Step[], paint: Painter): string[] {
    const s = summarize(steps);
    const planned = kind === "preview";
    const words: Array<[StepOperation, number, string]> = [
        ["create", s.create, planned ? "to create" : "created"],
        ["update", s.update, planned ? "to update" : "updated"],
        ["replace", s.replace, planned ? "to replace" : "replaced"],
        ["delete", s.delete, planned ? "to delete" : "deleted"],
    ];
    const lines = ["", paint(1, "Resources:")];
    for (const [op, count, word] of words) if (count > 0) lines.push(paint(COLOUR[op], `    ${SYMBOL[op]} ${count} ${word}`));
    if (s.same > 0) lines.push(`    ${s.same} unchanged`);
    const failed = steps.filter((x) => x.error).length;
    if (failed > 0) lines.push(paint(31, `    ${failed} failed`));
    return lines;
}
