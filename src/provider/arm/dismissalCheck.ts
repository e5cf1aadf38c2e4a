/**
 * `check` of AlertDismissal: validates and normalises the inputs with no network call.
 */
import { ARM_ALERT_IDS } from "../../arm/catalog";
import { parseScope, sameScope } from "../../arm/scope";
import {
    checkDismissedFlag,
    checkNoUnknownProperties,
    checkOnDelete,
    checkOneOf,
    isUnknown,
    show,
    type CheckFailure,
} from "../common/checkFailures";
import { DISMISSAL_ON_DELETE } from "../common/commonProperties";

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
    const scope = news["scope"];
    if (!isUnknown(scope)) {
        const parsed = typeof scope === "string" ? parseScope(scope) : undefined;
        if (!parsed)
            failures.push({ property: "scope", reason: `scope must be an ARM scope string; got ${show(scope)}` });
        else if (!parsed.ok)
            failures.push({ property: "scope", reason: `scope ${show(scope)} is not valid: ${parsed.problem}` });
        else
            inputs["scope"] =
                typeof olds["scope"] === "string" && sameScope(olds["scope"], parsed.value.id)
                    ? olds["scope"]
                    : parsed.value.id;
    }
    for (const failure of [
        isUnknown(news["alertId"]) ? undefined : checkOneOf("alertId", news["alertId"], ARM_ALERT_IDS),
        checkOnDelete(inputs["onDelete"], DISMISSAL_ON_DELETE),
    ]) {
        if (failure) failures.push(failure);
    }
    return { inputs, failures };
}
