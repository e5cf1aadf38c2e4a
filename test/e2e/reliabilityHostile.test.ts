/**
 * Hostile answers from "Azure": malformed JSON, an HTML page from a proxy, a 200 whose properties
 * are missing, a configuration type from a newer API. Each ends in a clear error naming the request,
 * the provider host keeps answering, and nothing undefined ever reaches the outputs.
 */
import type { FaultSpec } from "pulumi-pim-alerts-emulator";
import { json, startScriptedServer, type Handler, type ScriptedServer } from "../support/scriptedServer";
import {
    capturedDirectoryProviders,
    DIRECTORY_CONFIGURATION,
    type DirectoryProviders,
} from "./support/directorySession";
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
const CONFIGS = `${SUB}/providers/Microsoft.Authorization/roleManagementAlertConfigurations`;
const URL_OF = (what: string) => new RegExp(`GET http://127\\.0\\.0\\.1:\\d+${what.replace(/[/.]/g, "\\$&")}[? ]`);

const { providers, start } = sessionFixture(capturedArmProviders, startArmSession);
let directory: DirectoryProviders;

beforeAll(() => {
    directory = capturedDirectoryProviders();
});

/** The file's shared session (one provider host; the emulator is reset after each test), for tests that do not read. */
async function started(): Promise<ArmSession> {
    return start();
}

/**
 * A session of the test's own: a read depends on the provider process's history (read coalescing
 * decides from the lists it made before whether a list pays), so the tests that read need a fresh one.
 */
async function fresh(): Promise<ArmSession> {
    return start({});
}

async function createOwners(s: ArmSession) {
    return checkAndCreate(s, CONFIGURATION, "owners", {
        __provider: providers.configuration,
        scope: SUB,
        alertId: OWNERS,
        thresholdNumberOfOwners: 4,
    });
}

