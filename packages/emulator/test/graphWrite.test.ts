import { expect } from "@jest/globals";
import { MANAGED_IDENTITY_OBJECT_ID } from "../src";
import { graphId, ROOT, sendGraph } from "./graphSupport";
import { useEmulator } from "./support";

const emulator = useEmulator();
const GLOBAL_ADMINS_TYPE = "#microsoft.graph.tooManyGlobalAdminsAssignedToTenantAlertConfiguration";

function configurationUrl(suffix: string): string {
    return `${ROOT}/alertConfigurations/${graphId(emulator(), suffix)}`;
}

describe("PATCH alertConfigurations/{id}", () => {
    test("the documented request answers 204 with no body and merges", async () => {
        const body = { "@odata.type": GLOBAL_ADMINS_TYPE, isEnabled: true, globalAdminCountThreshold: 4 };
        const response = await sendGraph(
            emulator(),
            "PATCH",
            configurationUrl("TooManyGlobalAdminsAssignedToTenantAlert"),
            { body },
        );
        expect(response.status).toBe(204);
        expect(response.text).toBe("");
        const read = await sendGraph(emulator(), "GET", configurationUrl("TooManyGlobalAdminsAssignedToTenantAlert"));
        expect(read.json).toMatchObject({
            globalAdminCountThreshold: 4,
            percentageOfGlobalAdminsOutOfRolesThreshold: 10,
        });
    });

    test.each<[string, string, Record<string, unknown>]>([
        ["StaleSignInAlert", "#microsoft.graph.staleSignInAlertConfiguration", { duration: "P90D" }],
        ["StaleSignInAlert", "#microsoft.graph.staleSignInAlertConfiguration", { duration: "PT48H" }],
        ["RedundantAssignmentAlert", "#microsoft.graph.redundantAssignmentAlertConfiguration", { duration: "P0D" }],
        [
            "SequentialActivationRenewalsAlert",
            "#microsoft.graph.sequentialActivationRenewalsAlertConfiguration",
            { timeIntervalBetweenActivations: "PT10S", sequentialActivationCounterThreshold: 2 },
        ],
        [
            "RolesAssignedOutsidePimAlert",
            "#microsoft.graph.rolesAssignedOutsidePrivilegedIdentityManagementAlertConfiguration",
            { isEnabled: false },
        ],
    ])("%s accepts %s with %j", async (suffix, type, values) => {
        const response = await sendGraph(emulator(), "PATCH", configurationUrl(suffix), {
            body: { "@odata.type": type, ...values },
        });
        expect(response.status).toBe(204);
        expect(emulator().admin.graph.configuration(suffix)).toMatchObject(values);
    });

    const STALE = "#microsoft.graph.staleSignInAlertConfiguration";
    test.each<[string, string, Record<string, unknown>, string]>([
        [
            "no @odata.type",
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { isEnabled: false },
            "'@odata.type' is required",
        ],
        [
            "another type's @odata.type",
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { "@odata.type": STALE, isEnabled: false },
            "must be",
        ],
        [
            'isEnabled as the string "true"',
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { "@odata.type": GLOBAL_ADMINS_TYPE, isEnabled: "true" },
            "JSON boolean",
        ],
        [
            "a count below 2",
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { "@odata.type": GLOBAL_ADMINS_TYPE, globalAdminCountThreshold: 1 },
            "between 2 and 100",
        ],
        [
            "a count above 100",
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { "@odata.type": GLOBAL_ADMINS_TYPE, globalAdminCountThreshold: 101 },
            "between 2 and 100",
        ],
        [
            "a percentage above 100",
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { "@odata.type": GLOBAL_ADMINS_TYPE, percentageOfGlobalAdminsOutOfRolesThreshold: 101 },
            "between 0 and 100",
        ],
        [
            "a fractional count",
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { "@odata.type": GLOBAL_ADMINS_TYPE, globalAdminCountThreshold: 2.5 },
            "integer",
        ],
        [
            "a read-only id",
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { "@odata.type": GLOBAL_ADMINS_TYPE, id: "x" },
            "read-only",
        ],
        [
            "an unknown property",
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { "@odata.type": GLOBAL_ADMINS_TYPE, duration: "P1D" },
            "does not exist on type",
        ],
        [
            "a duration of 0 days (stale sign-in)",
            "StaleSignInAlert",
            { "@odata.type": STALE, duration: "P0D" },
            "between 1 and 365 days",
        ],
        [
            "a duration of 366 days",
            "StaleSignInAlert",
            { "@odata.type": STALE, duration: "P366D" },
            "between 1 and 365 days",
        ],
        [
            "a duration in partial days",
            "StaleSignInAlert",
            { "@odata.type": STALE, duration: "PT36H" },
            "whole number of days",
        ],
        ["a duration as a number", "StaleSignInAlert", { "@odata.type": STALE, duration: 30 }, "ISO-8601"],
        [
            "a duration in weeks (not an Edm.Duration)",
            "StaleSignInAlert",
            { "@odata.type": STALE, duration: "P4W" },
            "ISO-8601",
        ],
        ["a duration in months", "StaleSignInAlert", { "@odata.type": STALE, duration: "P1M" }, "ISO-8601"],
        [
            "a redundant-assignment window of 101 days",
            "RedundantAssignmentAlert",
            { "@odata.type": "#microsoft.graph.redundantAssignmentAlertConfiguration", duration: "P101D" },
            "between 0 and 100 days",
        ],
        [
            "an activation window of 0 seconds",
            "SequentialActivationRenewalsAlert",
            {
                "@odata.type": "#microsoft.graph.sequentialActivationRenewalsAlertConfiguration",
                timeIntervalBetweenActivations: "PT0S",
            },
            "between 1 and 2592000 seconds",
        ],
    ])("rejects %s with 400 BadRequest", async (_what, suffix, body, message) => {
        const before = emulator().admin.graph.configuration(suffix);
        const response = await sendGraph(emulator(), "PATCH", configurationUrl(suffix), { body });
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({
            error: { code: "BadRequest", message: expect.stringContaining(message) },
        });
        expect(emulator().admin.graph.configuration(suffix)).toEqual(before);
    });
});

