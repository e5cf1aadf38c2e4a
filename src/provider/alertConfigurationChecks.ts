/**
 * The checks an alert configuration makes whichever API it is written to: alertId one of the API's
 * alerts, isEnabled and onDelete; and each value the alert can be tuned with (ARM thresholds, Graph
 * settings) accepted only on an alert that has it.
 */
import { checkOnDelete, checkOneOf, checkOptionalBoolean, isUnknown, show, type CheckFailure } from "./checkFailures";
import { CONFIGURATION_ON_DELETE } from "./onDelete";

/** Failures of alertId (one of `alertIds`), isEnabled and onDelete (of `inputs`, where it is defaulted), in that order. */
export function checkConfigurationBasics(
    news: Readonly<Record<string, unknown>>,
    inputs: Readonly<Record<string, unknown>>,
    alertIds: readonly string[],
): CheckFailure[] {
    const alertId = news["alertId"];
    const failures: CheckFailure[] = [];
    for (const failure of [
        isUnknown(alertId) ? undefined : checkOneOf("alertId", alertId, alertIds),
        checkOptionalBoolean("isEnabled", news["isEnabled"]),
        checkOnDelete(inputs["onDelete"], CONFIGURATION_ON_DELETE),
    ]) {
        if (failure) failures.push(failure);
    }
    return failures;
}

/** The values an alert of one API can be tuned with. */
export interface AlertValues<Spec> {
    /** Every value of any alert of the API. */
    readonly names: readonly string[];
    /** What the API calls them, singular: "threshold", "setting". */
    readonly noun: string;
    /** The values of the declared alert, by name; undefined when the alertId is not known. */
    readonly own: Readonly<Record<string, Spec>> | undefined;
    /** Checks a declared value against its spec (undefined when the alertId is not known). */
    check(name: string, value: unknown, spec: Spec | undefined): CheckFailure | undefined;
}

/** Failures of the declared values of `alertId`: one the alert does not have (naming those it has), or one `check` refuses. */
export function checkAlertValues<Spec>(news: Readonly<Record<string, unknown>>, alertId: unknown, values: AlertValues<Spec>): CheckFailure[] {
    const { names, noun, own } = values;
    const failures: CheckFailure[] = [];
    for (const name of names) {
        const value = news[name];
        if (value === undefined || isUnknown(value)) continue;
        if (own && !(name in own)) {
            const allowed = Object.keys(own);
            failures.push({
                property: name,
                reason:
                    `${name} (${show(value)}) is not a ${noun} of ${String(alertId)}; ` +
                    (allowed.length ? `its ${noun}s are ${allowed.join(", ")}` : `this alert has no ${noun}s (only isEnabled)`),
            });
            continue;
        }
        const failure = values.check(name, value, own?.[name]);
        if (failure) failures.push(failure);
    }
    return failures;
}
