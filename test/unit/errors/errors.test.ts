import * as pim from "../../../src";
import { excerpt, parseProblem, parsed, redactTokens, serverText } from "../../../src/errors";

const JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ0In0.c2lnbmF0dXJl";

describe("error classes", () => {
    const errors: Array<[string, Error, (e: unknown) => boolean]> = [
        [
            "AzureApiError",
            new pim.AzureApiError({
                method: "GET",
                url: "u",
                status: 403,
                statusText: "Forbidden",
                code: "c",
                serviceMessage: "m",
                requestId: "r",
                advice: undefined,
            }),
            pim.isAzureApiError,
        ],
        ["NetworkError", new pim.NetworkError("GET", "u", "reset"), pim.isNetworkError],
        [
            "UnexpectedResponseError",
            new pim.UnexpectedResponseError("GET", "u", 200, "p"),
            pim.isUnexpectedResponseError,
        ],
        ["InsecureConnectionError", new pim.InsecureConnectionError("x"), pim.isInsecureConnectionError],
        ["ConfigurationError", new pim.ConfigurationError("x"), pim.isConfigurationError],
        ["AuthenticationError", new pim.AuthenticationError("x"), pim.isAuthenticationError],
        ["TenantIdError", new pim.TenantIdError("x"), pim.isTenantIdError],
        [
            "PartialFailureError",
            new pim.PartialFailureError("id", {}, new Error("read-back failed"), "updated x"),
            pim.isPartialFailureError,
        ],
        ["OperationFailedError", new pim.OperationFailedError("x"), pim.isOperationFailedError],
        ["OperationTimeoutError", new pim.OperationTimeoutError("x"), pim.isOperationTimeoutError],
        ["InvalidArgumentError", new pim.InvalidArgumentError("x"), pim.isInvalidArgumentError],
        ["UsageError", new pim.UsageError("x"), pim.isUsageError],
        ["ExportRefusedError", new pim.ExportRefusedError("x"), pim.isExportRefusedError],
        ["AdoptionJournalError", new pim.AdoptionJournalError("x"), pim.isAdoptionJournalError],
    ];

    test.each(errors)("%s is exported, named, a PimAlertsError, and recognised by its guard", (name, error, isIt) => {
        expect(error.name).toBe(name);
        expect(error).toBeInstanceOf(pim.PimAlertsError);
        expect(isIt(error)).toBe(true);
        expect(pim.isPimAlertsError(error)).toBe(true);
        // Every other guard says no.
        expect(
            errors.filter(([, other]) => other !== error && errors.find(([, e]) => e === other)?.[2](error)),
        ).toEqual([]);
    });

    test.each(errors)(
        "the %s guard also recognises one from another copy of the package (by name)",
        (name, _error, isIt) => {
            const foreign = Object.assign(new Error("from another copy"), { name, details: {} });
            expect(isIt(foreign)).toBe(true);
            expect(pim.isPimAlertsError(foreign)).toBe(true);
            expect(isIt(new Error("plain"))).toBe(false);
            expect(isIt("a string")).toBe(false);
        },
    );

    test("no message of a package error carries a bearer token or a JWT, whatever it was given", () => {
        const error = new pim.NetworkError("GET", "u", `server said: Authorization: Bearer ${JWT} and token=${JWT}`);
        expect(error.message).not.toContain(JWT);
        expect(error.message).toContain("Bearer REDACTED");
    });
});

describe("message text", () => {
    test("excerpt caps a value and says how long it was", () => {
        expect(excerpt("abc")).toBe('"abc"');
        const long = excerpt("x".repeat(1_000_000));
        expect(long.length).toBeLessThan(120);
        expect(long).toContain("(1000002 characters)");
    });

    test("redactTokens removes bearer tokens (any b64token) and JWT-looking strings", () => {
        expect(redactTokens(`Authorization: Bearer abc.DEF-ghi~jkl+/== x`)).toBe("Authorization: Bearer REDACTED x");
        expect(redactTokens(`{"token":"${JWT}"}`)).toBe('{"token":"REDACTED"}');
        expect(redactTokens("eyJ is not a token, nor is a.b.c")).toBe("eyJ is not a token, nor is a.b.c");
    });

    test("serverText neutralises terminal control characters and caps the length", () => {
        expect(serverText("title\u001b]0;pwned\u0007 end\u2028")).toBe("title\\u{1b}]0;pwned\\u{7} end\\u{2028}");
        expect(serverText("y".repeat(10_000)).length).toBeLessThan(700);
    });

    test("parse results are one shape", () => {
        expect(parsed(1)).toEqual({ ok: true, value: 1 });
        expect(parseProblem("why")).toEqual({ ok: false, problem: "why" });
    });
});
