/**
 * `check` of DirectoryAlertDismissal: validates the inputs with no network call.
 */
import { DIRECTORY_ALERT_IDS } from "../../graph/catalog";
import {
    checkDismissedFlag,
    checkNoUnknownProperties,
    checkOnDelete,
    checkOneOf,
    isUnknown,
    type CheckFailure,
} from "../common/checkFailures";
import { DISMISSAL_ON_DELETE } from "../common/commonProperties";

/**
 * Validated inputs plus failures. `isActive: false` is added as the desired state, so that a
 * refresh that finds the alert active again shows `isActive: true => false`.
 */
export function checkDirectoryAlertDismissal(news: Readonly<Record<string, unknown>>): {
    inputs: Record<string, unknown>;
    failures: CheckFailure[];
} {
    const inputs: Record<string, unknown> = { ...news, onDelete: news["onDelete"] ?? "retain", isActive: false };
    const failures = checkNoUnknownProperties(news, ["alertId", "onDelete", "isActive"], "DirectoryAlertDismissal");
    for (const failure of [
        checkDismissedFlag(news["isActive"]),
        isUnknown(news["alertId"]) ? undefined : checkOneOf("alertId", news["alertId"], DIRECTORY_ALERT_IDS),
        checkOnDelete(inputs["onDelete"], DISMISSAL_ON_DELETE),
    ]) {
        if (failure) failures.push(failure);
    }
    return { inputs, failures };
}