describe("PATCH alerts/{id}", () => {
    const alertUrl = (): string => `${ROOT}/alerts/${graphId(emulator(), "StaleSignInAlert")}`;

    test("{isActive:false} dismisses: 204, no body; incidents stay readable", async () => {
        const response = await sendGraph(emulator(), "PATCH", alertUrl(), { body: { isActive: false } });
        expect(response.status).toBe(204);
        expect(response.text).toBe("");
        expect((await sendGraph(emulator(), "GET", alertUrl())).json).toMatchObject({
            isActive: false,
            incidentCount: 1,
        });
    });

    test.each<[string, unknown]>([
        ["a string", { isActive: "false" }],
        ["another property", { isActive: false, incidentCount: 0 }],
        ["nothing", {}],
    ])("rejects %s with 400", async (_what, body) => {
        expect((await sendGraph(emulator(), "PATCH", alertUrl(), { body })).status).toBe(400);
    });
});

describe("refresh and remediate", () => {
    async function poll(location: string): Promise<Record<string, unknown>> {
        return (await sendGraph(emulator(), "GET", location)).json as Record<string, unknown>;
    }

    test("refreshing one alert: 202 + Location, no body; running then succeeded; re-activates the dismissed alert", async () => {
        const id = graphId(emulator(), "StaleSignInAlert");
        emulator().admin.graph.setAlertActive("StaleSignInAlert", false);
        const response = await sendGraph(emulator(), "POST", `${ROOT}/alerts/${id}/refresh`);
        expect(response.status).toBe(202);
        expect(response.text).toBe("");
        const location = response.headers.get("location") ?? "";
        expect(location).toBe(`${emulator().url}${ROOT}/operations/refresh:${id}`);
        expect(await poll(location)).toMatchObject({ id: `refresh:${id}`, status: "running", resourceLocation: "" });
        expect(emulator().admin.graph.alert(id).isActive).toBe(false);
        expect(await poll(location)).toMatchObject({
            status: "succeeded",
            resourceLocation: `${emulator().url}${ROOT}/alerts/${id}`,
        });
        expect(emulator().admin.graph.alert(id).isActive).toBe(true);
    });

    test("refreshing all alerts requires the scope body", async () => {
        expect((await sendGraph(emulator(), "POST", `${ROOT}/alerts/refresh`)).status).toBe(400);
        const response = await sendGraph(emulator(), "POST", `${ROOT}/alerts/refresh`, {
            body: { scopeId: "/", scopeType: "DirectoryRole" },
        });
        expect(response.status).toBe(202);
        const location = response.headers.get("location") ?? "";
        await poll(location);
        expect(await poll(location)).toMatchObject({ status: "succeeded" });
    });

    test("failNextOperation applies to Graph refreshes too", async () => {
        emulator().admin.failNextOperation();
        const response = await sendGraph(emulator(), "POST", `${ROOT}/alerts/refresh`, {
            body: { scopeId: "/", scopeType: "DirectoryRole" },
        });
        const location = response.headers.get("location") ?? "";
        await poll(location);
        expect(await poll(location)).toMatchObject({ status: "failed" });
    });

    test("remediating an incident answers 200 with no body and removes it", async () => {
        const id = graphId(emulator(), "RolesAssignedOutsidePimAlert");
        const [incidentId] = emulator().admin.graph.alert(id).incidentIds;
        const response = await sendGraph(
            emulator(),
            "POST",
            `${ROOT}/alerts/${id}/alertIncidents/${incidentId}/remediate`,
        );
        expect(response.status).toBe(200);
        expect(response.text).toBe("");
        expect(emulator().admin.graph.alert(id).incidentCount).toBe(0);
        expect(
            (await sendGraph(emulator(), "POST", `${ROOT}/alerts/${id}/alertIncidents/${incidentId}/remediate`)).status,
        ).toBe(404);
    });

    test("remediating an incident of a non-remediatable alert answers 400", async () => {
        const incidentId = emulator().admin.graph.raiseIncident("SequentialActivationRenewalsAlert");
        const id = graphId(emulator(), "SequentialActivationRenewalsAlert");
        expect((await sendGraph(emulator(), "GET", `${ROOT}/alerts/${id}`)).json).toMatchObject({
            isActive: true,
            incidentCount: 1,
        });
        const response = await sendGraph(
            emulator(),
            "POST",
            `${ROOT}/alerts/${id}/alertIncidents/${incidentId}/remediate`,
        );
        expect(response.status).toBe(400);
        expect(emulator().admin.graph.alert(id).incidentCount).toBe(1);
    });
});

