import { expect } from "@jest/globals";
import { createArmAlertsClient } from "../../../src/arm/alertsClient";
import { withReadCache } from "../../../src/arm/readCoalescing";
import type { ApiClient, ApiRequest } from "../../../src/http/apiClient";
import { AzureApiError } from "../../../src/errors";

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const CONFIGS = `${SUB}/providers/Microsoft.Authorization/roleManagementAlertConfigurations`;

const owners = (threshold: number) => ({
    id: `${CONFIGS}/TooManyOwnersAssignedToResource`,
    name: "TooManyOwnersAssignedToResource",
    properties: {
        alertConfigurationType: "TooManyOwnersAssignedToResourceAlertConfiguration",
        isEnabled: true,
        thresholdNumberOfOwners: threshold,
    },
});
const duplicate = {
    id: `${CONFIGS}/DuplicateRoleCreated`,
    name: "DuplicateRoleCreated",
    properties: { alertConfigurationType: "DuplicateRoleCreatedAlertConfiguration", isEnabled: false },
};
const notFound = (method: string) =>
    new AzureApiError({
        method,
        url: "u",
        status: 404,
        statusText: "Not Found",
        code: "NotFound",
        serviceMessage: undefined,
        requestId: undefined,
        advice: undefined,
    });

/** An ARM API that answers from `items` and records every call as `METHOD path`. */
function fakeArm(items: unknown[], options: { listFails?: Error } = {}) {
    const calls: string[] = [];
    let listed = items;
    const http: ApiClient = {
        api: "arm",
        baseUrl: "https://management.azure.com",
        async send(request: ApiRequest) {
            calls.push(`${request.method} ${request.path}`);
            if (request.method !== "GET") return { status: 204, headers: {}, body: undefined };
            const item = listed.find((i) => (i as { id: string }).id.toLowerCase() === request.path.toLowerCase());
            if (!item) throw notFound("GET");
            return { status: 200, headers: {}, body: item };
        },
        async listAll(request) {
            calls.push(`LIST ${request.path}`);
            if (options.listFails) throw options.listFails;
            return listed;
        },
        async listPage(request) {
            calls.push(`LIST ${request.path}`);
            if (options.listFails) throw options.listFails;
            return { items: listed, nextLink: undefined };
        },
    };
    return { calls, client: createArmAlertsClient(http), replace: (next: unknown[]) => (listed = next) };
}

