/**
 * What a review reports: one finding per resource and setting that a step changes, with its effect
 * on the alert policy, and the counts a pipeline decides on.
 */
import type { FindingValue } from "./values";

/** The effect of a change on the alert policy. */
export type Effect = "weakens" | "strengthens" | "neutral" | "unknown";

/** Every effect, in the order summaries list them. */
export const EFFECTS: readonly Effect[] = ["weakens", "strengthens", "neutral", "unknown"];

/** A change the update will make, or drift: what Azure holds differs from the last `up`. */
export type FindingKind = "change" | "drift";

/** The `property` of a finding about a whole resource (created, deleted, replaced, gone). */
export const WHOLE_RESOURCE = "(resource)";

/** One judged change of one setting (or of a whole resource). */
export interface Finding {
    readonly urn: string;
    /** The Pulumi resource name. */
    readonly name: string;
    /** The resource's type token, e.g. `pulumi-nodejs:dynamic/pim:AlertConfiguration`. */
    readonly type: string;
    /** The ARM scope, or `directory` for Entra directory roles. */
    readonly scope: string;
    readonly alertId: string | null;
    /** The API's property name (`thresholdNumberOfOwners`, `isEnabled`, `isActive`, `onDelete`) or {@link WHOLE_RESOURCE}. */
    readonly property: string;
    readonly before: FindingValue;
    readonly after: FindingValue;
    readonly effect: Effect;
    readonly kind: FindingKind;
    /** One line a reviewer understands: "the alert now only fires from 10 owners instead of 3". */
    readonly reason: string;
    /** The step's operation as judged (`update`, `create`, `delete-replaced`, `refresh`, ...). */
    readonly op: string;
}

/** Counts of changes by effect, and of drift findings (whatever their effect). */
export interface ReviewSummary {
    readonly weakens: number;
    readonly strengthens: number;
    readonly neutral: number;
    readonly unknown: number;
    readonly drift: number;
}

/** Counts the findings: changes by effect, drift as one number. */
export function summarize(findings: readonly Finding[]): ReviewSummary {
    const counts = { weakens: 0, strengthens: 0, neutral: 0, unknown: 0, drift: 0 };
    for (const finding of findings) {
        if (finding.kind === "drift") counts.drift += 1;
        else counts[finding.effect] += 1;
    }
    return counts;
}
