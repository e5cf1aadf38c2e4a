/**
 * What the text and Markdown renderers say alike: the headline, the sections (changes, then drift),
 * findings grouped by scope, how a value and an alert are named. Plain text here; each renderer
 * makes it safe for its medium (see safeText.ts).
 */
import { alertEffects, type AlertApi } from "./effects";
import { WHOLE_RESOURCE, type Finding, type FindingKind } from "./findings";
import type { Review } from "./review";
import type { FindingValue } from "./values";

/** A section of the report: the findings of one kind, grouped by scope in the order they appear. */
export interface Section {
    readonly kind: FindingKind;
    readonly title: string;
    readonly scopes: ReadonlyArray<{ readonly scope: string; readonly findings: readonly Finding[] }>;
}

const TITLES: Readonly<Record<FindingKind, string>> = {
    change: "Changes: what `pulumi up` will do",
    drift: "Drift: what changed in Azure since the last `pulumi up`",
};

/** The sections that have findings: changes first, then drift. */
export function sections(findings: readonly Finding[]): Section[] {
    return (["change", "drift"] as const).flatMap((kind) => {
        const byScope = new Map<string, Finding[]>();
        for (const finding of findings) {
            if (finding.kind !== kind) continue;
            byScope.set(finding.scope, [...(byScope.get(finding.scope) ?? []), finding]);
        }
        return byScope.size === 0
            ? []
            : [
                  {
                      kind,
                      title: TITLES[kind],
                      scopes: [...byScope].map(([scope, group]) => ({ scope, findings: group })),
                  },
              ];
    });
}

/** "2 changes weaken the PIM alert policy, 1 is neutral; 1 drift found (1 weakens the policy)". */
export function headline(review: Review): string {
    if (review.pimSteps === 0)
        return `Nothing here concerns PIM alerts (${count(review.steps, "step")} in the preview).`;
    const { weakens, strengthens, neutral, unknown, drift } = review.summary;
    const changes = weakens + strengthens + neutral + unknown;
    const others = [
        strengthens > 0 ? `${strengthens} strengthen${strengthens === 1 ? "s" : ""} it` : "",
        neutral > 0 ? `${neutral} ${neutral === 1 ? "is" : "are"} neutral` : "",
        unknown > 0 ? `${unknown} ${unknown === 1 ? "is" : "are"} unknown` : "",
    ].filter((part) => part !== "");
    let text: string;
    if (changes === 0) text = "No change to the PIM alert policy";
    else if (weakens > 0)
        text = [`${count(weakens, "change")} weaken${weakens === 1 ? "s" : ""} the PIM alert policy`, ...others].join(
            ", ",
        );
    else text = `No change weakens the PIM alert policy: ${others.join(", ")}`;
    if (drift > 0) {
        const weakening = review.findings.filter((f) => f.kind === "drift" && f.effect === "weakens").length;
        text += `; ${drift} drift${drift === 1 ? "" : "s"} found${weakening > 0 ? ` (${weakening} weaken${weakening === 1 ? "s" : ""} the policy)` : ""}`;
    }
    return `${text}.`;
}

/** `3 → 10`, or for a whole resource what happens to it. */
export function beforeAfter(finding: Finding): string {
    if (finding.property === WHOLE_RESOURCE && finding.before === null && finding.after === null)
        return resourceFate(finding);
    return `${showValue(finding.before)} → ${showValue(finding.after)}`;
}

function resourceFate(finding: Finding): string {
    if (finding.kind === "drift") return "gone from Azure";
    if (/^(create|import)/.test(finding.op) || finding.op === "create-replacement") return "added to the program";
    if (/^delete/.test(finding.op)) return "removed from the program";
    return "—";
}

/** A value as a reader sees it: `—` for none, strings as they are, other JSON as JSON. */
export function showValue(value: FindingValue): string {
    if (value === null) return "—";
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** The alert's display name (Microsoft's), else its id, else `—`. */
export function alertName(finding: Finding): string {
    if (finding.alertId === null) return "—";
    return alertEffects(apiOfType(finding.type), finding.alertId)?.displayName ?? finding.alertId;
}

/** The API of a resource type token (`...:DirectoryAlertConfiguration` is Graph's). */
export function apiOfType(type: string): AlertApi {
    return /:Directory[A-Za-z]*$/.test(type) ? "directory" : "arm";
}

function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
