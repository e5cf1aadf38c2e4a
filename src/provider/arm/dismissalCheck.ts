/**
 * `check` of AlertDismissal: validates and normalises the inputs with no network call.
 */
import { ARM_ALERT_IDS } from "../../arm/catalog";
import {
    checkDismissedFlag,
    checkNoUnknownProperties,
    checkOnDelete,
    checkOneOf,
    isUnknown,
    type CheckFailure,
} from "../common/checkFailures";
import { DISMISSAL_ON_DELETE } from "../common/commonProperties";
import { checkScope } from "./resourceIdentity";

export { DISMISSAL_ON_DELETE } from "../common/commonProperties";

/**
 * Validated inputs plus failures. `isActive: false` is added as the desired state, so that a
 * refresh that finds the alert active again shows `isActive: true => false`.
 */
export function checkAlertDismissal(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
    const inputs: Record<string, unknown> = { ...news, onDelete: news["onDelete"] ?? "retain", isActive: false };
    const failures = checkNoUnknownProperties(news, ["scope", "alertId", "onDelete", "isActive"], "AlertDismissal");
    const flagFailure = checkDismissedFlag(news["isActive"]);
    if (flagFailure) failures.push(flagFailure);
    const scopeFailure = checkScope(olds, news, inputs);
    if (scopeFailure) failures.push(scopeFailure);
    for (const failure of [
        isUnknown(news["alertId"]) ? undefined : checkOneOf("alertId", news["alertId"], ARM_ALERT_IDS),
        checkOnDelete(inputs["onDelete"], DISMISSAL_ON_DELETE),
    ]) {
        if (failure) failures.push(failure);
    }
    return { inputs, failures };
}
