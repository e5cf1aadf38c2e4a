/**
 * What the runner did (or, in a preview, would do) to each resource: one logical step per resource,
 * as `pulumi preview --diff` and `pulumi preview --json` show them.
 */
import type { ResourceState } from "./checkpoint";
import type { PropertyDiff } from "./propertyDiff";

/** The operation of one step, as Pulumi names them. */
export type StepOperation = "same" | "create" | "update" | "replace" | "delete" | "refresh";

/** What a refresh found: nothing new, a change (drift), or the resource gone. */
export type RefreshResult = "same" | "update" | "delete";

/** One resource's step. */
export interface Step {
    readonly urn: string;
    /** The full type token, e.g. `pulumi-nodejs:dynamic/pim:AlertConfiguration`. */
    readonly type: string;
    readonly name: string;
    readonly op: StepOperation;
    /** For "refresh": what the refresh found changed in the cloud; otherwise the planned input changes. */
    readonly diffs: readonly PropertyDiff[];
    /** Set when the step failed: the provider's message (or the engine's, e.g. for a protected resource). */
    readonly error?: string;
    /** The state before the step (absent for a create). */
    readonly old?: ResourceState;
    /** The state after the step, as planned in a preview (absent for a delete). */
    readonly new?: ResourceState;
    /** Properties the provider reported as changed (the Node dynamic provider reports none). */
    readonly diffReasons: readonly string[];
    /** Properties whose change replaces the resource. */
    readonly replaceReasons: readonly string[];
    /** For "refresh" steps: what the refresh found. */
    readonly refreshResult?: RefreshResult;
    /** A delete that leaves the cloud object in place (`retainOnDelete`). */
    readonly retained?: boolean;
}

/** Counts of successful steps by operation (refresh steps excluded). */
export type StepSummary = Readonly<Record<Exclude<StepOperation, "refresh">, number>>;

/**
 * Counts the successful steps by operation, as the CLI's `Resources:` summary and the preview
 * document's `changeSummary` do. For `pulumi refresh` the refresh steps count by what they found.
 */
export function summarize(steps: readonly Step[], refreshOnly = false): StepSummary {
    const summary = { same: 0, create: 0, update: 0, replace: 0, delete: 0 };
    for (const step of steps) {
        if (step.error !== undefined) continue;
        if (step.op !== "refresh") summary[step.op] += 1;
        else if (refreshOnly && step.refreshResult) summary[step.refreshResult] += 1;
    }
    return summary;
}

/** True when the run proposes or made a change (what `--expect-no-changes` rejects). */
export function hasChanges(steps: readonly Step[], refreshOnly = false): boolean {
    const summary = summarize(steps, refreshOnly);
    return summary.create + summary.update + summary.replace + summary.delete > 0;
}
