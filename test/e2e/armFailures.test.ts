/**
 * Bad input, Azure failures and secrets, end to end through the dynamic-provider host.
 */
import { MANAGED_IDENTITY_OBJECT_ID } from "pulumi-pim-alerts-emulator";
import {
    capturedArmProviders,
    checkAndCreate,
    CONFIGURATION,
    DISMISSAL,
    startArmSession,
    type ArmSession,
} from "./support/armSession";
import { sessionFixture } from "./support/sessionFixture";

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const OWNERS = "TooManyOwnersAssignedToResource";

// One provider host for the file; reads go to Azure every time (no read cache carried from test to test).
const { providers, start } = sessionFixture(capturedArmProviders, startArmSession, {
    sharedOptions: { config: { "pim-alerts:readCacheSeconds": "0" } },
});

/** The error a call fails with; fails the test when the call succeeds. */
async function failureOf(call: Promise<unknown>): Promise<Error> {
    try {
        await call;
    } catch (error) {
        return error as Error;
    }
    throw new Error("expected the call to fail, but it succeeded");
}

const ownersArgs = { scope: SUB, alertId: OWNERS, thresholdNumberOfOwners: 3 };

async function create(s: ArmSession, args: Record<string, unknown> = ownersArgs) {
    return checkAndCreate(s, CONFIGURATION, "owners", { __provider: providers.configuration, ...args });
}

describe("check rejects bad input before any HTTP call, naming the property", () => {
    test.each<[string, string, Record<string, unknown>, string, string]>([
        [
            "unknown alert id",
            CONFIGURATION,
            { alertId: "TooManyOwners" },
            "alertId",
            "must be one of TooManyOwnersAssignedToResource, TooManyPermanentOwnersAssignedToResource, DuplicateRoleCreated, AzureRolesAssignedOutsidePimAlert",
        ],
        [
            "threshold of another alert",
            CONFIGURATION,
            { alertId: "DuplicateRoleCreated", thresholdNumberOfOwners: 3 },
            "thresholdNumberOfOwners",
            "not a threshold of DuplicateRoleCreated",
        ],
        [
            "fractional count",
            CONFIGURATION,
            { thresholdNumberOfOwners: 1.5 },
            "thresholdNumberOfOwners",
            "whole number",
        ],
        [
            "negative count",
            CONFIGURATION,
            { thresholdNumberOfOwners: -2 },
            "thresholdNumberOfOwners",
            "between 0 and 2147483647",
        ],
        [
            "percentage over 100",
            CONFIGURATION,
            { thresholdPercentageOfOwnersOutOfAllRoleMembers: 150 },
            "thresholdPercentageOfOwnersOutOfAllRoleMembers",
            "between 0 and 100",
        ],
        [
            "string for a number",
            CONFIGURATION,
            { thresholdNumberOfOwners: "3" },
            "thresholdNumberOfOwners",
            "must be a number",
        ],
        [
            "malformed scope",
            CONFIGURATION,
            { scope: "subscriptions/123" },
            "scope",
            "the subscription id must be a GUID",
        ],
        ["injection-looking scope", CONFIGURATION, { scope: `${SUB}/../../providers?x=1` }, "scope", "not allowed"],
        ["bad onDelete", CONFIGURATION, { onDelete: "wipe" }, "onDelete", "retain, restore"],
        ["dismissal of an unknown alert", DISMISSAL, { alertId: "Nope" }, "alertId", "must be one of"],
    ])("%s", async (_what, type, change, property, reason) => {
        const s = await start();
        const provider = type === CONFIGURATION ? providers.configuration : providers.dismissal;
        const base = type === CONFIGURATION ? ownersArgs : { scope: SUB, alertId: "DuplicateRoleCreated" };
        const result = await s.host.check(type, "r", {}, { __provider: provider, ...base, ...change });
        expect(result.failures).toEqual([
            expect.objectContaining({ property, reason: expect.stringContaining(reason) }),
        ]);
        expect(result.failures[0]?.reason).toContain(JSON.stringify(change[property]).slice(0, 20));
        // No API call and no token request: check never touches the network.
        expect(s.emulator.admin.requests()).toEqual([]);
    });
});

