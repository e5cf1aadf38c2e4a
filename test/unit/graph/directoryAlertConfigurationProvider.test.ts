import { AzureApiError } from "../../../src/errors";
import * as provider from "../../../src/provider/directoryAlertConfigurationProvider";
import { PartialFailureError } from "../../../src/errors";
import { fakeDirectoryGraph, TENANT, type FakeDirectoryGraph } from "./fakeDirectoryGraph";

let mockGraph: FakeDirectoryGraph;
jest.mock("../../../src/provider/runtime", () => ({
    configureRuntime: jest.fn(),
    directoryAlertsClient: () => mockGraph,
    directoryTenantId: async () => "aaaabbbb-0000-1111-2222-ccccddddeeee",
}));

/** Create, expecting the state Pulumi records (outs) to be there. */
async function created(inputs: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }> {
    const { id, outs } = await provider.create(inputs);
    expect(outs).toBeDefined();
    return { id, outs: outs ?? {} };
}

const staleId = `DirectoryRole_${TENANT}_StaleSignInAlert`;

async function checked(news: Record<string, unknown>): Promise<Record<string, unknown>> {
    const result = await provider.check({}, news);
    expect(result.failures).toEqual([]);
    return result.inputs as Record<string, unknown>;
}

function apiError(status: number): AzureApiError {
    return new AzureApiError({
        method: "GET",
        url: "u",
        status,
        statusText: "",
        code: undefined,
        serviceMessage: undefined,
        requestId: undefined,
        advice: undefined,
    });
}

beforeEach(() => {
    mockGraph = fakeDirectoryGraph();
});

