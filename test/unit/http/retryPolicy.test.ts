import { expect } from "@jest/globals";
import {
    backoffDelayMs,
    decideRetry,
    DEFAULT_RETRY_OPTIONS,
    isRetryable,
    REAL_CLOCK,
    scaledClock,
    serverRequestedDelayMs,
} from "../../../src/http/retryPolicy";

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
        [
            { "retry-after": "Thu, 01 Jan 2099 00:00:10 GMT" },
            Date.parse("Thu, 01 Jan 2099 00:00:10 GMT") - Date.parse("Thu, 01 Jan 2099 00:00:00 GMT"),
        ],
        [{}, undefined],
        [{ "retry-after": "soon" }, undefined],
        // Not valid: the normal backoff applies (a negative value once gave seven retries in 0.2 s).
        [{ "retry-after": "-1" }, undefined],
        [{ "retry-after": "1.5" }, undefined],
        [{ "retry-after": "2099-01-01" }, undefined],
        [{ "retry-after-ms": "-5" }, undefined],
        [{ "x-ms-retry-after-ms": "NaN" }, undefined],
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

    describe("decideRetry", () => {
        const now = 0;
        test("Retry-After: -1 or garbage waits the normal backoff, not zero", () => {
            for (const value of ["-1", "soon", "-0.5"]) {
                const decision = decideRetry(
                    { method: "GET", status: 503, headers: { "retry-after": value } },
                    1,
                    0,
                    DEFAULT_RETRY_OPTIONS,
                    now,
                );
                expect(decision).toEqual({ retry: true, delayMs: expect.any(Number) });
                if (decision.retry)
                    expect(decision.delayMs).toBeGreaterThanOrEqual(DEFAULT_RETRY_OPTIONS.baseDelayMs / 2);
            }
        });

        test("a wait beyond the bound of a request is not made, and says so", () => {
            expect(
                decideRetry(
                    { method: "GET", status: 429, headers: { "retry-after": "300" } },
                    1,
                    0,
                    DEFAULT_RETRY_OPTIONS,
                    now,
                ),
            ).toEqual({
                retry: false,
                why: "the service asked to wait 300 s, beyond the 120 s bound of a request",
            });
        });

        test("at most maxRetries retries", () => {
            expect(
                decideRetry({ method: "GET", networkCode: "ECONNRESET" }, 6, 0, DEFAULT_RETRY_OPTIONS, now).retry,
            ).toBe(true);
            expect(decideRetry({ method: "GET", networkCode: "ECONNRESET" }, 7, 0, DEFAULT_RETRY_OPTIONS, now)).toEqual(
                {
                    retry: false,
                    why: "no more are made",
                },
            );
        });

        test("a stalled body (deadline) is retried for GET and PATCH, never for POST", () => {
            expect(
                decideRetry({ method: "PATCH", networkCode: "EDEADLINE" }, 1, 0, DEFAULT_RETRY_OPTIONS, now).retry,
            ).toBe(true);
            expect(decideRetry({ method: "POST", networkCode: "EDEADLINE" }, 1, 0, DEFAULT_RETRY_OPTIONS, now)).toEqual(
                {
                    retry: false,
                    why: "a POST is only retried when the service certainly did not act on it",
                },
            );
        });
    });
});

describe("scaled clock (PIM_ALERTS_RETRY_DELAY_SCALE, for a provider in another process)", () => {
    afterEach(() => jest.useRealTimers());

    test("a wait of 1000 ms at scale 0.01 is over after 10 ms; the time read is real", async () => {
        jest.useFakeTimers();
        let over = false;
        const wait = scaledClock(0.01)
            .sleep(1000)
            .then(() => (over = true));
        await jest.advanceTimersByTimeAsync(9);
        expect(over).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        await wait;
        expect(over).toBe(true);
        expect(scaledClock(0.01).now()).toBe(Date.now());
    });

    test("scale 1 is the real clock itself", () => {
        expect(scaledClock(1)).toBe(REAL_CLOCK);
    });
});
