/**
 * Judges the steps of AlertConfiguration and DirectoryAlertConfiguration. A configuration always
 * exists in Azure: a resource manages only the settings its program declares, so only those are
 * judged. Creating adopts the configuration; deleting leaves it (`onDelete: "retain"`) or puts back
 * the adopted values (`"restore"`).
 */
import { alertEffects, type AlertEffects, type SettingEffect } from "./effects";
import { WHOLE_RESOURCE, type Finding } from "./findings";
import { judgeValue, sameSettingValue, type Judgement } from "./judgeValue";
import type { PreviewResource } from "./previewDocument";
import { alertIdOf, finding, onDeleteOf, valueOf, type StepPart } from "./stepPart";
import { plainText } from "./safeText";
import { hiddenValue } from "./values";

/** Properties of a configuration that are not settings: identity, management, output-only facts. */
const NOT_SETTINGS = new Set([
    "__provider",
    "scope",
    "alertId",
    "onDelete",
    "tenantId",
    "odataType",
    "alertConfigurationType",
    "initialProperties",
    "declaredProperties",
]);

/** Judges an update: each declared setting whose value changes, settings no longer declared, onDelete. */
export function configurationUpdated(part: StepPart, olds: PreviewResource, news: PreviewResource): Finding[] {
    const effects = alertEffects(part.api, alertIdOf(news) ?? "");
    const findings: Finding[] = [];
    for (const name of inCatalogOrder(effects, [...declaredSettings(olds, true), ...declaredSettings(news, false)])) {
        const after = news.inputs[name];
        const before = valueOf(olds, name);
        if (after === undefined) {
            const stopped =
                "no longer declared: Azure keeps its value, but a later change of it is neither reported as drift nor repaired";
            findings.push(finding(part, name, before, null, { effect: "neutral", reason: stopped }));
            continue;
        }
        const judged = judgeSetting(part, effects, name, before, after);
        if (judged) findings.push(finding(part, name, before, after, judged));
    }
    const [oldOnDelete, newOnDelete] = [onDeleteOf(olds), onDeleteOf(news)];
    if (oldOnDelete !== newOnDelete)
        findings.push(finding(part, "onDelete", oldOnDelete, newOnDelete, onDeleteChange(newOnDelete)));
    return findings;
}

/** Judges drift: each declared setting whose live value differs from what the last `up` recorded. */
export function configurationDrifted(part: StepPart, before: PreviewResource, after: PreviewResource): Finding[] {
    const effects = alertEffects(part.api, alertIdOf(after) ?? alertIdOf(before) ?? "");
    const findings: Finding[] = [];
    for (const name of inCatalogOrder(effects, [...declaredSettings(before, true), ...declaredSettings(after, true)])) {
        const [was, is] = [before.outputs[name] ?? before.inputs[name], after.outputs[name] ?? after.inputs[name]];
        const judged = judgeSetting(part, effects, name, was, is);
        if (judged) findings.push(finding(part, name, was, is, judged));
    }
    return findings;
}

/** Judges a configuration added to the program: it is adopted, then its declared values are written. */
export function configurationAdded(part: StepPart): Finding[] {
    const effects = alertEffects(part.api, alertIdOf(part.state) ?? "");
    const adopted =
        "added to the program: the configuration (which always exists in Azure) is adopted and its declared values written";
    const findings = [finding(part, WHOLE_RESOURCE, null, null, { effect: "neutral", reason: adopted })];
    for (const name of inCatalogOrder(effects, declaredSettings(part.state, false))) {
        const after = part.state.inputs[name];
        const setting = settingOf(part, effects, name);
        let judged: Judgement;
        if (typeof setting === "string") judged = { effect: "unknown", reason: setting };
        else if (hiddenValue(after) !== undefined) judged = judgeValue(setting, after, after);
        else if (setting.kind === "switch" && after === true)
            judged = { effect: "neutral", reason: "enabled: this cannot weaken the alert" };
        else
            judged = {
                effect: "unknown",
                reason: "the value Azure holds now is not in the preview (`pim-alerts export` prints it)",
            };
        findings.push(finding(part, name, null, after, judged));
    }
    return findings;
}

