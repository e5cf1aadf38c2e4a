import { expect } from "@jest/globals";
// Contract: Microsoft's own ARM client stack (@azure/core-rest-pipeline, @azure/core-lro) against the
// emulator over HTTPS. If the emulator's reading of the spec drifts from what Azure's clients expect,
// these fail. The emulator's certificate is given to the pipeline as a CA (tlsOptions): NODE_EXTRA_CA_CERTS
// is read only when a process starts, and this jest worker has long started.
import {
    bearerTokenAuthenticationPolicy,
    createDefaultHttpClient,
    createHttpHeaders,
    createPipelineFromOptions,
    createPipelineRequest,
    type HttpClient,
    type Pipeline,
    type PipelineResponse,
} from "@azure/core-rest-pipeline";
import { createHttpPoller, type OperationState, type RunningOperation } from "@azure/core-lro";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";

const API_VERSION = "2022-08-01-preview";
const SCOPES = {
    subscription: "subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f",
    "resource group": "subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f/resourceGroups/rg-contract",
    "management group": "providers/Microsoft.Management/managementGroups/mg-contract",
} as const;

/** One PATCH body per configuration type, with values other than the seed. */
const CONFIGURATION_UPDATES = {
    TooManyOwnersAssignedToResource: {
        alertConfigurationType: "TooManyOwnersAssignedToResourceAlertConfiguration",
        isEnabled: true,
        thresholdNumberOfOwners: 5,
        thresholdPercentageOfOwnersOutOfAllRoleMembers: 20,
    },
    TooManyPermanentOwnersAssignedToResource: {
        alertConfigurationType: "TooManyPermanentOwnersAssignedToResourceAlertConfiguration",
        isEnabled: false,
        thresholdNumberOfPermanentOwners: 4,
        thresholdPercentageOfPermanentOwnersOutOfAllOwners: 50,
    },
    DuplicateRoleCreated: { alertConfigurationType: "DuplicateRoleCreatedAlertConfiguration", isEnabled: false },
    AzureRolesAssignedOutsidePimAlert: {
        alertConfigurationType: "AzureRolesAssignedOutsidePimAlertConfiguration",
        isEnabled: false,
    },
} as const;

interface ArmResource {
    name: string;
    id: string;
    type: string;
    properties: Record<string, unknown>;
}

let emulator: Emulator;
let pipeline: Pipeline;
let httpClient: HttpClient;

beforeAll(async () => {
    // Retry-After: 0 keeps the refresh polls instant.
    emulator = await startEmulator({ https: true, retryAfterSeconds: 0 });
    const ca = emulator.certificate?.certPem ?? "";
    pipeline = createPipelineFromOptions({ tlsOptions: { ca }, retryOptions: { maxRetries: 0 } });
    pipeline.addPolicy(
        bearerTokenAuthenticationPolicy({
            scopes: "https://management.azure.com/.default",
            credential: {
                getToken: () =>
                    Promise.resolve({ token: emulator.admin.issueToken(), expiresOnTimestamp: Date.now() + 3_600_000 }),
            },
        }),
    );
    httpClient = createDefaultHttpClient();
});
afterEach(() => emulator.reset());
afterAll(() => emulator.stop());

function url(scope: string, relative: string): string {
    return `${emulator.url}/${scope}/providers/Microsoft.Authorization/${relative}?api-version=${API_VERSION}`;
}

