import { describeDuration, parseDuration, sameDuration, toEdmDuration } from "../../../src/graph/duration";

const DAY = 86_400_000;

describe("parseDuration", () => {
    test.each<[string, number]>([
        ["P30D", 30 * DAY],
        ["PT720H", 30 * DAY],
        ["P4W2D", 30 * DAY],
        ["P4W", 28 * DAY],
        ["P1DT12H", 1.5 * DAY],
        ["P1.5D", 1.5 * DAY],
        ["PT10S", 10_000],
        ["PT0.5S", 500],
        ["PT1M", 60_000],
        ["P0D", 0],
        ["PT0S", 0],
        ["P0Y0M30D", 30 * DAY],
        ["P365D", 365 * DAY],
        ["P30DT0H0M0S", 30 * DAY],
    ])("%s lasts %d ms", (text, milliseconds) => {
        expect(parseDuration(text)).toEqual({ ok: true, value: milliseconds });
    });

    const NOT_ISO = '(e.g. "P30D", "PT12H", "PT10S")';
    const EMPTY = '(e.g. "P30D", "PT12H")';
    const VARIES = 'whose length varies; write days instead (e.g. "P30D", "P365D")';
    test.each<[string, string]>([
        ["30", `"30" is not an ISO-8601 duration ${NOT_ISO}`],
        ["30 days", `"30 days" is not an ISO-8601 duration ${NOT_ISO}`],
        ["p30d", `"p30d" is not an ISO-8601 duration ${NOT_ISO}`],
        ["P30D ", `"P30D " is not an ISO-8601 duration ${NOT_ISO}`],
        ["", `"" is not an ISO-8601 duration ${NOT_ISO}`],
        ["P1,5D", `"P1,5D" is not an ISO-8601 duration ${NOT_ISO}`],
        ["P", `"P" has no value after P or T ${EMPTY}`],
        ["PT", `"PT" has no value after P or T ${EMPTY}`],
        ["P1DT", `"P1DT" has no value after P or T ${EMPTY}`],
        ["-P1D", `"-P1D" is negative`],
        ["P-1D", `"P-1D" is negative`],
        ["P1DT-1H", `"P1DT-1H" is negative`],
        ["P1M", `"P1M" uses years or months, ${VARIES}`],
        ["P1Y", `"P1Y" uses years or months, ${VARIES}`],
        ["P1Y2D", `"P1Y2D" uses years or months, ${VARIES}`],
    ])("%j is refused", (text, reason) => {
        expect(parseDuration(text)).toEqual({ ok: false, problem: reason });
    });
});

describe("sameDuration", () => {
    test.each<[unknown, unknown, boolean]>([
        ["P30D", "P30D", true],
        ["P30D", "PT720H", true],
        ["P30D", "P4W2D", true],
        ["PT720H", "P4W2D", true],
        ["P1DT12H", "PT36H", true],
        ["PT60M", "PT1H", true],
        ["PT3600S", "PT1H", true],
        ["P30D", "P31D", false],
        ["P30D", "PT719H", false],
        ["PT10S", "PT11S", false],
        // Months cannot be compared: a month is not 30 days.
        ["P1M", "P30D", false],
        // Text that is not a duration is only the same as identical text.
        ["30.00:00:00", "30.00:00:00", true],
        ["30.00:00:00", "P30D", false],
        [undefined, "P30D", false],
        [30, "P30D", false],
    ])("%j and %j: %s", (a, b, same) => {
        expect(sameDuration(a, b)).toBe(same);
        expect(sameDuration(b, a)).toBe(same);
    });
});

describe("describeDuration", () => {
    test.each<[number, string]>([
        [30 * DAY, "30 days"],
        [DAY, "1 day"],
        [1.5 * DAY, "1 day 12 hours"],
        [10_000, "10 seconds"],
        [60_000, "1 minute"],
        [500, "500 milliseconds"],
        [0, "0 seconds"],
    ])("%d ms is %s", (milliseconds, text) => {
        expect(describeDuration(milliseconds)).toBe(text);
    });
});

describe("toEdmDuration", () => {
    test.each<[string, string | undefined]>([
        ["P30D", "P30D"],
        ["PT720H", "P30D"],
        ["P4W2D", "P30D"],
        ["P1.5D", "P1DT12H"],
        ["PT36H", "P1DT12H"],
        ["PT90S", "PT1M30S"],
        ["PT10S", "PT10S"],
        ["PT0.5S", "PT0.5S"],
        ["PT1.25S", "PT1.25S"],
        ["P1DT1H1M1S", "P1DT1H1M1S"],
        ["PT0S", "P0D"],
        ["P0D", "P0D"],
        ["P1M", undefined],
        ["30 days", undefined],
    ])("%s goes over the wire as %s", (text, edm) => {
        expect(toEdmDuration(text)).toBe(edm);
    });
});
