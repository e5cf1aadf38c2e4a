/**
 * What the runner did (or, in a preview, would do) to each resource.
 */
import type { PropertyDiff } from "./propertyDiff";

/** The operation of one step, as Pulumi names them. */
export type StepOperation = "same" | "create" | "update" | "replace" | "delete" | "refresh";

/** One resource's step. */
export interface Step {
    readonly urn: string;
    /** Short type, e.g. `pim:AlertConfiguration`. */
    readonly type: string;
    readonly name: string;
    readonly op: StepOperation;
    /** For "refresh": what the refresh found changed in Azure; otherwise the planned input changes. */
    readonly diffs: readonly PropertyDiff[];
    /** Set when the step failed; the message is the provider's. */
    readonly error?: string;
}

/** Counts of steps by operation (refresh steps excluded). */
export type StepSummary = Readonly<Record<Exclude<StepOperation, "refresh">, number>>;

/** Counts the steps by operation. */
export function summarize(steps: readonly Step[]): StepSummary {
    const summary = { same: 0, create: 0, update: 0, replace: 0, delete: 0 };
    for (const step of steps) if (step.op !== "refresh" && !step.error) summary[step.op] += 1;
    return summary;
}

/** True when a preview proposes any change (what `--expect-no-changes` rejects). */
export function hasChanges(steps: readonly Step[]): boolean {
    return steps.some((s) => s.op !== "same" && s.op !== "refresh");
}

/** `pulumi-nodejs:dynamic/pim:AlertConfiguration` => `pim:AlertConfiguration`. */
export function shortType(type: string): string {
    return type.replace(/^pulumi-nodejs:dynamic\//, "");
}
