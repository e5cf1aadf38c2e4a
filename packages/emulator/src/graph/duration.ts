/**
 * Parses an Edm.Duration (xs:dayTimeDuration: `P[nD][T[nH][nM][n[.n]S]]`) into seconds.
 * Years, months, weeks and negative values are not day-time durations and give `undefined`.
 * @param text - The duration text, e.g. `P30D`, `PT1H`, `PT10S`.
 */
export function durationSeconds(text: string): number | undefined {
    const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
    if (match === null || text === "P" || text.endsWith("T")) return undefined;
    const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
    return Number(days) * 86_400 + Number(hours) * 3_600 + Number(minutes) * 60 + Number(seconds);
}
