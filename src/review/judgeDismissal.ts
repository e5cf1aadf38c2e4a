/**
 * Judges the steps of AlertDismissal and DirectoryAlertDismissal. A dismissal hides an active alert
 * and keeps it hidden: a new one weakens the policy; PIM raising the alert again is drift that the
 * next update undoes (dismissing it again weakens); removing one leaves the alert as it is
 * (`onDelete: "retain"`) or sets it active again (`"reactivate"`).
 */
import { DISMISSAL_EFFECTS } from "./effects";
import { WHOLE_RESOURCE, type Finding } from "./findings";
import { judgeValue, sameSettingValue, type Judgement } from "./judgeValue";
import type { PreviewResource } from "./previewDocument";
import { finding, onDeleteOf, valueOf, type StepPart } from "./stepPart";
import { plainText } from "./safeText";
import { hiddenValue } from "./values";

/** Judges an update: dismissing the alert again when it is active, and onDelete. */
export function dismissalUpdated(part: StepPart, olds: PreviewResource, news: PreviewResource): Finding[] {
    const findings: Finding[] = [];
    const before = valueOf(olds, "isActive");
    // The program always asks for the alert to be dismissed: the update writes isActive false.
    if (before === true || hiddenValue(before) !== undefined)
        findings.push(finding(part, "isActive", before, false, judgeValue(DISMISSAL_EFFECTS[part.api], before, false)));
    const [oldOnDelete, newOnDelete] = [onDeleteOf(olds), onDeleteOf(news)];
    if (oldOnDelete !== newOnDelete)
        findings.push(finding(part, "onDelete", oldOnDelete, newOnDelete, onDeleteChange(newOnDelete)));
    return findings;
}

/** Judges drift: the alert's activity differs from what the last `up` recorded. */
export function dismissalDrifted(part: StepPart, before: PreviewResource, after: PreviewResource): Finding[] {
    const setting = DISMISSAL_EFFECTS[part.api];
    const [was, is] = [
        before.outputs["isActive"] ?? before.inputs["isActive"],
        after.outputs["isActive"] ?? after.inputs["isActive"],
    ];
    return sameSettingValue(setting, was, is) ? [] : [finding(part, "isActive", was, is, judgeValue(setting, was, is))];
}

/** Judges a new dismissal: an alert hidden while it is active weakens the policy. */
export function dismissalAdded(part: StepPart): Finding[] {
    const reason =
        "a new dismissal: the alert is dismissed, and dismissed again whenever PIM raises it, so it is hidden while active";
    return [finding(part, WHOLE_RESOURCE, null, null, { effect: "weakens", reason })];
}

/** Judges a dismissal leaving the program, by its onDelete. */
export function dismissalRemoved(part: StepPart): Finding[] {
    const onDelete = onDeleteOf(part.state);
    let judged: Judgement;
    if (onDelete === "retain") {
        judged = {
            effect: "neutral",
            reason: 'removed from the program; onDelete "retain": the alert stays dismissed until PIM raises it again, and is no longer dismissed again',
        };
    } else if (onDelete === "reactivate") {
        const alreadyActive = valueOf(part.state, "isActive") === true;
        judged = alreadyActive
            ? {
                  effect: "neutral",
                  reason: 'removed from the program; onDelete "reactivate": the alert is already active',
              }
            : {
                  effect: "strengthens",
                  reason: 'removed from the program; onDelete "reactivate" sets the alert active again: it shows in PIM',
              };
    } else {
        judged = unknownOnDelete(onDelete);
    }
    return [finding(part, WHOLE_RESOURCE, null, null, judged)];
}

function onDeleteChange(onDelete: unknown): Judgement {
    if (onDelete === "reactivate")
        return { effect: "neutral", reason: "deleting this resource will now set the alert active again" };
    if (onDelete === "retain")
        return { effect: "neutral", reason: "deleting this resource will now leave the alert as it is" };
    return unknownOnDelete(onDelete);
}

function unknownOnDelete(onDelete: unknown): Judgement {
    return {
        effect: "unknown",
        reason: `onDelete ${plainText(JSON.stringify(onDelete) ?? "", 40)} is not one this version knows ("retain" or "reactivate")`,
    };
}