/** Judges a configuration leaving the program, by its onDelete. */
export function configurationRemoved(part: StepPart): Finding[] {
    const onDelete = onDeleteOf(part.state);
    const declared = inCatalogOrder(
        alertEffects(part.api, alertIdOf(part.state) ?? ""),
        declaredSettings(part.state, true),
    );
    if (onDelete === "retain") {
        const released =
            declared.length === 0
                ? ""
                : `, but ${declared.join(", ")} ${declared.length === 1 ? "is" : "are"} no longer managed: a later change is neither reported as drift nor repaired`;
        const reason = `removed from the program; onDelete "retain": nothing changes in Azure${released}`;
        return [finding(part, WHOLE_RESOURCE, null, null, { effect: "neutral", reason })];
    }
    if (onDelete !== "restore") return [finding(part, WHOLE_RESOURCE, null, null, unknownOnDelete(onDelete))];
    const restoring =
        'removed from the program; onDelete "restore" puts back the values Azure held when the resource adopted the configuration';
    const findings = [finding(part, WHOLE_RESOURCE, null, null, { effect: "neutral", reason: restoring })];
    const restored: StepPart = { ...part, prefix: `${part.prefix}onDelete "restore": ` };
    const initial = part.state.outputs["initialProperties"];
    const effects = alertEffects(part.api, alertIdOf(part.state) ?? "");
    for (const name of declared) {
        const before = part.state.outputs[name] ?? part.state.inputs[name];
        const after =
            typeof initial === "object" && initial !== null ? (initial as Record<string, unknown>)[name] : initial;
        if (after === undefined) {
            findings.push(
                finding(restored, name, before, null, {
                    effect: "unknown",
                    reason: "the state records no adopted value to put back",
                }),
            );
            continue;
        }
        const judged = judgeSetting(restored, effects, name, before, after);
        if (judged) findings.push(finding(restored, name, before, after, judged));
    }
    return findings;
}

/** The judgement of one setting's change, or undefined when the two values mean the same. */
function judgeSetting(
    part: StepPart,
    effects: AlertEffects | undefined,
    name: string,
    before: unknown,
    after: unknown,
): Judgement | undefined {
    const setting = settingOf(part, effects, name);
    if (sameSettingValue(typeof setting === "string" ? undefined : setting, before, after)) return undefined;
    return typeof setting === "string" ? { effect: "unknown", reason: setting } : judgeValue(setting, before, after);
}

/** The effects table's entry, or why there is none (an alert or setting this version does not know). */
function settingOf(part: StepPart, effects: AlertEffects | undefined, name: string): SettingEffect | string {
    const alertId = alertIdOf(part.state) ?? "(none)";
    if (!effects) return `this version of pulumi-pim-alerts does not know the alert ${alertId}`;
    return (
        effects.settings[name] ?? `this version of pulumi-pim-alerts does not know the setting ${name} of ${alertId}`
    );
}

/**
 * The settings a state declares: its inputs besides identity and management, and (for a recorded
 * state) the `declaredProperties` output.
 */
function declaredSettings(state: PreviewResource, recorded: boolean): string[] {
    const fromInputs = Object.keys(state.inputs).filter((k) => !NOT_SETTINGS.has(k) && state.inputs[k] !== undefined);
    const declared = state.outputs["declaredProperties"];
    const fromOutputs =
        recorded && Array.isArray(declared)
            ? declared.filter((p): p is string => typeof p === "string" && !NOT_SETTINGS.has(p))
            : [];
    return [...fromInputs, ...fromOutputs];
}

/** Each name once: the catalog's order first (isEnabled, then the alert's settings), then the others sorted. */
function inCatalogOrder(effects: AlertEffects | undefined, names: readonly string[]): string[] {
    const unique = new Set(names);
    const known = Object.keys(effects?.settings ?? {}).filter((n) => unique.has(n));
    return [...known, ...[...unique].filter((n) => !known.includes(n)).sort()];
}

function onDeleteChange(onDelete: unknown): Judgement {
    if (onDelete === "restore")
        return {
            effect: "neutral",
            reason: "deleting this resource will now put back the values Azure held when it adopted the configuration",
        };
    if (onDelete === "retain")
        return { effect: "neutral", reason: "deleting this resource will now leave Azure as it is" };
    return unknownOnDelete(onDelete);
}

function unknownOnDelete(onDelete: unknown): Judgement {
    return {
        effect: "unknown",
        reason: `onDelete ${plainText(JSON.stringify(onDelete) ?? "", 40)} is not one this version knows ("retain" or "restore")`,
    };
}
