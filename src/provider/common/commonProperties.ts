/**
 * The properties every resource of this package shares, whichever API it is written to: alertId (one
 * of the API's alerts), isEnabled and onDelete (what deleting a resource from the program does in the
 * service: a destroy must never weaken a security control by itself, so "retain" is always the
 * default); and the rule that each value an alert can be tuned with (ARM thresholds, Graph settings)
 * is accepted only on an alert that has it.
 */
import { checkOnDelete, checkOneOf, checkOptionalBoolean, isUnknown, show, type CheckFailure } from "./checkFailures";

/** Configurations: "retain" leaves the service as it is; "restore" writes back the declared properties' adopted values. */
export const CONFIGURATION_ON_DELETE = ["retain", "restore"] as const;

/** Dismissals: "retain" leaves the alert dismissed; "reactivate" sets it active again. */
export const DISMISSAL_ON_DELETE = ["retain", "reactivate"] as const;

/** The onDelete recorded in inputs or state; "retain" when there is none. */
export function onDeleteOf(props: Readonly<Record<string, unknown>>): string {
    return typeof props["onDelete"] === "string" ? props["onDelete"] : "retain";
}

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
export function checkAlertValues<Spec>(
    news: Readonly<Record<string, unknown>>,
    alertId: unknown,
    values: AlertValues<Spec>,
): CheckFailure[] {
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
                    (allowed.length
                        ? `its ${noun}s are ${allowed.join(", ")}`
                        : `this alert has no ${noun}s (only isEnabled)`),
            });
            continue;
        }
        const failure = values.check(name, value, own?.[name]);
        if (failure) failures.push(failure);
    }
    return failures;
}
