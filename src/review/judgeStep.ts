/**
 * Judges one step of this package's resources: dispatches by operation and resource class. A
 * replace is judged as the delete of the old resource plus the create of the new one; drift as the
 * difference between the state before the refresh and what the refresh read.
 */
import type { AlertApi } from "./effects";
import { WHOLE_RESOURCE, type Finding } from "./findings";
import {
    configurationAdded,
    configurationDrifted,
    configurationRemoved,
    configurationUpdated,
} from "./judgeConfiguration";
import { dismissalAdded, dismissalDrifted, dismissalRemoved, dismissalUpdated } from "./judgeDismissal";
import type { PimStep } from "./pimSteps";
import type { PreviewResource } from "./previewDocument";
import { plainText } from "./safeText";
import { finding, valueOf, type StepPart } from "./stepPart";
import { sameJson } from "./values";

/** How one resource class is judged. */
interface ClassJudge {
    added(part: StepPart): Finding[];
    removed(part: StepPart): Finding[];
    updated(part: StepPart, olds: PreviewResource, news: PreviewResource): Finding[];
    drifted(part: StepPart, before: PreviewResource, after: PreviewResource): Finding[];
}

const CONFIGURATION: ClassJudge = {
    added: configurationAdded,
    removed: configurationRemoved,
    updated: configurationUpdated,
    drifted: configurationDrifted,
};
const DISMISSAL: ClassJudge = {
    added: dismissalAdded,
    removed: dismissalRemoved,
    updated: dismissalUpdated,
    drifted: dismissalDrifted,
};

const DRIFT_PREFIX = "changed outside Pulumi: ";

/** The findings of one step, in the catalog's order of settings. */
export function judgeStep(step: PimStep): Finding[] {
    const api: AlertApi = step.resourceClass.startsWith("Directory") ? "directory" : "arm";
    const judge = step.resourceClass.endsWith("Dismissal") ? DISMISSAL : CONFIGURATION;
    const { oldState, newState } = step;
    const part = (state: PreviewResource, op: string, prefix: string): StepPart => ({ step, api, state, op, prefix });

    if (step.kind === "drift") {
        if (!oldState) return [unjudged(step, api, "the refresh step has no oldState")];
        // A refresh with no new state (or rewritten to a delete) found the resource gone.
        if (!newState || step.op === "delete") return [gone(part(oldState, step.op, DRIFT_PREFIX))];
        return judge.drifted(part(newState, step.op, DRIFT_PREFIX), oldState, newState);
    }
    switch (step.op) {
        case "create":
        case "create-replacement":
        case "import":
            return newState
                ? judge.added(part(newState, step.op, ""))
                : [unjudged(step, api, `the ${step.op} step has no newState`)];
        case "delete":
        case "delete-replaced":
            return oldState
                ? judge.removed(part(oldState, step.op, ""))
                : [unjudged(step, api, `the ${step.op} step has no oldState`)];
        case "update":
            return oldState && newState
                ? judge.updated(part(newState, step.op, ""), oldState, newState)
                : [unjudged(step, api, "the update step lacks its oldState or newState")];
        case "replace": {
            if (!oldState || !newState) return [unjudged(step, api, "the replace step lacks its oldState or newState")];
            const prefix = `replaced (${replacedBy(oldState, newState)} changed): `;
            return [
                ...judge.removed(part(oldState, "delete-replaced", prefix)),
                ...judge.added(part(newState, "create-replacement", prefix)),
            ];
        }
        default:
            return [
                unjudged(step, api, `this version does not judge a ${plainText(JSON.stringify(step.op), 40)} step`),
            ];
    }
}

/** The identity properties whose change forced a replacement. */
function replacedBy(olds: PreviewResource, news: PreviewResource): string {
    const changed = ["scope", "alertId"].filter((name) => !sameJson(valueOf(olds, name), valueOf(news, name)));
    return changed.length > 0 ? changed.join(" and ") : "its identity";
}

function gone(part: StepPart): Finding {
    const reason = "the resource is no longer found in Azure (was its scope or alert deleted?)";
    return finding(part, WHOLE_RESOURCE, null, null, { effect: "unknown", reason });
}

function unjudged(step: PimStep, api: AlertApi, reason: string): Finding {
    const state = step.newState ?? step.oldState ?? { inputs: {}, outputs: {} };
    return finding({ step, api, state, op: step.op, prefix: "" }, WHOLE_RESOURCE, null, null, {
        effect: "unknown",
        reason,
    });
}