describe("Graph authentication and authorization", () => {
    const list = `${ROOT}/alertDefinitions/DirectoryRole_x_StaleSignInAlert`;

    test("no token: 401 InvalidAuthenticationToken with a challenge", async () => {
        const response = await sendGraph(emulator(), "GET", list, { token: null });
        expect(response.status).toBe(401);
        expect(response.json).toMatchObject({
            error: { code: "InvalidAuthenticationToken", message: "Access token is empty." },
        });
        expect(response.headers.get("www-authenticate")).toContain('client_id="00000003-0000-0000-c000-000000000000"');
    });

    test("an ARM token: 401 invalid audience", async () => {
        const response = await sendGraph(emulator(), "GET", list, { token: emulator().admin.issueToken() });
        expect(response.json).toMatchObject({
            error: {
                code: "InvalidAuthenticationToken",
                message: "Access token validation failure. Invalid audience.",
            },
        });
    });

    test("a read-only principal gets 403 Authorization_RequestDenied on writes only", async () => {
        emulator().admin.setReadOnly(MANAGED_IDENTITY_OBJECT_ID);
        const id = graphId(emulator(), "StaleSignInAlert");
        expect((await sendGraph(emulator(), "GET", `${ROOT}/alerts/${id}`)).status).toBe(200);
        const response = await sendGraph(emulator(), "PATCH", `${ROOT}/alerts/${id}`, { body: { isActive: false } });
        expect(response.status).toBe(403);
        expect(response.json).toMatchObject({ error: { code: "Authorization_RequestDenied" } });
    });

    test("DELETE is not supported (405)", async () => {
        const response = await sendGraph(emulator(), "DELETE", configurationUrl("StaleSignInAlert"));
        expect(response.status).toBe(405);
    });
});
