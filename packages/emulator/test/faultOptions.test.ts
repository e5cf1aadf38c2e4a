import { expect } from "@jest/globals";
import { isEmulatorAdminError } from "../src";
import { uniform } from "../src/faults/faultRules";
import { API, PROVIDER, SUBSCRIPTION, send, useEmulator } from "./support";

const emulator = useEmulator();
const CONFIGURATIONS = `${PROVIDER}/roleManagementAlertConfigurations`;
const item = (alertId: string) => `${CONFIGURATIONS}/${alertId}${API}`;
const ALERT_IDS = [
    "TooManyOwnersAssignedToResource",
    "TooManyPermanentOwnersAssignedToResource",
    "DuplicateRoleCreated",
    "AzureRolesAssignedOutsidePimAlert",
];

/** Statuses of GETs of `paths`, in order. */
async function statuses(paths: readonly string[]): Promise<number[]> {
    const out: number[] = [];
    for (const path of paths) out.push((await send(emulator(), "GET", path)).status);
    return out;
}

describe("probability: a seeded share of requests", () => {
    test("about the asked share of 400 requests gets the fault", async () => {
        emulator().admin.injectFault({ status: 429, probability: 0.3, seed: 7, times: 10_000 });
        const paths = Array.from({ length: 400 }, (_, i) => item(ALERT_IDS[i % 4]));
        const throttled = (await statuses(paths)).filter((s) => s === 429).length;
        expect(throttled).toBeGreaterThan(90);
        expect(throttled).toBeLessThan(150);
    });

    test("the same seed fails the same requests, however other requests interleave", async () => {
        const owners = Array.from({ length: 20 }, () => item("TooManyOwnersAssignedToResource"));
        emulator().admin.injectFault({ status: 503, probability: 0.5, seed: 42, times: 10_000 });
        const alone = await statuses(owners);
        emulator().reset();
        emulator().admin.injectFault({ status: 503, probability: 0.5, seed: 42, times: 10_000 });
        const interleaved = await statuses(owners.flatMap((path) => [item("DuplicateRoleCreated"), path]));
        expect(interleaved.filter((_, i) => i % 2 === 1)).toEqual(alone);
        expect(new Set(alone)).toEqual(new Set([200, 503]));
    });

    test("times counts answers only; a request the fault lets pass can be answered by a later fault", async () => {
        emulator().admin.injectFault({ status: 429, probability: 0.5, seed: 3, times: 2 });
        emulator().admin.injectFault({ status: 500, times: 100 });
        const got = await statuses(Array.from({ length: 10 }, () => item("DuplicateRoleCreated")));
        expect(got.filter((s) => s === 429)).toHaveLength(2);
        expect(got.filter((s) => s === 500)).toHaveLength(8);
    });

    test("uniform spreads over [0, 1)", () => {
        const values = Array.from({ length: 2000 }, (_, i) => uniform(`k${i}`));
        expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...values)).toBeLessThan(1);
        expect(values.filter((v) => v < 0.25).length).toBeGreaterThan(400);
        expect(values.filter((v) => v >= 0.75).length).toBeGreaterThan(400);
    });
});

test("after lets that many matching requests through first", async () => {
    emulator().admin.injectFault({
        method: "GET",
        pathIncludes: "DuplicateRoleCreated",
        status: 500,
        after: 2,
        times: 1,
    });
    const got = await statuses([
        item("DuplicateRoleCreated"),
        item("TooManyOwnersAssignedToResource"),
        item("DuplicateRoleCreated"),
        item("DuplicateRoleCreated"),
        item("DuplicateRoleCreated"),
    ]);
    expect(got).toEqual([200, 200, 200, 500, 200]);
});

test("afterHandling: the PATCH is applied, then the connection is reset", async () => {
    emulator().admin.injectFault({ method: "PATCH", resetConnection: true, afterHandling: true });
    const body = { properties: { alertConfigurationType: "DuplicateRoleCreatedAlertConfiguration", isEnabled: false } };
    await expect(send(emulator(), "PATCH", item("DuplicateRoleCreated"), { body })).rejects.toThrow();
    expect(emulator().admin.configuration(`/${SUBSCRIPTION}`, "DuplicateRoleCreated")).toEqual({ isEnabled: false });
    expect(
        emulator()
            .admin.requests()
            .map((r) => `${r.method} ${r.status}`),
    ).toEqual(["PATCH 0"]);
});

test("afterHandling with a status: the write happens, the client sees the error", async () => {
    emulator().admin.injectFault({ method: "PATCH", status: 500, afterHandling: true });
    const body = { properties: { alertConfigurationType: "DuplicateRoleCreatedAlertConfiguration", isEnabled: false } };
    expect((await send(emulator(), "PATCH", item("DuplicateRoleCreated"), { body })).status).toBe(500);
    expect((await send(emulator(), "GET", item("DuplicateRoleCreated"))).json).toMatchObject({
        properties: { isEnabled: false },
    });
});

test.each([
    [{ probability: 1.5 }, "probability must be a number from 0 to 1, got 1.5."],
    [{ probability: -0.1 }, "probability must be a number from 0 to 1, got -0.1."],
    [{ after: 1.5 }, "after must be an integer >= 0, got 1.5."],
])("rejects %j, in process and over HTTP", async (spec, message) => {
    let thrown: unknown;
    try {
        emulator().admin.injectFault(spec);
    } catch (error) {
        thrown = error;
    }
    expect(isEmulatorAdminError(thrown) && thrown.message).toBe(message);
    const response = await send(emulator(), "POST", "/_emulator/faults", { body: spec, token: null });
    expect(response.status).toBe(400);
    expect(response.text).toContain(message);
});
