/**
 * Judges one setting going from one value to another, by the effects table: weakens, strengthens,
 * or unknown when a value is secret, not yet known, missing or of an unexpected type. Durations are
 * compared by meaning (`P30D` is `PT720H`), as the resources compare them.
 */
import { describeDuration, parseDuration, sameDuration } from "../graph/duration";
import type { SettingEffect, ThresholdEffect } from "./effects";
import type { Effect } from "./findings";
import { describeType, hiddenValue, sameJson } from "./values";

/** An effect and the one-line reason for it. */
export interface Judgement {
    readonly effect: Effect;
    readonly reason: string;
}

/** True when the two values mean the same for this setting (so there is nothing to report). */
export function sameSettingValue(setting: SettingEffect | undefined, before: unknown, after: unknown): boolean {
    return setting?.kind === "duration" ? sameDuration(before, after) : sameJson(before, after);
}

/**
 * Judges a change of `setting` from `before` to `after` (the caller has checked that they differ).
 * `before` undefined means the preview does not show the value before.
 */
export function judgeValue(setting: SettingEffect, before: unknown, after: unknown): Judgement {
    const hidden = hiddenValue(before) ?? hiddenValue(after);
    if (hidden === "secret") return unknown("the value is secret in the preview: the review cannot see it");
    if (hidden === "unknown") return unknown("the new value is known only when the update runs");
    if (before === undefined || before === null) return unknown("the value before is not in the preview");
    if (setting.kind === "switch") {
        if (typeof before !== "boolean" || typeof after !== "boolean")
            return unknown(`expected true or false, got ${describeType(typeof before !== "boolean" ? before : after)}`);
        return after
            ? { effect: "strengthens", reason: setting.turnedOn }
            : { effect: "weakens", reason: setting.turnedOff };
    }
    const measured = measure(setting, before, after);
    if (typeof measured === "string") return unknown(measured);
    const [from, to] = measured;
    if (from === to)
        return { effect: "neutral", reason: `the same value, written differently (${show(setting, before)})` };
    const weakens = to > from === (setting.weakensWhen === "higher");
    const now = setting.does(show(setting, after));
    return weakens
        ? { effect: "weakens", reason: `the alert now only ${now} instead of ${show(setting, before)}` }
        : { effect: "strengthens", reason: `the alert now ${now} instead of ${show(setting, before)}` };
}

/** The two values as comparable numbers (milliseconds for durations), or why they are not. */
function measure(setting: ThresholdEffect, before: unknown, after: unknown): [number, number] | string {
    if (setting.kind === "number") {
        const bad = [before, after].find((v) => typeof v !== "number" || !Number.isFinite(v));
        return bad === undefined ? [before as number, after as number] : `expected a number, got ${describeType(bad)}`;
    }
    const values: number[] = [];
    for (const value of [before, after]) {
        if (typeof value !== "string") return `expected an ISO-8601 duration, got ${describeType(value)}`;
        const parsed = parseDuration(value);
        if (!parsed.ok) return `${parsed.problem}, so it cannot be compared`;
        values.push(parsed.value);
    }
    return [values[0], values[1]];
}

/** `10`, `40%`, `30 days`. */
function show(setting: ThresholdEffect, value: unknown): string {
    if (setting.kind === "number") return `${String(value)}${setting.unit}`;
    const parsed = typeof value === "string" ? parseDuration(value) : undefined;
    return parsed?.ok ? describeDuration(parsed.value) : String(value);
}

function unknown(reason: string): Judgement {
    return { effect: "unknown", reason };
}
