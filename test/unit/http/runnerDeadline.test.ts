import {
    PROVIDER_REQUESTS_PER_CALL,
    PROVIDER_RETRY_WINDOW_MS,
    providerCallDeadlineMs,
} from "pulumi-pim-alerts-testing";
import { DEFAULT_RETRY_OPTIONS } from "../../../src/http/retryPolicy";

test("the offline runner's deadline of a provider call outlasts the provider's own bound on the call's requests", () => {
    // The runner knows the bound as a constant (it does not load the product); this keeps the two equal.
    expect(PROVIDER_RETRY_WINDOW_MS).toBe(DEFAULT_RETRY_OPTIONS.maxTotalMs);
    expect(providerCallDeadlineMs()).toBeGreaterThan(PROVIDER_REQUESTS_PER_CALL * DEFAULT_RETRY_OPTIONS.maxTotalMs);
});
