/**
 * Network faults through the dynamic-provider host: a request that hangs is cut by
 * pim-alerts:timeoutSeconds and retried; a connection reset during a PATCH (before or after Azure
 * applied it) is retried, and Azure ends as declared.
 */
import {
    capturedArmProviders,
    checkAndCreate,
    CONFIGURATION,
    startArmSession,
    type ArmSession,
} from "./support/armSession";
import { sessionFixture } from "./support/sessionFixture";

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const OWNERS = "TooManyOwnersAssignedToResource";

// One provider host for the file (the emulator is reset after each test), with a short per-attempt
// timeout (2 s: short enough to see a hang cut, long enough for a loaded machine to answer the requests
// that do not hang; a reset fails at once, whatever the timeout). A create never reads through the read
// cache, and none of these tests counts token requests: nothing the host keeps changes their calls.
const { providers, start } = sessionFixture(capturedArmProviders, startArmSession, {
    sharedOptions: { config: { "pim-alerts:timeoutSeconds": "2", "pim-alerts:readCacheSeconds": "0" } },
});

/** check + create of the owners configuration with a threshold of 4. */
async function createOwners(s: ArmSession) {
    return checkAndCreate(s, CONFIGURATION, "owners", {
        __provider: providers.configuration,
        scope: SUB,
        alertId: OWNERS,
        thresholdNumberOfOwners: 4,
    });
}

const armCalls = (s: ArmSession) =>
    s.emulator.admin
        .requests()
        .filter((r) => r.api === "arm")
        .map((r) => `${r.method} ${r.status}`);

describe("a hang is cut by timeoutSeconds and retried", () => {
    test.each([
        ["the adoption GET", { method: "GET" }, ["GET 0", "GET 200", "PATCH 204", "GET 200"]],
        ["the PATCH, before Azure applied it", { method: "PATCH" }, ["GET 200", "PATCH 0", "PATCH 204", "GET 200"]],
        [
            "the PATCH, after Azure applied it",
            { method: "PATCH", afterHandling: true },
            ["GET 200", "PATCH 0", "PATCH 204", "GET 200"],
        ],
    ])("in %s", async (_what, where, calls) => {
        const session = await start();
        session.emulator.admin.injectFault({ ...where, hang: true, times: 1 });
        const started = Date.now();
        const { properties } = await createOwners(session);
        // Cut after 2 s, not after the 30 s default or the host call's deadline.
        expect(Date.now() - started).toBeLessThan(15_000);
        expect(properties).toMatchObject({ thresholdNumberOfOwners: 4 });
        expect(session.emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 4 });
        expect(armCalls(session)).toEqual(calls);
    });
});

test.each([
    ["before Azure applied it", false],
    ["after Azure applied it (the answer is lost)", true],
])("a connection reset during the PATCH, %s, is retried and the end state is right", async (_what, afterHandling) => {
    const session = await start();
    session.emulator.admin.injectFault({ method: "PATCH", resetConnection: true, afterHandling, times: 1 });
    const { properties } = await createOwners(session);
    expect(properties).toMatchObject({ thresholdNumberOfOwners: 4, thresholdPercentageOfOwnersOutOfAllRoleMembers: 3 });
    // Sending the complete desired values twice gives the same result as once.
    expect(session.emulator.admin.configuration(SUB, OWNERS)).toEqual({
        isEnabled: true,
        thresholdNumberOfOwners: 4,
        thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,
    });
    expect(armCalls(session)).toEqual(["GET 200", "PATCH 0", "PATCH 204", "GET 200"]);
});

test("resets on three attempts in a row are retried with backoff; the write lands once", async () => {
    const session = await start();
    session.emulator.admin.injectFault({ method: "PATCH", resetConnection: true, times: 3 });
    expect((await createOwners(session)).properties).toMatchObject({ thresholdNumberOfOwners: 4 });
    expect(armCalls(session)).toEqual(["GET 200", "PATCH 0", "PATCH 0", "PATCH 0", "PATCH 204", "GET 200"]);
});
