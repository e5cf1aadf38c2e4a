/**
 * Finds the steps of this package's four resource types in a preview, whatever their parents, and
 * tells drift (what a refresh found) from change (what the update will do).
 */
import type { FindingKind } from "./findings";
import type { PreviewDocument, PreviewResource, PreviewStep } from "./previewDocument";

/** This package's resource classes. */
export type PimResourceClass =
    "AlertConfiguration" | "AlertDismissal" | "DirectoryAlertConfiguration" | "DirectoryAlertDismissal";

/** The type token of each class, as `pulumi.dynamic.Resource` registers it. */
export const PIM_TYPE_TOKENS: Readonly<Record<PimResourceClass, string>> = {
    AlertConfiguration: "pulumi-nodejs:dynamic/pim:AlertConfiguration",
    AlertDismissal: "pulumi-nodejs:dynamic/pim:AlertDismissal",
    DirectoryAlertConfiguration: "pulumi-nodejs:dynamic/pim:DirectoryAlertConfiguration",
    DirectoryAlertDismissal: "pulumi-nodejs:dynamic/pim:DirectoryAlertDismissal",
};

const CLASS_OF_TOKEN: ReadonlyMap<string, PimResourceClass> = new Map(
    (Object.entries(PIM_TYPE_TOKENS) as Array<[PimResourceClass, string]>).map(([cls, token]) => [token, cls]),
);

/** Steps that change nothing a policy review judges: unchanged resources, reads of existing resources, bookkeeping. */
const IGNORED_OPS = new Set([
    "same",
    "read",
    "read-replacement",
    "discard",
    "discard-replaced",
    "remove-pending-replace",
]);

/** A step of one of this package's resources. */
export interface PimStep {
    readonly kind: FindingKind;
    readonly op: string;
    readonly urn: string;
    readonly name: string;
    readonly type: string;
    readonly resourceClass: PimResourceClass;
    readonly oldState: PreviewResource | undefined;
    readonly newState: PreviewResource | undefined;
}

/** The steps of this package's resources: those to judge, in document order, and how many there are in all. */
export interface PimSteps {
    readonly judged: PimStep[];
    /** Steps of this package's resources, including those that change nothing (`same` with `--show-sames`). */
    readonly seen: number;
}

/** Finds the steps of this package's resources. */
export function classifyPimSteps(document: PreviewDocument): PimSteps {
    const replaced = new Set(document.steps.filter((s) => s.op === "replace").map((s) => s.urn));
    const lastIndexOfUrn = new Map<string, number>();
    for (const step of document.steps) lastIndexOfUrn.set(step.urn, step.index);

    const nextStepOfUrn = new Map<number, PreviewStep>();
    const laterStepOfUrn = new Map<string, PreviewStep>();
    for (const step of [...document.steps].reverse()) {
        const later = laterStepOfUrn.get(step.urn);
        if (later) nextStepOfUrn.set(step.index, later);
        laterStepOfUrn.set(step.urn, step);
    }

    const judged: PimStep[] = [];
    let seen = 0;
    for (const step of document.steps) {
        const identity = pimIdentity(step);
        if (!identity) continue;
        seen += 1;
        if (IGNORED_OPS.has(step.op)) continue;
        // With --show-replacement-steps the logical `replace` comes with its two halves: judge it once.
        if ((step.op === "create-replacement" || step.op === "delete-replaced") && replaced.has(step.urn)) continue;
        judged.push({
            ...identity,
            kind: isDrift(step, lastIndexOfUrn) ? "drift" : "change",
            op: step.op,
            urn: step.urn,
            oldState: step.oldState,
            newState: step.op === "refresh" ? readByRefresh(step, nextStepOfUrn.get(step.index)) : step.newState,
        });
    }
    return { judged, seen };
}

/**
 * What a refresh read. The engine shows a refresh step before its read, with the state before on
 * both sides (`NewRefreshStep` in pkg/resource/deploy/step.go); what it read is where the resource's
 * next step starts from (no `oldState`: a `create`, the resource is gone). Without a next step (the
 * planned `same` is hidden) the refresh step's own `newState` is all there is: the same state from
 * the Pulumi CLI, what was read from a writer that fills it in.
 */
function readByRefresh(step: PreviewStep, next: PreviewStep | undefined): PreviewResource | undefined {
    return next ? next.oldState : step.newState;
}

/**
 * Drift is a `refresh` step, or a refresh as the Pulumi CLI rewrites it when it found a difference:
 * an `update` (or `delete`, when the resource is gone) of a URN that has a later step (the planned
 * one). A single preview plans only one logical step per resource.
 */
function isDrift(step: PreviewStep, lastIndexOfUrn: ReadonlyMap<string, number>): boolean {
    if (step.op === "refresh") return true;
    return (step.op === "update" || step.op === "delete") && (lastIndexOfUrn.get(step.urn) ?? step.index) > step.index;
}

/** The name, type and class of a step's resource, if it is one of this package's. */
function pimIdentity(step: PreviewStep): { name: string; type: string; resourceClass: PimResourceClass } | undefined {
    const parsed = parseUrn(step.urn);
    const qualifiedType = parsed?.qualifiedType ?? step.newState?.type ?? step.oldState?.type ?? "";
    // Parents' types come first, joined by `$`; the resource's own type is the last segment.
    const type = qualifiedType.split("$").pop() ?? "";
    const resourceClass = CLASS_OF_TOKEN.get(type);
    return resourceClass ? { name: parsed?.name ?? step.urn, type, resourceClass } : undefined;
}

/** `urn:pulumi:<stack>::<project>::<qualified type>::<name>` (the name may itself hold `::`). */
export function parseUrn(urn: string): { qualifiedType: string; name: string } | undefined {
    const parts = urn.split("::");
    if (parts.length < 4 || !parts[0]?.startsWith("urn:pulumi:")) return undefined;
    return { qualifiedType: parts[2] ?? "", name: parts.slice(3).join("::") };
}
