/**
 * `check` of DirectoryAlertConfiguration: validates the inputs with no network call at all.
 * Durations keep the user's spelling: they are compared by meaning, never rewritten.
 */
import { ALL_DIRECTORY_SETTINGS, DIRECTORY_ALERT_IDS, DIRECTORY_ALERTS, isDirectoryAlertId } from "../graph/catalog";
import { checkNoUnknownProperties, checkOnDelete, checkOneOf, checkOptionalBoolean, isUnknown, show, type CheckFailure } from "./checkFailures";
import { checkDirectorySetting, loosestSetting } from "./directorySettingCheck";
import { CONFIGURATION_ON_DELETE } from "./onDelete";

const COMMON = ["alertId", "isEnabled", "onDelete"];

/** Validated inputs (onDelete defaulted) plus failures. Unknown (preview) values pass through unchanged. */
export function checkDirectoryAlertConfiguration(news: Readonly<Record<string, unknown>>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
    const inputs: Record<string, unknown> = { ...news, onDelete: news["onDelete"] ?? "retain" };
    const failures = checkNoUnknownProperties(news, [...COMMON, ...ALL_DIRECTORY_SETTINGS], "DirectoryAlertConfiguration");
    const alertId = news["alertId"];
    for (const failure of [
        isUnknown(alertId) ? undefined : checkOneOf("alertId", alertId, DIRECTORY_ALERT_IDS),
        checkOptionalBoolean("isEnabled", news["isEnabled"]),
        checkOnDelete(inputs["onDelete"], CONFIGURATION_ON_DELETE),
    ]) {
        if (failure) failures.push(failure);
    }
    failures.push(...checkSettings(news, alertId));
    return { inputs, failures };
}

function checkSettings(news: Readonly<Record<string, unknown>>, alertId: unknown): CheckFailure[] {
    const failures: CheckFailure[] = [];
    const own = isDirectoryAlertId(alertId) ? DIRECTORY_ALERTS[alertId].settings : undefined;
    for (const name of ALL_DIRECTORY_SETTINGS) {
        const value = news[name];
        if (value === undefined || isUnknown(value)) continue;
        if (own && !(name in own)) {
            const allowed = Object.keys(own);
            failures.push({
                property: name,
                reason:
                    `${name} (${show(value)}) is not a setting of ${String(alertId)}; ` +
                    (allowed.length ? `its settings are ${allowed.join(", ")}` : "this alert has no settings (only isEnabled)"),
            });
            continue;
        }
        const setting = own?.[name] ?? loosestSetting(name);
        const failure = setting ? checkDirectorySetting(name, value, setting) : undefined;
        if (failure) failures.push(failure);
    }
    return failures;
}
