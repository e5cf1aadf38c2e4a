import { backoffDelayMs, DEFAULT_RETRY_OPTIONS, isRetryable, serverRequestedDelayMs } from "../../../src/http/retryPolicy";

describe("retry policy", () => {
    test.each([
        ["GET", 429, undefined, true],
        ["GET", 503, undefined, true],
        ["PATCH", 500, undefined, true],
        ["PATCH", 400, undefined, false],
        ["GET", 404, undefined, false],
        ["POST", 500, undefined, false],
        ["POST", 429, undefined, true],
        ["PATCH", undefined, "ECONNRESET", true],
        ["POST", undefined, "ECONNRESET", false],
        ["POST", undefined, "ECONNREFUSED", true],
        ["GET", undefined, "ERR_INVALID_URL", false],
    ])("%s answered %s / %s is retryable: %s", (method, status, code, expected) => {
        expect(isRetryable(method, status, code)).toBe(expected);
    });

    test.each([
        [{ "retry-after-ms": "250" }, 250],
        [{ "x-ms-retry-after-ms": "40" }, 40],
        [{ "retry-after": "3" }, 3000],
        [{ "retry-after": "Thu, 01 Jan 2099 00:00:10 GMT" }, Date.parse("Thu, 01 Jan 2099 00:00:10 GMT") - Date.parse("Thu, 01 Jan 2099 00:00:00 GMT")],
        [{}, undefined],
        [{ "retry-after": "soon" }, undefined],
    ])("honours %j as %s ms", (headers, expected) => {
        expect(serverRequestedDelayMs(headers, Date.parse("Thu, 01 Jan 2099 00:00:00 GMT"))).toBe(expected);
    });

    test("backoff grows and is capped", () => {
        const max = () => 1;
        expect(backoffDelayMs(1, DEFAULT_RETRY_OPTIONS, max)).toBe(500);
        expect(backoffDelayMs(3, DEFAULT_RETRY_OPTIONS, max)).toBe(2000);
        expect(backoffDelayMs(20, DEFAULT_RETRY_OPTIONS, max)).toBe(30_000);
        expect(backoffDelayMs(3, DEFAULT_RETRY_OPTIONS, () => 0)).toBe(1000);
    });
});
