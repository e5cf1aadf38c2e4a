/**
 * `check` of AlertConfiguration: validates and normalises the inputs with no network call at all.
 */
import { ALL_ARM_THRESHOLDS, ARM_ALERTS, ARM_ALERT_IDS, isArmAlertId } from "../arm/catalog";
import { parseScope, sameScope } from "../arm/scope";
import { checkInteger, checkNoUnknownProperties, checkOnDelete, checkOneOf, checkOptionalBoolean, isUnknown, show, type CheckFailure } from "./checkFailures";
import { CONFIGURATION_ON_DELETE } from "./onDelete";

export { CONFIGURATION_ON_DELETE } from "./onDelete";

const INT32_MAX = 2_147_483_647;
const COMMON = ["scope", "alertId", "isEnabled", "onDelete"];

/** Validated, normalised inputs plus failures. Unknown (preview) values pass through unchanged. */
export function checkAlertConfiguration(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
    const inputs: Record<string, unknown> = { ...news, onDelete: news["onDelete"] ?? "retain" };
    const failures = checkNoUnknownProperties(news, [...COMMON, ...ALL_ARM_THRESHOLDS], "AlertConfiguration");

    const scope = news["scope"];
    if (!isUnknown(scope)) {
        if (typeof scope !== "string") failures.push({ property: "scope", reason: `scope must be an ARM scope string; got ${show(scope)}` });
        else {
            const parsed = parseScope(scope);
            if (!parsed.ok) failures.push({ property: "scope", reason: `scope ${show(scope)} is not valid: ${parsed.reason}` });
            // Keep the stored spelling when only case differs, so state does not churn.
            else inputs["scope"] = typeof olds["scope"] === "string" && sameScope(olds["scope"], parsed.scope.id) ? olds["scope"] : parsed.scope.id;
        }
    }

    const alertId = news["alertId"];
    if (!isUnknown(alertId)) {
        const failure = checkOneOf("alertId", alertId, ARM_ALERT_IDS);
        if (failure) failures.push(failure);
    }

    for (const failure of [checkOptionalBoolean("isEnabled", news["isEnabled"]), checkOnDelete(inputs["onDelete"], CONFIGURATION_ON_DELETE)]) {
        if (failure) failures.push(failure);
    }

    failures.push(...checkThresholds(news, alertId));
    return { inputs, failures };
}

function checkThresholds(news: Readonly<Record<string, unknown>>, alertId: unknown): CheckFailure[] {
    const failures: CheckFailure[] = [];
    const own = isArmAlertId(alertId) ? ARM_ALERTS[alertId].thresholds : undefined;
    for (const name of ALL_ARM_THRESHOLDS) {
        const value = news[name];
        if (value === undefined || isUnknown(value)) continue;
        if (own && !(name in own)) {
            const allowed = Object.keys(own);
            failures.push({
                property: name,
                reason:
                    `${name} (${show(value)}) is not a threshold of ${String(alertId)}; ` +
                    (allowed.length ? `its thresholds are ${allowed.join(", ")}` : "this alert has no thresholds (only isEnabled)"),
            });
            continue;
        }
        const kind = own?.[name] ?? (name.startsWith("thresholdPercentage") ? "percentage" : "count");
        const failure = kind === "percentage" ? checkInteger(name, value, 0, 100, "a percentage") : checkInteger(name, value, 0, INT32_MAX, "a count");
        if (failure) failures.push(failure);
    }
    return failures;
}