describe("Azure failures", () => {
    test("403 names the missing permission, the status, code and request id, and changes nothing", async () => {
        const s = await start();
        s.emulator.admin.setReadOnly(MANAGED_IDENTITY_OBJECT_ID);
        const error = await failureOf(create(s));
        expect(error.message).toMatch(
            /PATCH http:\/\/127\.0\.0\.1:\d+\/subscriptions\/.*roleManagementAlertConfigurations\/TooManyOwnersAssignedToResource\?api-version=2022-08-01-preview failed with 403 Forbidden: AuthorizationFailed: /,
        );
        expect(error.message).toMatch(/\(request id: [0-9a-f-]{36}\)/);
        expect(error.message).toContain(
            `missing the permission Microsoft.Authorization/roleAssignments/write on ${SUB} (held by the Owner and User Access Administrator roles)`,
        );
        expect(s.emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 2 });
    });

    test("401 says how to sign in", async () => {
        const s = await start();
        s.emulator.admin.injectFault({ method: "GET", status: 401, times: 1 });
        const error = await failureOf(create(s));
        expect(error.message).toContain("failed with 401 Unauthorized");
        expect(error.message).toContain("Sign in: locally run `az login`");
    });

    test("404 on read tells Pulumi the object is gone; on create it names the scope and alert", async () => {
        const s = await start();
        const { id, properties } = await create(s);
        // The scope is gone: its list answers 404, and so does the configuration's own GET.
        s.emulator.admin.injectFault({ method: "GET", status: 404, times: 2 });
        expect((await s.host.read(CONFIGURATION, "owners", id, properties)).id).toBe("");
        s.emulator.admin.injectFault({ method: "GET", status: 404, times: 1 });
        await expect(create(s)).rejects.toThrow(`alert configuration ${OWNERS} at ${SUB} was not found`);
    });

    test("429 and 503 with Retry-After are retried and the write completes", async () => {
        const s = await start();
        s.emulator.admin.injectFault({ status: 429, retryAfterSeconds: 0, times: 2 });
        s.emulator.admin.injectFault({ method: "PATCH", status: 503, retryAfterSeconds: 0, times: 1 });
        const { properties } = await create(s);
        expect(properties["thresholdNumberOfOwners"]).toBe(3);
        const statuses = s.emulator.admin
            .requests()
            .filter((r) => r.api === "arm")
            .map((r) => `${r.method} ${r.status}`);
        expect(statuses).toEqual(["GET 429", "GET 429", "GET 200", "PATCH 503", "PATCH 204", "GET 200"]);
    });

    test("5xx that never stops fails with the status and advice after bounded retries", async () => {
        const s = await start();
        s.emulator.admin.injectFault({ status: 500, retryAfterSeconds: 0, times: 100 });
        const error = await failureOf(create(s));
        expect(error.message).toContain("failed with 500");
        expect(error.message).toContain("The service failed after 7 attempts");
        expect(s.emulator.admin.requests().filter((r) => r.api === "arm")).toHaveLength(7);
    });

    test("a read-back failing after a successful PATCH keeps the state, and the next update repairs it", async () => {
        const s = await start();
        const { id, properties } = await create(s);
        const checked = await s.host.check(CONFIGURATION, "owners", properties, {
            __provider: providers.configuration,
            ...ownersArgs,
            thresholdNumberOfOwners: 6,
        });
        s.emulator.admin.injectFault({ method: "GET", status: 500, retryAfterSeconds: 0, times: 7 });
        await expect(s.host.update(CONFIGURATION, "owners", id, properties, checked.inputs)).rejects.toThrow(
            /updated alert configuration TooManyOwnersAssignedToResource at .*, then: GET .* failed with 500.*The state is kept; run `pulumi up` again to finish/,
        );
        // The PATCH reached Azure; the engine recorded the old values, so the next `up` diffs and writes again.
        expect(s.emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 6 });
        const again = await s.host.update(CONFIGURATION, "owners", id, properties, checked.inputs);
        expect(again.properties).toMatchObject({ thresholdNumberOfOwners: 6 });
    });
});

describe("what lands in state", () => {
    test("__provider is one require() under 400 bytes, and no token reaches state or the host's output", async () => {
        const s = await start();
        for (const text of [providers.configuration, providers.dismissal]) {
            expect(Buffer.byteLength(text)).toBeLessThan(400);
            expect(text).toMatch(
                /^const provider = require\("pulumi-pim-alerts\/dist\/provider\/alert(Configuration|Dismissal)Provider\.js"\);$/m,
            );
        }
        const { id, properties } = await create(s);
        const read = await s.host.read(CONFIGURATION, "owners", id, properties);
        const stored = JSON.stringify([providers.captured, properties, read]) + s.host.output.join("\n");
        // Every emulator token starts with the same JWT header; the API calls above did carry one.
        const tokenHeader = s.emulator.admin.issueToken().split(".")[0] ?? "";
        expect(tokenHeader.length).toBeGreaterThan(10);
        for (const needle of [
            tokenHeader,
            "Bearer",
            "IDENTITY_HEADER",
            s.emulator.admin.tokenEnvironment()["IDENTITY_HEADER"] ?? "?",
        ]) {
            expect(stored).not.toContain(needle);
        }
        expect(s.emulator.admin.requests().filter((r) => r.api === "arm").length).toBeGreaterThan(0);
    });
});
