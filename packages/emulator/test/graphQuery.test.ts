import { expect } from "@jest/globals";
// Graph's OData query options: the filters Microsoft documents work, everything else is a 400, never ignored.
import { graphId, ROOT, sendGraph } from "./graphSupport";
import { useEmulator } from "./support";

const emulator = useEmulator();
const SCOPE = "scopeId eq '/' and scopeType eq 'DirectoryRole'";

interface GraphList {
    value: Array<Record<string, unknown>>;
    "@odata.context"?: string;
    "@odata.count"?: number;
    "@odata.nextLink"?: string;
}

async function list(
    relative: string,
    query: Record<string, string>,
): Promise<{ status: number; json: GraphList & { error?: { code: string; message: string } } }> {
    const search = new URLSearchParams(query).toString();
    const response = await sendGraph(emulator(), "GET", `${ROOT}/${relative}?${search}`);
    return {
        status: response.status,
        json: response.json as GraphList & { error?: { code: string; message: string } },
    };
}

const ids = (page: GraphList): string[] => page.value.map((item) => String(item["id"]).split("_").at(-1) ?? "");

describe("$filter as Microsoft documents it", () => {
    test("the list-alerts page's example 2: alertConfiguration/isEnabled eq false with $expand=*", async () => {
        emulator().admin.graph.setConfiguration("StaleSignInAlert", { isEnabled: false });
        const { status, json } = await list("alerts", {
            $filter: `${SCOPE} and alertConfiguration/isEnabled eq false`,
            $expand: "*",
        });
        expect(status).toBe(200);
        expect(ids(json)).toEqual(["StaleSignInAlert"]);
        expect(json.value[0]).toMatchObject({
            alertConfiguration: { isEnabled: false },
            alertDefinition: { id: graphId(emulator(), "StaleSignInAlert") },
        });
        const enabled = await list("alerts", { $filter: `${SCOPE} and alertConfiguration/isEnabled eq true` });
        expect(enabled.json.value).toHaveLength(6);
        // The configuration takes part in the filter without being inlined when $expand does not ask for it.
        expect(enabled.json.value[0]).not.toHaveProperty("alertConfiguration");
    });

    test("alertDefinitionId eq / ne on alerts and configurations; the scope on definitions", async () => {
        const id = graphId(emulator(), "TooManyGlobalAdminsAssignedToTenantAlert");
        expect(ids((await list("alerts", { $filter: `${SCOPE} and alertDefinitionId eq '${id}'` })).json)).toEqual([
            "TooManyGlobalAdminsAssignedToTenantAlert",
        ]);
        expect(
            (await list("alerts", { $filter: `${SCOPE} and alertDefinitionId ne '${id}'` })).json.value,
        ).toHaveLength(6);
        const both = `${SCOPE} and (alertDefinitionId eq '${id}' or alertDefinitionId eq '${graphId(emulator(), "StaleSignInAlert")}')`;
        expect(ids((await list("alertConfigurations", { $filter: both })).json)).toEqual([
            "StaleSignInAlert",
            "TooManyGlobalAdminsAssignedToTenantAlert",
        ]);
        expect(
            (await list("alertDefinitions", { $filter: `scopeType eq 'DirectoryRole' and scopeId eq '/'` })).json.value,
        ).toHaveLength(7);
    });

    test("alertIncidents?$filter=id eq '<id>' returns that incident only", async () => {
        const alert = graphId(emulator(), "TooManyGlobalAdminsAssignedToTenantAlert");
        const [first, ...others] = emulator().admin.graph.alert("TooManyGlobalAdminsAssignedToTenantAlert").incidentIds;
        expect(
            (await list(`alerts/${alert}/alertIncidents`, { $filter: `id eq '${first}'` })).json.value.map(
                (item) => item["id"],
            ),
        ).toEqual([first]);
        expect(
            (await list(`alerts/${alert}/alertIncidents`, { $filter: `id ne '${first}'` })).json.value.map(
                (item) => item["id"],
            ),
        ).toEqual(others);
    });

    test("on /beta the $ of a query option is optional", async () => {
        const { status, json } = await list("alertDefinitions", { filter: SCOPE, top: "3" });
        expect(status).toBe(200);
        expect(json.value).toHaveLength(3);
    });

    test.each([
        [
            "a property that is not filterable",
            `${SCOPE} and isActive eq true`,
            "Request_UnsupportedQuery",
            "property 'isActive' of resource 'unifiedRoleManagementAlert'",
        ],
        [
            "an operator other than eq/ne",
            `${SCOPE} and alertDefinitionId gt 'a'`,
            "Request_UnsupportedQuery",
            "operator 'gt'",
        ],
        [
            "a function",
            `${SCOPE} and startswith(alertDefinitionId, 'Dir')`,
            "Request_UnsupportedQuery",
            "function 'startswith'",
        ],
        ["a lambda", `${SCOPE} and alertIncidents/any(i: i/id eq 'x')`, "Request_UnsupportedQuery", "function 'any'"],
        [
            "a value of the wrong type",
            `${SCOPE} and alertConfiguration/isEnabled eq 'false'`,
            "BadRequest",
            "incompatible types",
        ],
        ["a syntax error", `${SCOPE} and (alertDefinitionId eq 'x'`, "BadRequest", "Invalid filter clause"],
        ["an unterminated string", `${SCOPE} and alertDefinitionId eq 'x`, "BadRequest", "unterminated string"],
        [
            "the scope inside an or",
            `scopeId eq '/' and scopeType eq 'DirectoryRole' or alertDefinitionId eq 'x'`,
            "BadRequest",
            SCOPE,
        ],
    ])("%s is a 400 (%s)", async (_what, filter, code, message) => {
        const { status, json } = await list("alerts", { $filter: filter });
        expect(status).toBe(400);
        expect(json.error).toEqual({ code, message: expect.stringContaining(message), innerError: expect.any(Object) });
    });
});

