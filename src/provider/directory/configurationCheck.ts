/**
 * `check` of DirectoryAlertConfiguration: validates the inputs with no network call at all. Each Graph
 * setting is checked against its catalog constraint: whole numbers by value, ISO-8601 durations by
 * meaning (`PT720H` is 30 days), keeping the user's spelling (compared by meaning, never rewritten).
 * Every failure names the property, the value and what is allowed.
 */
import {
    ALL_DIRECTORY_SETTINGS,
    DIRECTORY_ALERT_IDS,
    DIRECTORY_ALERTS,
    alertsWithSetting,
    isDirectoryAlertId,
    type DirectorySetting,
    type DurationSetting,
} from "../../graph/catalog";
import { DAY_MS, describeDuration, parseDuration } from "../../graph/duration";
import { checkInteger, checkNoUnknownProperties, show, type CheckFailure } from "../common/checkFailures";
import { checkAlertValues, checkConfigurationBasics } from "../common/commonProperties";

const COMMON = ["alertId", "isEnabled", "onDelete"];

/** Validated inputs (onDelete defaulted) plus failures. Unknown (preview) values pass through unchanged. */
export function checkDirectoryAlertConfiguration(news: Readonly<Record<string, unknown>>): {
    inputs: Record<string, unknown>;
    failures: CheckFailure[];
} {
    const inputs: Record<string, unknown> = { ...news, onDelete: news["onDelete"] ?? "retain" };
    const failures = checkNoUnknownProperties(
        news,
        [...COMMON, ...ALL_DIRECTORY_SETTINGS],
        "DirectoryAlertConfiguration",
    );
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

/** The value satisfies the constraint, or a failure. */
export function checkDirectorySetting(
    property: string,
    value: unknown,
    setting: DirectorySetting,
): CheckFailure | undefined {
    if (setting.kind === "integer") return checkInteger(property, value, setting.min, setting.max, setting.what);
    return checkDurationSetting(property, value, setting);
}

function checkDurationSetting(property: string, value: unknown, setting: DurationSetting): CheckFailure | undefined {
    const allowed = `${setting.what}, ${setting.min}..${setting.max}`;
    const fail = (reason: string): CheckFailure => ({ property, reason });
    if (typeof value !== "string")
        return fail(
            `${property} must be an ISO-8601 duration string (${allowed}, e.g. "${setting.max}"); got ${typeof value} ${show(value)}`,
        );
    const parsed = parseDuration(value);
    if (!parsed.ok) return fail(`${property} is not valid: ${parsed.problem}; allowed: ${allowed}`);
    const ms = parsed.value;
    if (setting.wholeDays && ms % DAY_MS !== 0) {
        return fail(
            `${property} must be a whole number of days (${allowed}); got ${show(value)} (${describeDuration(ms)})`,
        );
    }
    const min = millisecondsOf(setting.min);
    const max = millisecondsOf(setting.max);
    if (ms < min || ms > max) {
        return fail(
            `${property} must be between ${setting.min} and ${setting.max} (${setting.what}: ${describeDuration(min)} to ${describeDuration(max)}); ` +
                `got ${show(value)} (${describeDuration(ms)})`,
        );
    }
    return undefined;
}

/**
 * The loosest constraint of a setting name over every alert that has it, for when the alert is not
 * known yet (a preview unknown) or not valid (that failure is reported on alertId).
 */
export function loosestSetting(property: string): DirectorySetting | undefined {
    const settings = alertsWithSetting(property)
        .map((spec) => spec.settings[property])
        .filter((s): s is DirectorySetting => s !== undefined);
    return settings.reduce<DirectorySetting | undefined>(
        (loosest, s) => (loosest === undefined ? s : widen(loosest, s)),
        undefined,
    );
}

function widen(a: DirectorySetting, b: DirectorySetting): DirectorySetting {
    if (a.kind === "integer" && b.kind === "integer")
        return { ...a, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max), what: "a number" };
    if (a.kind === "duration" && b.kind === "duration") {
        const min = millisecondsOf(a.min) <= millisecondsOf(b.min) ? a.min : b.min;
        const max = millisecondsOf(a.max) >= millisecondsOf(b.max) ? a.max : b.max;
        return { kind: "duration", min, max, wholeDays: a.wholeDays && b.wholeDays, what: "a duration" };
    }
    throw new Error(`internal-error: the catalog gives two kinds to one setting name`);
}

function millisecondsOf(catalogDuration: string): number {
    const parsed = parseDuration(catalogDuration);
    if (!parsed.ok) throw new Error(`internal-error: catalog duration ${catalogDuration}: ${parsed.problem}`);
    return parsed.value;
}
