/**
 * What the judges share: the resource a step (or half of a replacement) is about, its scope and
 * alert as the state shows them, and building a finding from a judgement.
 */
import type { AlertApi } from "./effects";
import type { Finding } from "./findings";
import type { Judgement } from "./judgeValue";
import type { PimStep } from "./pimSteps";
import type { PreviewResource } from "./previewDocument";
import { findingValue } from "./values";

/** One judged part of a step: the whole step, or the delete or create half of a replacement. */
export interface StepPart {
    readonly step: PimStep;
    readonly api: AlertApi;
    /** The state that names the resource (its scope and alert). */
    readonly state: PreviewResource;
    /** The operation as judged: the step's, or `delete-replaced` / `create-replacement` for a replace. */
    readonly op: string;
    /** Put before every reason: `replaced (scope changed): `, `changed outside Pulumi: `, or nothing. */
    readonly prefix: string;
}

/** A property of a state: its input, or its output when the inputs do not hold it. */
export function valueOf(state: PreviewResource | undefined, name: string): unknown {
    if (!state) return undefined;
    return state.inputs[name] !== undefined ? state.inputs[name] : state.outputs[name];
}

/** The ARM scope of the state, or `directory`. */
export function scopeOf(api: AlertApi, state: PreviewResource): string {
    if (api === "directory") return "directory";
    const scope = findingValue(valueOf(state, "scope"));
    return typeof scope === "string" ? scope : "(no scope in the preview)";
}

/** The alert id of the state, as a finding shows it (`[secret]`, `[unknown]` when hidden). */
export function alertIdOf(state: PreviewResource | undefined): string | null {
    const alertId = findingValue(valueOf(state, "alertId"));
    return typeof alertId === "string" ? alertId : null;
}

/** The onDelete a state records ("retain" when it records none, as the resources default). */
export function onDeleteOf(state: PreviewResource): unknown {
    return valueOf(state, "onDelete") ?? "retain";
}

/** The finding of one property of a part. */
export function finding(
    part: StepPart,
    property: string,
    before: unknown,
    after: unknown,
    judgement: Judgement,
): Finding {
    const { step } = part;
    return {
        urn: step.urn,
        name: step.name,
        type: step.type,
        scope: scopeOf(part.api, part.state),
        alertId: alertIdOf(part.state),
        property,
        before: findingValue(before),
        after: findingValue(after),
        effect: judgement.effect,
        kind: step.kind,
        reason: `${part.prefix}${judgement.reason}`,
        op: part.op,
    };
}