describe("coalesced reads of alert configurations", () => {
    test("N reads at one scope make one list call; a lone read is one call too", async () => {
        const arm = fakeArm([owners(4), duplicate]);
        const reads = withReadCache(arm.client, 30_000);
        const a = await reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource");
        const b = await reads.readConfiguration(SUB, "DuplicateRoleCreated");
        expect(a?.values).toEqual({ isEnabled: true, thresholdNumberOfOwners: 4 });
        expect(b?.values).toEqual({ isEnabled: false });
        expect(arm.calls).toEqual([`LIST ${CONFIGS}`]);
    });

    test("a read answers what a GET of the item answers", async () => {
        const arm = fakeArm([owners(4), duplicate]);
        const listed = await withReadCache(arm.client, 30_000).readConfiguration(
            SUB,
            "TooManyOwnersAssignedToResource",
        );
        const got = await arm.client.getConfiguration(SUB, "TooManyOwnersAssignedToResource");
        expect(listed).toEqual(got);
    });

    test("a write drops the scope's list: the next read sees the written value", async () => {
        const arm = fakeArm([owners(4), duplicate]);
        const reads = withReadCache(arm.client, 30_000);
        await reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource");
        await reads.patchConfiguration(SUB, "TooManyOwnersAssignedToResource", { thresholdNumberOfOwners: 9 });
        arm.replace([owners(9), duplicate]);
        expect(
            (await reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource"))?.values["thresholdNumberOfOwners"],
        ).toBe(9);
        expect(arm.calls.map((c) => c.split(" ")[0])).toEqual(["LIST", "PATCH", "LIST"]);
    });

    test("a write that fails still drops the list (a timed-out PATCH may have been applied)", async () => {
        const arm = fakeArm([owners(4)]);
        const reads = withReadCache(
            { ...arm.client, patchConfiguration: () => Promise.reject(new Error("timed out")) },
            30_000,
        );
        await reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource");
        await expect(
            reads.patchConfiguration(SUB, "TooManyOwnersAssignedToResource", { thresholdNumberOfOwners: 9 }),
        ).rejects.toThrow("timed out");
        await reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource");
        expect(arm.calls.filter((c) => c.startsWith("LIST"))).toHaveLength(2);
    });

    test("readCacheSeconds 0 turns coalescing off: one GET per read (the baseline)", async () => {
        const arm = fakeArm([owners(4), duplicate]);
        const reads = withReadCache(arm.client, 0);
        await reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource");
        await reads.readConfiguration(SUB, "DuplicateRoleCreated");
        expect(arm.calls.map((c) => c.split(" ")[0])).toEqual(["GET", "GET"]);
        expect(reads.listsStarted).toBe(0);
    });

    test("'gone' comes only from the item's own 404: an item missing from the list is read with its GET", async () => {
        const arm = fakeArm([owners(4)]);
        const reads = withReadCache(arm.client, 30_000);
        expect(await reads.readConfiguration(SUB, "DuplicateRoleCreated")).toBeUndefined();
        expect(arm.calls).toEqual([`LIST ${CONFIGS}`, `GET ${CONFIGS}/DuplicateRoleCreated`]);
    });

    test("a scope whose list is 404 falls back to one GET per read", async () => {
        const arm = fakeArm([owners(4)], { listFails: notFound("GET") });
        const reads = withReadCache(arm.client, 30_000);
        expect(
            (await reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource"))?.values["thresholdNumberOfOwners"],
        ).toBe(4);
        expect(await reads.readConfiguration(SUB, "DuplicateRoleCreated")).toBeUndefined();
        expect(arm.calls.map((c) => c.split(" ")[0])).toEqual(["LIST", "GET", "GET"]);
    });

    test("a list that fails otherwise fails the read, and the next read lists again", async () => {
        const failure = new Error("GET ... failed with 500 Internal Server Error");
        const arm = fakeArm([owners(4)], { listFails: failure });
        const reads = withReadCache(arm.client, 30_000);
        await expect(reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource")).rejects.toBe(failure);
        await expect(reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource")).rejects.toBe(failure);
        expect(arm.calls).toEqual([`LIST ${CONFIGS}`, `LIST ${CONFIGS}`]);
    });

    test("an item of a newer API is read with its own GET, whose error names it; the others come from the list", async () => {
        const newer = {
            ...duplicate,
            properties: { alertConfigurationType: "BrandNewAlertConfiguration", isEnabled: true },
        };
        const arm = fakeArm([owners(4), newer]);
        const reads = withReadCache(arm.client, 30_000);
        expect(
            (await reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource"))?.values["thresholdNumberOfOwners"],
        ).toBe(4);
        await expect(reads.readConfiguration(SUB, "DuplicateRoleCreated")).rejects.toThrow(
            /GET https:\/\/management\.azure\.com\/subscriptions\/.*\/DuplicateRoleCreated answered 200 with an unexpected body: alertConfigurationType "BrandNewAlertConfiguration" of DuplicateRoleCreated is not one this version of pulumi-pim-alerts knows/,
        );
        expect(arm.calls).toEqual([`LIST ${CONFIGS}`, `GET ${CONFIGS}/DuplicateRoleCreated`]);
    });

    test("a hollow item in a list is not trusted: its own GET answers (here, the real values)", async () => {
        const arm = fakeArm([{ ...owners(4), properties: {} }]);
        const reads = withReadCache(arm.client, 30_000);
        const listed = reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource");
        arm.replace([owners(4)]);
        expect((await listed)?.values["thresholdNumberOfOwners"]).toBe(4);
        expect(arm.calls.map((c) => c.split(" ")[0])).toEqual(["LIST", "GET"]);
    });

    test("an item hollow in the list and in its GET fails with what is missing", async () => {
        const arm = fakeArm([{ ...owners(4), properties: {} }]);
        await expect(
            withReadCache(arm.client, 30_000).readConfiguration(SUB, "TooManyOwnersAssignedToResource"),
        ).rejects.toThrow(
            /TooManyOwnersAssignedToResource answered 200 with an unexpected body: not an alert configuration \(properties\.alertConfigurationType: /,
        );
    });

    test("a list item with neither name nor id fails the list rather than calling anything gone", async () => {
        const arm = fakeArm([{ properties: {} }]);
        await expect(
            withReadCache(arm.client, 30_000).readConfiguration(SUB, "TooManyOwnersAssignedToResource"),
        ).rejects.toThrow("a list item has neither a name nor an id");
    });
});

describe("coalesced reads of alerts (AlertDismissal refresh)", () => {
    test("reads of alerts at one scope share one list, separate from the configurations' list", async () => {
        const alertsPath = `${SUB}/providers/Microsoft.Authorization/roleManagementAlerts`;
        const alert = (name: string, isActive: boolean) => ({
            id: `${alertsPath}/${name}`,
            name,
            properties: { isActive, incidentCount: isActive ? 2 : 0 },
        });
        const arm = fakeArm([alert("DuplicateRoleCreated", false), alert("AzureRolesAssignedOutsidePimAlert", true)]);
        const reads = withReadCache(arm.client, 30_000);
        expect(await reads.readAlert(SUB, "DuplicateRoleCreated")).toMatchObject({
            isActive: false,
            incidentCount: 0,
            lastScannedDateTime: "",
        });
        expect(await reads.readAlert(SUB, "AzureRolesAssignedOutsidePimAlert")).toMatchObject({
            isActive: true,
            incidentCount: 2,
        });
        await reads.patchAlert(SUB, "DuplicateRoleCreated", false);
        await reads.readAlert(SUB, "DuplicateRoleCreated");
        expect(arm.calls.map((c) => c.split(" ")[0])).toEqual(["LIST", "PATCH", "LIST"]);
    });
});

describe("never more calls than one GET per read, whatever the shape", () => {
    const ALERT_IDS = [
        "TooManyOwnersAssignedToResource",
        "TooManyPermanentOwnersAssignedToResource",
        "DuplicateRoleCreated",
        "AzureRolesAssignedOutsidePimAlert",
    ] as const;
    const scopeOf = (i: number) => `/subscriptions/${String(i).padStart(8, "0")}-0000-4000-8000-000000000000`;
    const itemOf = (scope: string, alertId: string) => ({
        id: `${scope}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/${alertId}`,
        name: alertId,
        properties: {
            alertConfigurationType: `${alertId === "AzureRolesAssignedOutsidePimAlert" ? "AzureRolesAssignedOutsidePim" : alertId}AlertConfiguration`,
            isEnabled: true,
        },
    });

    /** An ARM API whose every scope holds the 4 configurations; a list answers its first `pageSize` items. */
    function armOf(pageSize: number) {
        let calls = 0;
        const http: ApiClient = {
            api: "arm",
            baseUrl: "https://management.azure.com",
            async send(request: ApiRequest) {
                calls += 1;
                await new Promise((r) => setTimeout(r, 1));
                const [scope, alertId] = request.path.split(
                    "/providers/Microsoft.Authorization/roleManagementAlertConfigurations/",
                ) as [string, string];
                return { status: 200, headers: {}, body: itemOf(scope, alertId) };
            },
            async listAll() {
                throw new Error("not used");
            },
            async listPage(request) {
                calls += 1;
                await new Promise((r) => setTimeout(r, 1));
                const scope = request.path.split("/providers/")[0];
                return {
                    items: ALERT_IDS.slice(0, pageSize).map((a) => itemOf(scope, a)),
                    nextLink: pageSize < 4 ? "https://management.azure.com/next" : undefined,
                };
            },
        };
        return { client: createArmAlertsClient(http), calls: () => calls };
    }

    const shapes = [
        { name: "4 per scope", perScope: 4, pageSize: 100, order: "scope-major" },
        { name: "1 per scope", perScope: 1, pageSize: 100, order: "scope-major" },
        { name: "1 per scope, lists in pages of 1", perScope: 1, pageSize: 1, order: "scope-major" },
        { name: "4 per scope, lists in pages of 1", perScope: 4, pageSize: 1, order: "scope-major" },
        { name: "4 per scope, lists in pages of 2", perScope: 4, pageSize: 2, order: "scope-major" },
        { name: "4 per scope, read round-robin", perScope: 4, pageSize: 100, order: "round-robin" },
        { name: "4 per scope, round-robin, lists in pages of 1", perScope: 4, pageSize: 1, order: "round-robin" },
    ] as const;

    function readsOf(shape: (typeof shapes)[number], scopes: number): Array<[string, (typeof ALERT_IDS)[number]]> {
        const all: Array<[string, (typeof ALERT_IDS)[number]]> = [];
        if (shape.order === "scope-major")
            for (let i = 0; i < scopes; i++)
                for (const a of ALERT_IDS.slice(0, shape.perScope)) all.push([scopeOf(i), a]);
        else
            for (const a of ALERT_IDS.slice(0, shape.perScope))
                for (let i = 0; i < scopes; i++) all.push([scopeOf(i), a]);
        return all;
    }

    describe.each(shapes)("$name", (shape) => {
        test.each(["one by one", "in parallel"])("reads %s", async (how) => {
            const arm = armOf(shape.pageSize);
            const reads = withReadCache(arm.client, 30_000);
            const order = readsOf(shape, 25);
            const results =
                how === "in parallel"
                    ? await Promise.all(order.map(([scope, alertId]) => reads.readConfiguration(scope, alertId)))
                    : await order.reduce<Promise<unknown[]>>(
                          async (acc, [scope, alertId]) => [
                              ...(await acc),
                              await reads.readConfiguration(scope, alertId),
                          ],
                          Promise.resolve([]),
                      );
            // Every read answered with its own item.
            expect(results.map((r) => (r as { id: string }).id)).toEqual(
                order.map(([scope, alertId]) => itemOf(scope, alertId).id),
            );
            // The promise: at most one call per read, save the one probe that reveals lists in pages.
            const extra = shape.pageSize < shape.perScope ? 1 : 0;
            expect(arm.calls()).toBeLessThanOrEqual(order.length + extra);
            expect(reads.counts).toMatchObject({
                reads: order.length,
                lists: expect.any(Number),
                gets: expect.any(Number),
            });
            // And a real saving where there is one to make: 4 configurations per scope in one page cost one list per scope.
            if (shape.perScope === 4 && shape.pageSize === 100 && shape.order === "scope-major")
                expect(arm.calls()).toBe(25);
        });
    });

    test("a refresh longer than the freshness bound never re-lists into more calls, and answers are never older than the bound", async () => {
        let t = 0;
        const arm = armOf(100);
        const reads = withReadCache(arm.client, 2_000, () => t);
        const order = readsOf(shapes[5], 25);
        for (const [scope, alertId] of order) {
            t += 100; // 100 reads over 10 s: every list expires long before its scope is read again
            await reads.readConfiguration(scope, alertId);
        }
        expect(arm.calls()).toBeLessThanOrEqual(order.length);
    });

    test("freshness: a list is not used once older than the bound", async () => {
        let t = 0;
        const arm = fakeArm([owners(4), duplicate]);
        const reads = withReadCache(arm.client, 2_000, () => t);
        await reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource");
        arm.replace([owners(7), duplicate]);
        t = 1_999;
        expect(
            (await reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource"))?.values["thresholdNumberOfOwners"],
        ).toBe(4);
        t = 2_000;
        expect(
            (await reads.readConfiguration(SUB, "TooManyOwnersAssignedToResource"))?.values["thresholdNumberOfOwners"],
        ).toBe(7);
    });
});