async function send(
    method: "GET" | "PATCH" | "POST",
    target: string,
    body?: unknown,
): Promise<PipelineResponse & { json: unknown }> {
    const request = createPipelineRequest({
        url: target,
        method,
        headers: createHttpHeaders(body === undefined ? {} : { "content-type": "application/json" }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const response = await pipeline.sendRequest(httpClient, request);
    return { ...response, json: response.bodyAsText ? (JSON.parse(response.bodyAsText) as unknown) : undefined };
}

/** Follows `nextLink` as generated clients do for `x-ms-pageable` operations. */
async function listAll(first: string): Promise<ArmResource[]> {
    const items: ArmResource[] = [];
    for (let next: string | undefined = first, pages = 0; next !== undefined && pages < 20; pages += 1) {
        const response = await send("GET", next);
        expect(response.status).toBe(200);
        const page = response.json as { value: ArmResource[]; nextLink?: string };
        items.push(...page.value);
        next = page.nextLink;
    }
    return items;
}

/** Alerts_Refresh through @azure/core-lro, as the TypeSpec JS SDK does (resourceLocationConfig "location"). */
function refreshPoller(target: string) {
    const lro: RunningOperation = {
        sendInitialRequest: async () => toOperationResponse(await send("POST", target), "POST", target),
        sendPollRequest: async (path) => toOperationResponse(await send("GET", path), "GET", path),
    };
    return createHttpPoller<Record<string, unknown>, OperationState<Record<string, unknown>>>(lro, {
        resourceLocationConfig: "location",
        intervalInMs: 0,
    });
}

function toOperationResponse(response: PipelineResponse & { json: unknown }, method: string, target: string) {
    return {
        flatResponse: response.json,
        rawResponse: {
            statusCode: response.status,
            headers: response.headers.toJSON(),
            body: response.json,
            request: { method, url: target },
        },
    };
}

describe.each(Object.entries(SCOPES))("ARM at %s scope, with Microsoft's pipeline", (_kind, scope) => {
    test("lists alerts, configurations and definitions across pages (nextLink)", async () => {
        emulator.admin.setPageSize(3);
        for (const collection of [
            "roleManagementAlerts",
            "roleManagementAlertConfigurations",
            "roleManagementAlertDefinitions",
        ]) {
            const items = await listAll(url(scope, collection));
            expect(items.map((item) => item.name).sort()).toEqual(Object.keys(CONFIGURATION_UPDATES).sort());
            for (const item of items)
                expect(item.id).toBe(`/${scope}/providers/Microsoft.Authorization/${collection}/${item.name}`);
        }
    });

    test.each(Object.entries(CONFIGURATION_UPDATES))(
        "updates %s's configuration (PATCH 204) and reads it back",
        async (alertId, properties) => {
            const before = await send("GET", url(scope, `roleManagementAlertConfigurations/${alertId}`));
            expect(before.json).toMatchObject({
                name: alertId,
                properties: { alertConfigurationType: properties.alertConfigurationType },
            });
            const patched = await send("PATCH", url(scope, `roleManagementAlertConfigurations/${alertId}`), {
                properties,
            });
            expect(patched.status).toBe(204);
            const after = await send("GET", url(scope, `roleManagementAlertConfigurations/${alertId}`));
            expect((after.json as ArmResource).properties).toMatchObject(properties);
        },
    );

    test("dismisses an alert, reads definitions and incidents, remediates an incident", async () => {
        const alert = url(scope, "roleManagementAlerts/DuplicateRoleCreated");
        expect((await send("PATCH", alert, { properties: { isActive: false } })).status).toBe(204);
        expect((await send("GET", alert)).json).toMatchObject({ properties: { isActive: false, incidentCount: 1 } });
        const definition = (await send("GET", url(scope, "roleManagementAlertDefinitions/DuplicateRoleCreated")))
            .json as ArmResource;
        expect(definition.properties).toMatchObject({ isRemediatable: true, severityLevel: "Medium" });
        const incidents = await listAll(url(scope, "roleManagementAlerts/DuplicateRoleCreated/alertIncidents"));
        expect(incidents).toHaveLength(1);
        const incident = incidents[0];
        const one = await send(
            "GET",
            url(scope, `roleManagementAlerts/DuplicateRoleCreated/alertIncidents/${incident.name}`),
        );
        expect(one.json).toMatchObject({
            name: incident.name,
            properties: { alertIncidentType: "DuplicateRoleCreatedAlertIncident" },
        });
        const remediated = await send(
            "POST",
            url(scope, `roleManagementAlerts/DuplicateRoleCreated/alertIncidents/${incident.name}/remediate`),
        );
        expect(remediated.status).toBe(204);
        expect(await listAll(url(scope, "roleManagementAlerts/DuplicateRoleCreated/alertIncidents"))).toEqual([]);
    });

    test("refresh, polled to completion by @azure/core-lro, re-activates a dismissed alert", async () => {
        emulator.admin.setOperationBehaviour({ pollsUntilDone: 2 });
        await send("PATCH", url(scope, "roleManagementAlerts/TooManyOwnersAssignedToResource"), {
            properties: { isActive: false },
        });
        emulator.admin.clearRequests();
        const result = await refreshPoller(
            url(scope, "roleManagementAlerts/TooManyOwnersAssignedToResource/refresh"),
        ).pollUntilDone();
        // Two polls answer 202 Running, the third 200 Succeeded; core-lro then reads the body's resourceLocation
        // (the alert).
        expect(operationPolls()).toBe(3);
        expect(result).toMatchObject({ name: "TooManyOwnersAssignedToResource", properties: { isActive: true } });
        expect(emulator.admin.alert(scope, "TooManyOwnersAssignedToResource").isActive).toBe(true);
        const all = await refreshPoller(url(scope, "roleManagementAlerts/refresh")).pollUntilDone();
        expect((all as { value: ArmResource[] }).value.map((alert) => alert.name)).toHaveLength(4);
    });
});

function operationPolls(): number {
    return emulator.admin
        .requests()
        .filter((entry) => entry.method === "GET" && entry.path.includes("/roleManagementAlertOperations/")).length;
}

describe("the evidence for the emulator's 202 while an operation runs", () => {
    test("with runningPollStatus 200 (the spec's only declared answer), core-lro stops at the first poll while the scan runs", async () => {
        emulator.admin.setOperationBehaviour({ runningPollStatus: 200, pollsUntilDone: 2 });
        const alert = url(SCOPES.subscription, "roleManagementAlerts/DuplicateRoleCreated");
        await send("PATCH", alert, { properties: { isActive: false } });
        emulator.admin.clearRequests();
        const result = await refreshPoller(
            `${alert.replace(/\?.*$/, "")}/refresh?api-version=${API_VERSION}`,
        ).pollUntilDone();
        expect(operationPolls()).toBe(1);
        // "Done", yet the scan has not run: the dismissed alert is still inactive.
        expect(result).toMatchObject({ name: "DuplicateRoleCreated", properties: { isActive: false } });
    });
});