/** The message a call fails with; fails the test when it succeeds. */
async function messageOf(call: Promise<unknown>): Promise<string> {
    return call.then(
        () => {
            throw new Error("expected the call to fail, but it succeeded");
        },
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
}

/** Every value of an output tree is defined and not null. */
function expectNoHoles(value: unknown, path = "outputs"): void {
    expect([path, value]).not.toEqual([path, undefined]);
    expect([path, value]).not.toEqual([path, null]);
    if (typeof value === "object" && value !== null)
        for (const [k, v] of Object.entries(value)) expectNoHoles(v, `${path}.${k}`);
}

const HOSTILE: Array<[string, FaultSpec, RegExp]> = [
    [
        "malformed JSON in a 200",
        { status: 200, body: "malformedJson" },
        /answered 200 with an unexpected body: the body is not JSON \(application\/json\): "\{\\"error\\": /,
    ],
    [
        "an HTML login page from a proxy, 200",
        { status: 200, body: "html" },
        /answered 200 with an unexpected body: the body is not JSON \(text\/html\): "200 - Service Error 200 The service is temporarily unavailable/,
    ],
    [
        "an HTML error page from a proxy, 502 on every retry",
        { status: 502, body: "html", retryAfterSeconds: 0, times: 7 },
        /failed with 502 Bad Gateway: the body is not JSON \(text\/html\): "502 - Service Error .*The service failed after 7 attempts/,
    ],
    [
        "a 200 whose properties are missing",
        { body: "emptyProperties" },
        /answered 200 with an unexpected body: not an alert configuration \(properties\.alertConfigurationType: .*properties\.isEnabled: /,
    ],
];

describe.each(HOSTILE)("%s", (_what, fault, message) => {
    test("on create: a clear error naming the request, nothing recorded, and the next create works", async () => {
        const s = await started();
        s.emulator.admin.injectFault({ method: "GET", ...fault });
        const error = await messageOf(createOwners(s));
        expect(error).toMatch(URL_OF(`${CONFIGS}/${OWNERS}`));
        expect(error).toMatch(message);
        expect(error).not.toMatch(/TypeError|Cannot read|is not a function/);
        // Nothing was written on a bad read, and the host still answers.
        expect(s.emulator.admin.requests().filter((r) => r.method === "PATCH")).toEqual([]);
        const { properties } = await createOwners(s);
        expect(properties).toMatchObject({ thresholdNumberOfOwners: 4 });
        expectNoHoles(properties);
    });

    test("on refresh: not taken for 'gone'; a list that is not JSON fails clearly and is not kept, a hollow one is not trusted", async () => {
        const s = await fresh();
        const { id, properties } = await createOwners(s);
        s.emulator.admin.clearRequests();
        s.emulator.admin.injectFault({ method: "GET", times: 1, ...fault });
        const first = await s.host.read(CONFIGURATION, "owners", id, properties).then(
            (read) => ({ read, error: undefined }),
            (error: unknown) => ({ read: undefined, error: error instanceof Error ? error.message : String(error) }),
        );
        if (fault.body === "emptyProperties") {
            // The hollow list answered nothing positively: the configuration was read with its own GET.
            expect(first.read?.properties).toMatchObject({ thresholdNumberOfOwners: 4 });
            expect(s.emulator.admin.requests().map((r) => `${r.method} ${r.path.split("/").pop()}`)).toEqual([
                "GET roleManagementAlertConfigurations",
                `GET ${OWNERS}`,
            ]);
        } else {
            expect(first.error).toMatch(URL_OF(CONFIGS));
            expect(first.error).toMatch(message);
        }
        const read = await s.host.read(CONFIGURATION, "owners", id, properties);
        expect(read.id).toBe(id);
        expectNoHoles(read.properties);
    });
});

test("a hollow configuration on every read fails the refresh clearly, naming the item", async () => {
    const s = await fresh();
    const { id, properties } = await createOwners(s);
    s.emulator.admin.injectFault({ method: "GET", body: "emptyProperties", times: 2 });
    expect(await messageOf(s.host.read(CONFIGURATION, "owners", id, properties))).toMatch(
        /GET http:\/\/127\.0\.0\.1:\d+\/subscriptions\/.*\/roleManagementAlertConfigurations\/TooManyOwnersAssignedToResource answered 200 with an unexpected body: not an alert configuration \(properties\.alertConfigurationType: /,
    );
    expect((await s.host.read(CONFIGURATION, "owners", id, properties)).id).toBe(id);
});

test("a hollow alert on every read fails a dismissal's refresh clearly; the host goes on", async () => {
    const s = await fresh();
    const checked = await s.host.check(
        DISMISSAL,
        "dup",
        {},
        { __provider: providers.dismissal, scope: SUB, alertId: "DuplicateRoleCreated" },
    );
    const created = await s.host.create(DISMISSAL, "dup", checked.inputs);
    s.emulator.admin.injectFault({ method: "GET", body: "emptyProperties", times: 2 });
    expect(await messageOf(s.host.read(DISMISSAL, "dup", created.id, created.properties))).toMatch(
        /roleManagementAlerts\/DuplicateRoleCreated answered 200 with an unexpected body: not an alert \(properties\.isActive: /,
    );
    expectNoHoles((await s.host.read(DISMISSAL, "dup", created.id, created.properties)).properties);
});

test.each<[string, FaultSpec, RegExp]>([
    [
        "malformed JSON",
        { status: 200, body: "malformedJson" },
        /answered 200 with an unexpected body: the body is not JSON/,
    ],
    ["a hollow entity (only id and @odata)", { body: "emptyProperties" }, /answered 200 with an unexpected body: /],
])("Graph: %s on a directory configuration is a clear error, and the host goes on", async (_what, fault, message) => {
    const s = await started();
    const checked = await s.host.check(
        DIRECTORY_CONFIGURATION,
        "stale",
        {},
        { __provider: directory.configuration, alertId: "StaleSignInAlert", duration: "P30D" },
    );
    s.emulator.admin.injectFault({ method: "GET", pathIncludes: "alertConfigurations/", ...fault });
    const error = await messageOf(s.host.create(DIRECTORY_CONFIGURATION, "stale", checked.inputs));
    expect(error).toMatch(
        /GET http:\/\/127\.0\.0\.1:\d+\/beta\/identityGovernance\/roleManagementAlerts\/alertConfigurations\//,
    );
    expect(error).toMatch(message);
    expectNoHoles((await s.host.create(DIRECTORY_CONFIGURATION, "stale", checked.inputs)).properties);
});

describe("a configuration type from a newer API", () => {
    let arm: ScriptedServer | undefined;
    let session: ArmSession | undefined;
    /** The scripted ARM and its host, started by the describe's beforeAll (which fails the tests if it could not). */
    const started = () => {
        if (arm === undefined || session === undefined) throw new Error("the scripted ARM or its host did not start");
        return { arm, session };
    };
    const newer = {
        id: `${CONFIGS}/${OWNERS}`,
        name: OWNERS,
        properties: {
            alertConfigurationType: "TooManyOwnersAssignedToResourceAlertConfigurationV2",
            isEnabled: true,
            thresholdNumberOfOwners: 2,
        },
    };
    const duplicate = {
        id: `${CONFIGS}/DuplicateRoleCreated`,
        name: "DuplicateRoleCreated",
        properties: { alertConfigurationType: "DuplicateRoleCreatedAlertConfiguration", isEnabled: true },
    };

    // One provider host for the two: create never reads through the read cache (its GET always asks
    // Azure), so the refresh test finds the host's reads as fresh as in a host of its own, whichever
    // runs first. ARM answers from a script: the owners configuration has a type this version does
    // not know.
    const script: Handler[] = [
        (req, res) =>
            (req.url.includes(`${OWNERS}?`)
                ? json(200, newer)
                : req.url.includes("DuplicateRoleCreated?")
                  ? json(200, duplicate)
                  : json(200, { value: [newer, duplicate] }))(req, res),
    ];
    beforeAll(async () => {
        arm = await startScriptedServer(script);
        session = await startArmSession({ config: { "pim-alerts:armEndpoint": arm.url } });
    });
    beforeEach(() => arm?.setScript(script));
    afterAll(async () => {
        await session?.stop();
        await arm?.close();
    });

    test("create refuses it, saying so, before writing anything", async () => {
        const { arm, session: s } = started();
        const error = await messageOf(createOwners(s));
        expect(error).toMatch(
            /answered 200 with an unexpected body: alertConfigurationType "TooManyOwnersAssignedToResourceAlertConfigurationV2" of TooManyOwnersAssignedToResource is not one this version of pulumi-pim-alerts knows \(a newer API\?\)/,
        );
        expect(arm.seen.map((r) => r.method)).toEqual(["GET"]);
    });

    test("refresh: the unknown item fails only its own read; the other configuration of the scope is read", async () => {
        const { arm, session: s } = started();
        const duplicateId = `${CONFIGS}/DuplicateRoleCreated`;
        const read = await s.host.read(CONFIGURATION, "dup", duplicateId, { __provider: providers.configuration });
        expect(read.properties).toMatchObject({ alertId: "DuplicateRoleCreated", isEnabled: true });
        expectNoHoles(read.properties);
        const error = await messageOf(
            s.host.read(CONFIGURATION, "owners", `${CONFIGS}/${OWNERS}`, { __provider: providers.configuration }),
        );
        expect(error).toMatch(
            /TooManyOwnersAssignedToResource answered 200 with an unexpected body: alertConfigurationType "TooManyOwnersAssignedToResourceAlertConfigurationV2" .* is not one this version of pulumi-pim-alerts knows/,
        );
        // One list for the scope; the item it could not read was asked for on its own.
        expect(arm.seen.map((r) => r.url.split("?")[0])).toEqual([CONFIGS, `${CONFIGS}/${OWNERS}`]);
    });
});
