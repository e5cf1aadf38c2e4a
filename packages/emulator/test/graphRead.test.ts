import { expect } from "@jest/globals";
import { FILTER, graphId, ROOT, sendGraph } from "./graphSupport";
import { useEmulator } from "./support";

const emulator = useEmulator();

interface GraphList {
    value: Array<Record<string, unknown>>;
    "@odata.nextLink"?: string;
}

describe("Graph lists and gets", () => {
    test("alertConfigurations lists the 7 types with @odata.type, tenant ids and realistic defaults", async () => {
        const response = await sendGraph(emulator(), "GET", `${ROOT}/alertConfigurations${FILTER}`);
        expect(response.status).toBe(200);
        const value = (response.json as GraphList).value;
        expect(value.map((item) => item["@odata.type"])).toEqual([
            "#microsoft.graph.invalidLicenseAlertConfiguration",
            "#microsoft.graph.noMfaOnRoleActivationAlertConfiguration",
            "#microsoft.graph.redundantAssignmentAlertConfiguration",
            "#microsoft.graph.rolesAssignedOutsidePrivilegedIdentityManagementAlertConfiguration",
            "#microsoft.graph.sequentialActivationRenewalsAlertConfiguration",
            "#microsoft.graph.staleSignInAlertConfiguration",
            "#microsoft.graph.tooManyGlobalAdminsAssignedToTenantAlertConfiguration",
        ]);
        const byId = (suffix: string): Record<string, unknown> | undefined =>
            value.find((item) => item["id"] === graphId(emulator(), suffix));
        expect(byId("TooManyGlobalAdminsAssignedToTenantAlert")).toEqual({
            "@odata.type": "#microsoft.graph.tooManyGlobalAdminsAssignedToTenantAlertConfiguration",
            id: graphId(emulator(), "TooManyGlobalAdminsAssignedToTenantAlert"),
            alertDefinitionId: graphId(emulator(), "TooManyGlobalAdminsAssignedToTenantAlert"),
            scopeId: "/",
            scopeType: "DirectoryRole",
            isEnabled: true,
            globalAdminCountThreshold: 3,
            percentageOfGlobalAdminsOutOfRolesThreshold: 10,
        });
        expect(byId("StaleSignInAlert")).toMatchObject({ duration: "P30D" });
        expect(byId("RedundantAssignmentAlert")).toMatchObject({ duration: "P30D" });
        expect(byId("SequentialActivationRenewalsAlert")).toMatchObject({
            sequentialActivationCounterThreshold: 10,
            timeIntervalBetweenActivations: "PT1H",
        });
        expect(byId("RolesAssignedOutsidePimAlert")).toBeDefined();
    });

    test.each([
        ["no $filter", ""],
        [
            "another scope",
            `?$filter=${encodeURIComponent("scopeId eq '/administrativeUnits/x' and scopeType eq 'DirectoryRole'")}`,
        ],
        ["half the filter", `?$filter=${encodeURIComponent("scopeId eq '/'")}`],
    ])("a list with %s answers 400 in Graph's error shape", async (_what, query) => {
        for (const collection of ["alerts", "alertConfigurations", "alertDefinitions"]) {
            const response = await sendGraph(emulator(), "GET", `${ROOT}/${collection}${query}`);
            expect(response.status).toBe(400);
            expect(response.json).toEqual({
                error: {
                    code: "BadRequest",
                    message: expect.stringContaining("scopeId eq '/' and scopeType eq 'DirectoryRole'"),
                    innerError: {
                        date: expect.stringMatching(/Z$/),
                        "request-id": response.headers.get("request-id"),
                        "client-request-id": expect.any(String),
                    },
                },
            });
        }
    });

    test("definitions carry severities and flags of the Graph sample", async () => {
        const value = ((await sendGraph(emulator(), "GET", `${ROOT}/alertDefinitions${FILTER}`)).json as GraphList)
            .value;
        const summary = Object.fromEntries(
            value.map(
                (d) =>
                    [
                        String(d["id"]).split("_").at(-1) ?? "",
                        [d["severityLevel"], d["isRemediatable"], d["isConfigurable"]],
                    ] as const,
            ),
        );
        expect(summary).toEqual({
            InvalidLicenseAlert: ["high", false, false],
            NoMfaOnRoleActivationAlert: ["medium", true, false],
            RedundantAssignmentAlert: ["low", true, true],
            RolesAssignedOutsidePimAlert: ["high", true, false],
            SequentialActivationRenewalsAlert: ["medium", false, true],
            StaleSignInAlert: ["medium", true, true],
            TooManyGlobalAdminsAssignedToTenantAlert: ["low", true, true],
        });
    });

    test("an alert by id needs no filter; never-fired alerts show 0001-01-01T08:00:00Z", async () => {
        const response = await sendGraph(
            emulator(),
            "GET",
            `${ROOT}/alerts/${graphId(emulator(), "InvalidLicenseAlert")}`,
        );
        expect(response.json).toMatchObject({
            id: graphId(emulator(), "InvalidLicenseAlert"),
            alertDefinitionId: graphId(emulator(), "InvalidLicenseAlert"),
            scopeId: "/",
            scopeType: "DirectoryRole",
            isActive: false,
            incidentCount: 0,
            lastModifiedDateTime: "0001-01-01T08:00:00Z",
        });
    });

    test("$expand inlines configuration, definition and incidents; an unknown navigation is a 400", async () => {
        const id = graphId(emulator(), "TooManyGlobalAdminsAssignedToTenantAlert");
        const expanded = await sendGraph(emulator(), "GET", `${ROOT}/alerts/${id}?$expand=*`);
        expect(expanded.json).toMatchObject({
            incidentCount: 4,
            alertConfiguration: { globalAdminCountThreshold: 3 },
            alertDefinition: { displayName: "There are too many global administrators" },
            alertIncidents: expect.arrayContaining([
                expect.objectContaining({
                    "@odata.type": "#microsoft.graph.tooManyGlobalAdminsAssignedToTenantAlertIncident",
                }),
            ]),
        });
        expect((await sendGraph(emulator(), "GET", `${ROOT}/alerts/${id}?$expand=owner`)).status).toBe(400);
    });

    test("incidents of an alert list without a filter and get by id", async () => {
        const id = graphId(emulator(), "StaleSignInAlert");
        const list = (await sendGraph(emulator(), "GET", `${ROOT}/alerts/${id}/alertIncidents`)).json as GraphList;
        expect(list.value).toEqual([
            expect.objectContaining({
                "@odata.type": "#microsoft.graph.staleSignInAlertIncident",
                lastSignInDateTime: expect.any(String),
            }),
        ]);
        const incidentId = String(list.value[0]?.["id"]);
        expect(
            (await sendGraph(emulator(), "GET", `${ROOT}/alerts/${id}/alertIncidents/${incidentId}`)).json,
        ).toMatchObject({ id: incidentId });
    });

    test.each([
        ["an unknown alert", "alerts/DirectoryRole_x_StaleSignInAlert", 404, "ResourceNotFound"],
        [
            "another tenant's id",
            "alertConfigurations/DirectoryRole_00000000-0000-0000-0000-000000000000_StaleSignInAlert",
            404,
            "ResourceNotFound",
        ],
        ["an unknown operation", "operations/nope", 404, "ResourceNotFound"],
        ["an unknown segment", "alertThings", 400, "BadRequest"],
    ])("%s (GET %s) answers %i %s", async (_what, relative, status, code) => {
        const response = await sendGraph(emulator(), "GET", `${ROOT}/${relative}`);
        expect(response.status).toBe(status);
        expect(response.json).toMatchObject({ error: { code } });
    });

    test("Graph v1.0 has no roleManagementAlerts (400 naming the segment)", async () => {
        const response = await sendGraph(
            emulator(),
            "GET",
            `/v1.0/identityGovernance/roleManagementAlerts/alerts${FILTER}`,
        );
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({
            error: { message: "Resource not found for the segment 'roleManagementAlerts'." },
        });
    });

    test("paging follows @odata.nextLink, which keeps the filter; $top sets the page size", async () => {
        emulator().admin.setPageSize(2);
        const ids: unknown[] = [];
        let url: string | undefined = `${ROOT}/alertConfigurations${FILTER}`;
        let pages = 0;
        while (url !== undefined) {
            const page = (await sendGraph(emulator(), "GET", url)).json as GraphList;
            ids.push(...page.value.map((item) => item["id"]));
            url = page["@odata.nextLink"];
            if (url !== undefined)
                expect(new URL(url).searchParams.get("$filter")).toBe(
                    "scopeId eq '/' and scopeType eq 'DirectoryRole'",
                );
            pages += 1;
        }
        expect(pages).toBe(4);
        expect(new Set(ids).size).toBe(7);
        const top = (await sendGraph(emulator(), "GET", `${ROOT}/alerts${FILTER}&$top=5`)).json as GraphList;
        expect(top.value).toHaveLength(5);
    });
});
