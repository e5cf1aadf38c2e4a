/**
 * `check` of AlertConfiguration: validates and normalises the inputs with no network call at all.
 */
import { ALL_ARM_THRESHOLDS, ARM_ALERTS, ARM_ALERT_IDS, isArmAlertId } from "../../arm/catalog";
import { checkAlertValues, checkConfigurationBasics } from "../common/commonProperties";
import { checkInteger, checkNoUnknownProperties, type CheckFailure } from "../common/checkFailures";
import { checkScope } from "./resourceIdentity";

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

    const scopeFailure = checkScope(olds, news, inputs);
    if (scopeFailure) failures.push(scopeFailure);

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
