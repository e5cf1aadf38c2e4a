/**
 * `check` of AlertConfiguration: validates and normalises the inputs with no network call at all.
 */
import { ALL_ARM_THRESHOLDS, ARM_ALERTS, ARM_ALERT_IDS, isArmAlertId } from "../../arm/catalog";
import { parseScope, sameScope } from "../../arm/scope";
import { checkAlertValues, checkConfigurationBasics } from "../common/commonProperties";
import { checkInteger, checkNoUnknownProperties, isUnknown, show, type CheckFailure } from "../common/checkFailures";

export { CONFIGURATION_ON_DELETE } from "../common/commonProperties";

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
        if (typeof scope !== "string")
            failures.push({ property: "scope", reason: `scope must be an ARM scope string; got ${show(scope)}` });
        else {
            const parsed = parseScope(scope);
            if (!parsed.ok)
                failures.push({ property: "scope", reason: `scope ${show(scope)} is not valid: ${parsed.problem}` });
            // Keep the stored spelling when only case differs, so state does not churn.
            else
                inputs["scope"] =
                    typeof olds["scope"] === "string" && sameScope(olds["scope"], parsed.value.id)
                        ? olds["scope"]
                        : parsed.value.id;
        }
    }

    failures.push(...checkConfigurationBasics(news, inputs, ARM_ALERT_IDS));
    const alertId = news["alertId"];
    failures.push(...checkThresholds(news, alertId));
    return { inputs, failures };
}

function checkThresholds(news: Readonly<Record<string, unknown>>, alertId: unknown): CheckFailure[] {
    return checkAlertValues(news, alertId, {
        names: ALL_ARM_THRESHOLDS,
        noun: "threshold",
        own: isArmAlertId(alertId) ? ARM_ALERTS[alertId].thresholds : undefined,
        check: (name, value, ownKind) => {
            const kind = ownKind ?? (name.startsWith("thresholdPercentage") ? "percentage" : "count");
            return kind === "percentage"
                ? checkInteger(name, value, 0, 100, "a percentage")
                : checkInteger(name, value, 0, INT32_MAX, "a count");
        },
    });
}
