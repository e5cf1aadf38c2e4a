/**
 * A date in the style of the ARM examples: ISO-8601 with an explicit `+00:00` offset
 * (e.g. `2022-04-05T03:04:06.467+00:00`).
 * @param date - The instant to format.
 */
export function armDateTime(date: Date): string {
    return date.toISOString().replace("Z", "+00:00");
}

/**
 * A date in the style of Microsoft Graph: ISO-8601 in UTC with a `Z` suffix.
 * @param date - The instant to format.
 */
export function graphDateTime(date: Date): string {
    return date.toISOString();
}

/**
 * Resolves after `ms` milliseconds (immediately when `ms` is 0 or less).
 * @param ms - Delay in milliseconds.
 */
export function delay(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => setTimeout(resolve, ms));
}