describe("$select, $top, $count and the options that are not supported", () => {
    test("$select keeps the named properties (and @odata.type), names them in @odata.context, on lists and gets", async () => {
        const { json } = await list("alertConfigurations", { $filter: SCOPE, $select: "id,isEnabled" });
        expect(json["@odata.context"]).toBe(
            `${emulator().url}/beta/$metadata#identityGovernance/roleManagementAlerts/alertConfigurations(id,isEnabled)`,
        );
        expect(json.value[0]).toEqual({
            "@odata.type": "#microsoft.graph.invalidLicenseAlertConfiguration",
            id: graphId(emulator(), "InvalidLicenseAlert"),
            isEnabled: true,
        });
        const one = await sendGraph(
            emulator(),
            "GET",
            `${ROOT}/alerts/${graphId(emulator(), "StaleSignInAlert")}?$select=isActive,incidentCount&$expand=alertDefinition`,
        );
        expect(one.json).toEqual({
            "@odata.context": `${emulator().url}/beta/$metadata#identityGovernance/roleManagementAlerts/alerts(isActive,incidentCount)/$entity`,
            isActive: true,
            incidentCount: 1,
            alertDefinition: expect.objectContaining({ displayName: "Potential stale accounts in a privileged role" }),
        });
        const unknown = await list("alerts", { $filter: SCOPE, $select: "id,colour" });
        expect(unknown.json.error).toMatchObject({
            code: "BadRequest",
            message: "Could not find a property named 'colour' on type 'microsoft.graph.unifiedRoleManagementAlert'.",
        });
    });

    test("$count=true adds @odata.count (the filtered total) to every page; /$count answers the number as text", async () => {
        const page = await list("alerts", { $filter: SCOPE, $count: "true", $top: "2" });
        expect(page.json["@odata.count"]).toBe(7);
        expect(page.json.value).toHaveLength(2);
        const next = (await sendGraph(emulator(), "GET", page.json["@odata.nextLink"] ?? "")).json as GraphList;
        expect(next["@odata.count"]).toBe(7);
        const counted = await sendGraph(
            emulator(),
            "GET",
            `${ROOT}/alerts/$count?$filter=${encodeURIComponent(`${SCOPE} and alertDefinitionId ne 'x'`)}`,
        );
        expect(counted.status).toBe(200);
        expect(counted.headers.get("content-type")).toMatch(/^text\/plain/);
        expect(counted.text).toBe("7");
        const incidents = await sendGraph(
            emulator(),
            "GET",
            `${ROOT}/alerts/${graphId(emulator(), "TooManyGlobalAdminsAssignedToTenantAlert")}/alertIncidents/$count`,
        );
        expect(incidents.text).toBe("4");
        expect((await sendGraph(emulator(), "GET", `${ROOT}/alertDefinitions/$count`)).status).toBe(400);
        expect((await list("alerts", { $filter: SCOPE, $count: "maybe" })).json.error).toMatchObject({
            message: "'maybe' is not a valid count option.",
        });
    });

    test.each([
        [
            "$orderby on a list",
            "alerts",
            { $filter: SCOPE, $orderby: "id" },
            "Request_UnsupportedQuery",
            "'$orderby' is not supported",
        ],
        [
            "$search on a list",
            "alertDefinitions",
            { $filter: SCOPE, $search: "admin" },
            "Request_UnsupportedQuery",
            "'$search' is not supported",
        ],
        [
            "$skip on a list",
            "alertConfigurations",
            { $filter: SCOPE, $skip: "2" },
            "Request_UnsupportedQuery",
            "'$skip' is not supported",
        ],
        [
            "$filter on a single alert",
            "alerts/GRAPH_ID",
            { $filter: SCOPE },
            "Request_UnsupportedQuery",
            "'$filter' is not supported",
        ],
        ["$top=0", "alerts", { $filter: SCOPE, $top: "0" }, "BadRequest", "Invalid value '0' for $top"],
        [
            "an unknown $ option",
            "alerts",
            { $filter: SCOPE, $colour: "red" },
            "BadRequest",
            "'$colour' is not supported",
        ],
        [
            "an option given twice",
            "alerts",
            { $filter: SCOPE, filter: SCOPE },
            "BadRequest",
            "specified more than once",
        ],
    ])("%s is a 400", async (_what, relative, query, code, message) => {
        const path = relative.replace("GRAPH_ID", graphId(emulator(), "StaleSignInAlert"));
        const { status, json } = await list(path, query);
        expect(status).toBe(400);
        expect(json.error).toMatchObject({ code, message: expect.stringContaining(message) });
    });

    test("a query option on a write is refused before the write happens", async () => {
        const id = graphId(emulator(), "StaleSignInAlert");
        const response = await sendGraph(emulator(), "PATCH", `${ROOT}/alerts/${id}?$select=id`, {
            body: { isActive: false },
        });
        expect(response.status).toBe(400);
        expect(emulator().admin.graph.alert("StaleSignInAlert").isActive).toBe(true);
        // Custom query options (no $, not an OData name) are not OData's: ignored, as Graph does.
        expect(
            (await sendGraph(emulator(), "PATCH", `${ROOT}/alerts/${id}?trace=1`, { body: { isActive: false } }))
                .status,
        ).toBe(204);
    });
});