describe("DirectoryAlertConfiguration provider", () => {
    test("create adopts: GET, PATCH only the declared values that differ by meaning, GET", async () => {
        const inputs = await checked({ alertId: "StaleSignInAlert", isEnabled: true, duration: "P60D" });
        const { id, outs } = await created(inputs);
        expect(id).toBe(staleId);
        expect(mockGraph.calls).toEqual([
            ["getConfiguration", "StaleSignInAlert"],
            ["patchConfiguration", "StaleSignInAlert", { duration: "P60D" }],
            ["getConfiguration", "StaleSignInAlert"],
        ]);
        expect(outs).toEqual({
            alertId: "StaleSignInAlert",
            tenantId: TENANT,
            onDelete: "retain",
            odataType: "#microsoft.graph.staleSignInAlertConfiguration",
            declaredProperties: ["isEnabled", "duration"],
            initialProperties: { isEnabled: true, duration: "PT720H" },
            isEnabled: true,
            duration: "P60D",
        });
    });

    test("create writes nothing when the live values already mean the declared ones (P30D = PT720H)", async () => {
        const { outs } = await created(await checked({ alertId: "StaleSignInAlert", duration: "P30D" }));
        expect(mockGraph.calls).toEqual([["getConfiguration", "StaleSignInAlert"]]);
        expect(outs["duration"]).toBe("P30D");
    });

    test("read reports live values in the program's spelling, so there is no false drift", async () => {
        const { id, outs } = await created(await checked({ alertId: "StaleSignInAlert", duration: "P4W2D" }));
        const read = await provider.read(id, outs);
        expect(read.inputs).toEqual({ alertId: "StaleSignInAlert", onDelete: "retain", duration: "P4W2D" });
        const diff = await provider.diff(
            id,
            read.props as Record<string, unknown>,
            await checked({ alertId: "StaleSignInAlert", duration: "P4W2D" }),
        );
        expect(diff.changes).toBe(false);
    });

    test("read shows drift of a declared property, and only of declared ones", async () => {
        const { id, outs } = await created(
            await checked({ alertId: "TooManyGlobalAdminsAssignedToTenantAlert", globalAdminCountThreshold: 4 }),
        );
        mockGraph.configurations.set("TooManyGlobalAdminsAssignedToTenantAlert", {
            isEnabled: false,
            globalAdminCountThreshold: 9,
            percentageOfGlobalAdminsOutOfRolesThreshold: 50,
        });
        const read = await provider.read(id, outs);
        expect(read.inputs).toEqual({
            alertId: "TooManyGlobalAdminsAssignedToTenantAlert",
            onDelete: "retain",
            globalAdminCountThreshold: 9,
        });
        expect(read.props).toMatchObject({
            isEnabled: false,
            globalAdminCountThreshold: 9,
            initialProperties: { globalAdminCountThreshold: 3 },
        });
    });

    test("read works from the id alone (no state) and a 404 means gone", async () => {
        const read = await provider.read(staleId, {});
        expect(read.props).toMatchObject({
            alertId: "StaleSignInAlert",
            tenantId: TENANT,
            duration: "PT720H",
            declaredProperties: [],
            initialProperties: { isEnabled: true, duration: "PT720H" },
        });
        mockGraph.failNext("getConfiguration", apiError(404));
        expect(await provider.read(staleId, {})).toEqual({ id: "", props: {} });
    });

    test("update PATCHes only what changed, then GETs", async () => {
        const { id, outs } = await created(
            await checked({
                alertId: "SequentialActivationRenewalsAlert",
                sequentialActivationCounterThreshold: 3,
                timeIntervalBetweenActivations: "PT10S",
            }),
        );
        mockGraph.calls.length = 0;
        const news = await checked({
            alertId: "SequentialActivationRenewalsAlert",
            sequentialActivationCounterThreshold: 5,
            timeIntervalBetweenActivations: "PT0H0M10S",
        });
        expect((await provider.diff(id, outs, news)).changes).toBe(true);
        const result = await provider.update(id, outs, news);
        expect(mockGraph.calls).toEqual([
            ["patchConfiguration", "SequentialActivationRenewalsAlert", { sequentialActivationCounterThreshold: 5 }],
            ["getConfiguration", "SequentialActivationRenewalsAlert"],
        ]);
        expect(result.outs).toMatchObject({
            sequentialActivationCounterThreshold: 5,
            timeIntervalBetweenActivations: "PT0H0M10S",
            isEnabled: false,
        });
    });

    test("update without a value to write records onDelete and the program's spelling, with no call", async () => {
        const { id, outs } = await created(await checked({ alertId: "StaleSignInAlert", duration: "P30D" }));
        mockGraph.calls.length = 0;
        const result = await provider.update(
            id,
            outs,
            await checked({ alertId: "StaleSignInAlert", duration: "PT720H", onDelete: "restore" }),
        );
        expect(mockGraph.calls).toEqual([]);
        expect(result.outs).toMatchObject({
            duration: "PT720H",
            onDelete: "restore",
            declaredProperties: ["duration"],
        });
    });

    test("a failed adoption GET is a plain failure: nothing was written", async () => {
        mockGraph.failNext("getConfiguration", apiError(403));
        await expect(
            provider.create(await checked({ alertId: "StaleSignInAlert", duration: "P60D" })),
        ).rejects.toBeInstanceOf(AzureApiError);
        expect(mockGraph.calls).toEqual([["getConfiguration", "StaleSignInAlert"]]);
    });

    test("a failed read-back after a successful PATCH keeps the state through PartialFailureError", async () => {
        mockGraph.failNext("getConfiguration", apiError(503), 1);
        const error = await created(await checked({ alertId: "StaleSignInAlert", duration: "P60D" })).catch(
            (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(PartialFailureError);
        const partial = error as PartialFailureError;
        expect(partial.id).toBe(staleId);
        expect(partial.message).toContain(
            `updated directory alert configuration StaleSignInAlert in tenant ${TENANT}, then: GET u failed with 503`,
        );
        // The values from before the PATCH are recorded, so the next `up` writes again.
        expect(partial.properties).toMatchObject({ duration: "PT720H", declaredProperties: ["duration"] });
    });

    test("update: a failed read-back keeps the old state through PartialFailureError", async () => {
        const { id, outs } = await created(await checked({ alertId: "StaleSignInAlert", duration: "P30D" }));
        mockGraph.failNext("getConfiguration", apiError(500));
        const error = await provider
            .update(id, outs, await checked({ alertId: "StaleSignInAlert", duration: "P60D" }))
            .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PartialFailureError);
        expect((error as PartialFailureError).properties).toMatchObject({ duration: "P30D" });
        expect(mockGraph.configurations.get("StaleSignInAlert")).toMatchObject({ duration: "P60D" });
    });

    test.each<[string, Record<string, unknown>, unknown[]]>([
        ["retain writes nothing", { onDelete: "retain" }, []],
        [
            "restore writes back the declared properties' adopted values only",
            { onDelete: "restore" },
            [["patchConfiguration", "StaleSignInAlert", { duration: "PT720H" }]],
        ],
    ])("delete: %s", async (_what, extra, calls) => {
        const { id, outs } = await created(await checked({ alertId: "StaleSignInAlert", duration: "P60D", ...extra }));
        mockGraph.calls.length = 0;
        await provider.delete(id, outs);
        expect(mockGraph.calls).toEqual(calls);
    });
});
