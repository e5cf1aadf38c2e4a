import { expect } from "@jest/globals";
import { credentialFailureReason } from "../../../src/auth/credentialFailure";

/** The shape @azure/identity's ChainedTokenCredential throws: a generic first line, each credential's failure in `errors`. */
function chainFailure(...inner: string[]): Error {
    return Object.assign(new Error(`ChainedTokenCredential authentication failed.\n${inner.join("\n")}`), {
        name: "AggregateAuthenticationError",
        errors: inner.map((message) => Object.assign(new Error(message), { name: "CredentialUnavailableError" })),
    });
}

const ENV = { IDENTITY_ENDPOINT: "http://127.0.0.1:9/_emulator/msi/token", IDENTITY_HEADER: "h" };

describe("credentialFailureReason", () => {
    test("an unreachable managed identity endpoint is named first, not hidden behind the chain's generic line", () => {
        const error = chainFailure(
            "ManagedIdentityCredential: Network unreachable. Message: network_error: See https://aka.ms/msal.js.errors#network_error for details",
        );
        expect(credentialFailureReason(error, ENV)).toBe(
            "the managed identity endpoint http://127.0.0.1:9/_emulator/msi/token (IDENTITY_ENDPOINT) could not be reached (ManagedIdentityCredential: Network unreachable)",
        );
    });

    test("an endpoint that refuses the request (a stale IDENTITY_HEADER) says what it answered, without MSAL's trace ids", () => {
        const error = chainFailure(
            "ManagedIdentityCredential: Authentication failed. Message unauthorized_client: Error(s):  - Timestamp: 2026-11-28 10:27:05Z - Description: " +
                "The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER. - Correlation ID: 4788 - Trace ID: 46dc",
        );
        expect(credentialFailureReason(error, ENV)).toBe(
            "the managed identity endpoint http://127.0.0.1:9/_emulator/msi/token (IDENTITY_ENDPOINT) refused the request: " +
                "The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER",
        );
    });

    test("a client secret's failure says what Entra said, without the trace ids", () => {
        const error = new Error(
            "invalid_client: Error(s): 7000215 - Timestamp: 2026-11-28 11:08:00Z - Description: AADSTS7000215: Invalid client secret provided. - Correlation ID: 1 - Trace ID: 2",
        );
        expect(credentialFailureReason(error, {})).toBe("AADSTS7000215: Invalid client secret provided");
    });

    test("another credential's failure keeps its first line", () => {
        expect(
            credentialFailureReason(new Error("AADSTS7000215: Invalid client secret provided.\nTrace ID: ..."), {}),
        ).toBe("AADSTS7000215: Invalid client secret provided");
        expect(
            credentialFailureReason(
                chainFailure("EnvironmentCredential is unavailable.", "AzureCliCredential: az not found."),
                {},
            ),
        ).toBe("EnvironmentCredential is unavailable; AzureCliCredential: az not found");
    });
});
