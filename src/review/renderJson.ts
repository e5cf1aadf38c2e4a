/**
 * The review for tools: `{"version":1,"summary":{...},"findings":[...]}`. Consumers may rely on
 * every field named in {@link ReviewJson}; fields may be added (never removed or renamed) within
 * version 1. JSON escaping keeps hostile values inert.
 */
import type { Finding, ReviewSummary } from "./findings";
import type { Review } from "./review";

/** The JSON document `pim-alerts review --format json` prints. */
export interface ReviewJson {
    readonly version: 1;
    readonly summary: ReviewSummary;
    readonly findings: ReadonlyArray<
        Pick<
            Finding,
            | "urn"
            | "name"
            | "type"
            | "scope"
            | "alertId"
            | "property"
            | "before"
            | "after"
            | "effect"
            | "kind"
            | "reason"
            | "op"
        >
    >;
    /** Steps in the preview, of any resource. */
    readonly steps: number;
    /** Steps of this package's resources (0: nothing in the preview concerns PIM alerts). */
    readonly pimSteps: number;
}

/** Renders the review as JSON (two-space indented, one trailing newline). */
export function renderJson(review: Review): string {
    const document: ReviewJson = {
        version: 1,
        summary: review.summary,
        findings: review.findings.map((f) => ({
            urn: f.urn,
            name: f.name,
            type: f.type,
            scope: f.scope,
            alertId: f.alertId,
            property: f.property,
            before: f.before,
            after: f.after,
            effect: f.effect,
            kind: f.kind,
            reason: f.reason,
            op: f.op,
        })),
        steps: review.steps,
        pimSteps: review.pimSteps,
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}
