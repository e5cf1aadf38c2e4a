/**
 * ISO-8601 durations (Graph's Edm.Duration), parsed with luxon and compared by meaning, not by text:
 * `P30D`, `PT720H` and `P4W2D` are the same duration, so a service that answers in another spelling
 * never shows as drift.
 *
 * A day is exactly 24 hours and a week 7 days (Edm.Duration is a day-time duration). Months and years
 * are refused: their length varies, so they cannot be compared or range-checked honestly.
 *
 * Programs may write any ISO-8601 spelling (`P4W2D`, `P1.5D`); what goes over the wire is always the
 * Edm.Duration form (`P[nD][T[nH][nM][n[.n]S]]`, no weeks, fractions only on seconds), see {@link toEdmDuration}.
 */
import type * as Luxon from "luxon";
import { excerpt, parsed, parseProblem, type ParseResult } from "../errors";

// luxon is loaded by the first duration parsed (a check or a diff in the provider host), not by a program
// process that only declares resources. Synchronous, as parsing is.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy loading, see above
const luxonDuration = () => (require("luxon") as typeof Luxon).Duration;

/** The outcome of parsing a duration: its length in milliseconds, or why the text is not one this package accepts. */
export type DurationParse = ParseResult<number>;

/** Milliseconds in one day (24 hours). */
export const DAY_MS = 86_400_000;

/** Parses an ISO-8601 duration such as `P30D`, `PT720H`, `P4W2D` or `PT10S`. */
export function parseDuration(text: string): DurationParse {
    const duration = luxonDuration().fromISO(text);
    if (!duration.isValid)
        return parseProblem(`${excerpt(text)} is not an ISO-8601 duration (e.g. "P30D", "PT12H", "PT10S")`);
    const parts = duration.toObject();
    const used = Object.entries(parts).filter(([, value]) => value !== undefined);
    // luxon accepts "P", "PT" and a dangling "T"; ISO-8601 does not.
    if (used.length === 0 || text.endsWith("T"))
        return parseProblem(`${excerpt(text)} has no value after P or T (e.g. "P30D", "PT12H")`);
    if (used.some(([, value]) => (value ?? 0) < 0) || text.startsWith("-"))
        return parseProblem(`${excerpt(text)} is negative`);
    if ((parts.years ?? 0) !== 0 || (parts.months ?? 0) !== 0) {
        return parseProblem(
            `${excerpt(text)} uses years or months, whose length varies; write days instead (e.g. "P30D", "P365D")`,
        );
    }
    return parsed(duration.toMillis());
}

/**
 * True when two values are the same duration. A value that is not a duration (a spelling this
 * package cannot parse) is only the same as an identical value.
 */
export function sameDuration(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (typeof a !== "string" || typeof b !== "string") return false;
    const left = parseDuration(a);
    const right = parseDuration(b);
    return left.ok && right.ok && left.value === right.value;
}

/** A length for messages: `30 days`, `1 day 12 hours`, `10 seconds`, `0 seconds`. */
export function describeDuration(milliseconds: number): string {
    const shifted = luxonDuration()
        .fromMillis(milliseconds)
        .shiftTo("days", "hours", "minutes", "seconds", "milliseconds")
        .toObject();
    const units: ReadonlyArray<[number | undefined, string]> = [
        [shifted.days, "day"],
        [shifted.hours, "hour"],
        [shifted.minutes, "minute"],
        [shifted.seconds, "second"],
        [shifted.milliseconds, "millisecond"],
    ];
    const parts = units
        .filter(([n]) => n !== undefined && n !== 0)
        .map(([n, unit]) => `${n} ${unit}${n === 1 ? "" : "s"}`);
    return parts.length > 0 ? parts.join(" ") : "0 seconds";
}

/**
 * The Edm.Duration spelling Graph accepts for an ISO-8601 duration: `P4W2D` => `P30D`, `PT36H` => `P1DT12H`,
 * `PT90S` => `PT1M30S`, `PT0.5S` => `PT0.5S`, zero => `P0D`. Undefined when the text is not a duration this package accepts.
 */
export function toEdmDuration(text: string): string | undefined {
    const result = parseDuration(text);
    if (!result.ok) return undefined;
    let rest = result.value;
    const take = (unit: number) => {
        const n = Math.floor(rest / unit);
        rest -= n * unit;
        return n;
    };
    const days = take(DAY_MS);
    const hours = take(3_600_000);
    const minutes = take(60_000);
    // Whole milliseconds as decimal seconds without float noise (1500 => "1.5").
    const seconds = rest === 0 ? "" : `${(rest / 1000).toFixed(3).replace(/\.?0+$/, "")}S`;
    const time = `${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${seconds}`;
    if (days === 0 && time === "") return "P0D";
    return `P${days ? `${days}D` : ""}${time ? `T${time}` : ""}`;
}
