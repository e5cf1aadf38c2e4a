import { AzureApiError } from "../../../src/errors";
import * as provider from "../../../src/provider/directoryAlertDismissalProvider";
import { PartialFailureError } from "../../../src/errors";
import { fakeDirectoryGraph, TENANT, type FakeDirectoryGraph } from "./fakeDirectoryGraph";

let mockGraph: FakeDirectoryGraph;
jest.mock("../../../src/provider/runtime", () => ({
    configureRuntime: jest.fn(),
    directoryAlertsClient: () => mockGraph,
    directoryTenantId: async () => "aaaabbbb-0000-1111-2222-ccccddddeeee",
}));

const noMfaId = `DirectoryRole_${TENANT}_NoMfaOnRoleActivationAlert`;

beforeEach(() => {
    mockGraph = fakeDirectoryGraph();
});

async function created(news: Record<string, unknown> = { alertId: "NoMfaOnRoleActivationAlert" }) {
    const checked = await provider.check({}, news);
    expect(checked.failures).toEqual([]);
    const inputs = checked.inputs ?? {};
    const { id, outs } = await provider.create(inputs);
    expect(outs).toBeDefined();
    return { inputs, id, outs: outs ?? {} };
}

describe("DirectoryAlertDismissal check", () => {
    test.each<[string, Record<string, unknown>, string, string]>([
        [
            "an unknown alert",
            { alertId: "NoMfa" },
            "alertId",
            "alertId must be one of InvalidLicenseAlert, NoMfaOnRoleActivationAlert",
        ],
        [
            "isActive true",
            { alertId: "NoMfaOnRoleActivationAlert", isActive: true },
            "isActive",
            "isActive can only be false on a dismissal; got true",
        ],
        [
            "a configuration's onDelete",
            { alertId: "NoMfaOnRoleActivationAlert", onDelete: "restore" },
            "onDelete",
            'onDelete must be one of retain, reactivate; got "restore"',
        ],
        [
            "a setting",
            { alertId: "StaleSignInAlert", duration: "P30D" },
            "duration",
            "is not a property of DirectoryAlertDismissal; allowed: alertId, onDelete, isActive",
        ],
    ])("rejects %s", async (_what, news, property, reason) => {
        const { failures } = await provider.check({}, news);
        expect(failures).toHaveLength(1);
        expect(failures?.[0]?.property).toBe(property);
        expect(failures?.[0]?.reason).toContain(reason);
    });

    test("adds the desired isActive: false and the default onDelete", async () => {
        expect((await provider.check({}, { alertId: "NoMfaOnRoleActivationAlert" })).inputs).toEqual({
            alertId: "NoMfaOnRoleActivationAlert",
            onDelete: "retain",
            isActive: false,
        });
    });
});

describe("DirectoryAlertDismissal provider", () => {
    test("create PATCHes isActive false on the tenant's alert and reads it back", async () => {
        const { id, outs } = await created();
        expect(id).toBe(noMfaId);
        expect(mockGraph.calls).toEqual([
            ["patchAlert", "NoMfaOnRoleActivationAlert", false],
            ["getAlert", "NoMfaOnRoleActivationAlert"],
        ]);
        expect(outs).toEqual({
            alertId: "NoMfaOnRoleActivationAlert",
            tenantId: TENANT,
            onDelete: "retain",
            isActive: false,
            incidentCount: 2,
            lastScannedDateTime: "2026-01-01T00:00:00Z",
        });
    });

    test("an alert active again is drift (isActive: true => false) and update dismisses it again", async () => {
        const { id, outs, inputs } = await created();
        mockGraph.alerts.set("NoMfaOnRoleActivationAlert", {
            id: noMfaId,
            isActive: true,
            incidentCount: 3,
            lastScannedDateTime: "2026-02-01T00:00:00Z",
        });
        const read = await provider.read(id, outs);
        expect(read.inputs).toEqual({ alertId: "NoMfaOnRoleActivationAlert", onDelete: "retain", isActive: true });
        const props = read.props as Record<string, unknown>;
        expect(await provider.diff(id, props, inputs)).toEqual({
            changes: true,
            replaces: [],
            deleteBeforeReplace: false,
        });
        mockGraph.calls.length = 0;
        const updated = await provider.update(id, props, inputs);
        expect(mockGraph.calls.map((c) => c[0])).toEqual(["patchAlert", "getAlert"]);
        expect(updated.outs).toMatchObject({ isActive: false, incidentCount: 3 });
    });

    test("a dismissed alert shows no change; only onDelete is recorded without a call", async () => {
        const { id, outs, inputs } = await created();
        expect((await provider.diff(id, outs, inputs)).changes).toBe(false);
        mockGraph.calls.length = 0;
        const updated = await provider.update(id, outs, { ...inputs, onDelete: "reactivate" });
        expect(mockGraph.calls).toEqual([]);
        expect(updated.outs).toMatchObject({ onDelete: "reactivate", isActive: false });
    });

    test("a new alert id replaces", async () => {
        const { id, outs, inputs } = await created();
        expect((await provider.diff(id, outs, { ...inputs, alertId: "StaleSignInAlert" })).replaces).toEqual([
            "alertId",
        ]);
    });

    test("a 404 on read means gone", async () => {
        mockGraph.failNext(
            "getAlert",
            new AzureApiError({
                method: "GET",
                url: "u",
                status: 404,
                statusText: "",
                code: undefined,
                serviceMessage: undefined,
                requestId: undefined,
                advice: undefined,
            }),
        );
        expect(await provider.read(noMfaId, {})).toEqual({ id: "", props: {} });
    });

    test("a failed read-back records the alert as still active, so the next up dismisses again", async () => {
        mockGraph.failNext("getAlert", new Error("connection reset"));
        const error = await created().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PartialFailureError);
        expect((error as PartialFailureError).properties).toMatchObject({
            alertId: "NoMfaOnRoleActivationAlert",
            isActive: true,
        });
        expect((error as PartialFailureError).message).toContain(
            `dismissed directory alert NoMfaOnRoleActivationAlert in tenant ${TENANT}, then: connection reset`,
        );
    });

    test.each<[string, string, unknown[]]>([
        ["retain leaves the alert dismissed", "retain", []],
        ["reactivate sets it active again", "reactivate", [["patchAlert", "NoMfaOnRoleActivationAlert", true]]],
    ])("delete: %s", async (_what, onDelete, calls) => {
        const { id, outs } = await created({ alertId: "NoMfaOnRoleActivationAlert", onDelete });
        mockGraph.calls.length = 0;
        await provider.delete(id, outs);
        expect(mockGraph.calls).toEqual(calls);
    });

    test("never triggers a refresh", async () => {
        const { id, outs, inputs } = await created();
        await provider.read(id, outs);
        await provider.update(id, { ...outs, isActive: true }, inputs);
        await provider.delete(id, { ...outs, onDelete: "reactivate" });
        expect(mockGraph.calls.map((c) => c[0]).filter((m) => !["patchAlert", "getAlert"].includes(m))).toEqual([]);
    });
});
