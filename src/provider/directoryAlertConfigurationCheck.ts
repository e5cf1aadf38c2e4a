/**
 * `check` of DirectoryAlertConfiguration: validates the inputs with no network call at all.
 * Durations keep the user's spelling: they are compared by meaning, never rewritten.
 */
import { ALL_DIRECTORY_SETTINGS, DIRECTORY_ALERT_IDS, DIRECTORY_ALERTS, isDirectoryAlertId } from "../graph/catalog";
import { checkAlertValues, checkConfigurationBasics } from "./alertConfigurationChecks";
import { checkNoUnknownProperties, type CheckFailure } from "./checkFailures";
import { checkDirectorySetting, loosestSetting } from "./directorySettingCheck";

const COMMON = ["alertId", "isEnabled", "onDelete"];

/** Validated inputs (onDelete defaulted) plus failures. Unknown (preview) values pass through unchanged. */
export function checkDirectoryAlertConfiguration(news: Readonly<Record<string, unknown>>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
    const inputs: Record<string, unknown> = { ...news, onDelete: news["onDelete"] ?? "retain" };
    const failures = checkNoUnknownProperties(news, [...COMMON, ...ALL_DIRECTORY_SETTINGS], "DirectoryAlertConfiguration");
    failures.push(...checkConfigurationBasics(news, inputs, DIRECTORY_ALERT_IDS));
    const alertId = news["alertId"];
    failures.push(...checkSettings(news, alertId));
    return { inputs, failures };
}

function checkSettings(news: Readonly<Record<string, unknown>>, alertId: unknown): CheckFailure[] {
    return checkAlertValues(news, alertId, {
        names: ALL_DIRECTORY_SETTINGS,
        noun: "setting",
        own: isDirectoryAlertId(alertId) ? DIRECTORY_ALERTS[alertId].settings : undefined,
        check: (name, value, ownSetting) => {
            const setting = ownSetting ?? loosestSetting(name);
            return setting ? checkDirectorySetting(name, value, setting) : undefined;
        },
    });
}
