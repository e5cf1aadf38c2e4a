import { expect } from "@jest/globals";
import { startEmulator } from "../src";
import { API, PROVIDER, send, SUBSCRIPTION, useEmulator } from "./support";

const emulator = useEmulator();
const ALERT = `${PROVIDER}/roleManagementAlerts/DuplicateRoleCreated`;

interface OperationResult {
    id: string;
    status: string;
    statusDetail: string;
    resourceLocation: string;
}

async function dismiss(): Promise<void> {
    const response = await send(emulator(), "PATCH", `${ALERT}${API}`, { body: { properties: { isActive: false } } });
    expect(response.status).toBe(204);
}

/** One poll: 202 while the operation runs (the default), 200 once it has ended. */
async function poll(location: string): Promise<OperationResult> {
    const response = await send(emulator(), "GET", location);
    const body = response.json as OperationResult;
    expect(response.status).toBe(body.status === "Running" ? 202 : 200);
    return body;
}

describe("refresh (long-running operation)", () => {
    test("a single refresh answers 202 + Location + Retry-After and an AlertOperationResult", async () => {
        const response = await send(emulator(), "POST", `${ALERT}/refresh${API}`);
        expect(response.status).toBe(202);
        const body = response.json as OperationResult;
        expect(body).toEqual({
            createdDateTime: expect.stringMatching(/\+00:00$/),
            id: expect.stringMatching(/^[0-9a-f-]{36}$/),
            lastActionDateTime: expect.any(String),
            resourceLocation: `${emulator().url}/providers/Microsoft.Subscription/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleManagementAlerts/DuplicateRoleCreated?api-version=2022-08-01-preview`,
            status: "Running",
            statusDetail: JSON.stringify({
                result: [{ name: "DuplicateRoleCreated", statusDetail: "Alert scan is running." }],
            }),
        });
        expect(response.headers.get("location")).toBe(
            `${emulator().url}${PROVIDER}/roleManagementAlertOperations/${body.id}?api-version=2022-08-01-preview`,
        );
        expect(response.headers.get("retry-after")).toBe("0");
    });

    test("polling answers Running, then Succeeded, then keeps Succeeded", async () => {
        const location = (await send(emulator(), "POST", `${ALERT}/refresh${API}`)).headers.get("location") ?? "";
        expect((await poll(location)).status).toBe("Running");
        const done = await poll(location);
        expect(done.status).toBe("Succeeded");
        expect(JSON.parse(done.statusDetail)).toEqual({
            result: [{ name: "DuplicateRoleCreated", statusDetail: "Alert scan is completed." }],
        });
        expect((await poll(location)).status).toBe("Succeeded");
    });

    test("a running operation answers 202 with Location and Retry-After, the final one 200 without them", async () => {
        emulator().admin.setOperationBehaviour({ retryAfterSeconds: 2 });
        const location = (await send(emulator(), "POST", `${ALERT}/refresh${API}`)).headers.get("location") ?? "";
        const running = await send(emulator(), "GET", location);
        expect(running.status).toBe(202);
        expect(running.headers.get("location")).toBe(location);
        expect(running.headers.get("retry-after")).toBe("2");
        expect(running.json).toMatchObject({ status: "Running" });
        const done = await send(emulator(), "GET", location);
        expect(done.status).toBe(200);
        expect(done.headers.get("location")).toBeNull();
        expect(done.json).toMatchObject({ status: "Succeeded" });
    });

    test("runningPollStatus 200 answers a running operation as the spec declares: 200 with status Running", async () => {
        emulator().admin.setOperationBehaviour({ runningPollStatus: 200 });
        const location = (await send(emulator(), "POST", `${ALERT}/refresh${API}`)).headers.get("location") ?? "";
        const running = await send(emulator(), "GET", location);
        expect(running.status).toBe(200);
        expect(running.headers.get("location")).toBeNull();
        expect(running.json).toMatchObject({ status: "Running" });
        expect(() => emulator().admin.setOperationBehaviour({ runningPollStatus: 201 as 200 })).toThrow(
            "runningPollStatus must be 200 or 202, got 201.",
        );
    });

    test("a completed refresh re-activates a dismissed alert and updates lastScannedDateTime", async () => {
        await dismiss();
        const location = (await send(emulator(), "POST", `${ALERT}/refresh${API}`)).headers.get("location") ?? "";
        expect(emulator().admin.alert(SUBSCRIPTION, "DuplicateRoleCreated").isActive).toBe(false);
        await poll(location);
        await poll(location);
        const alert = emulator().admin.alert(SUBSCRIPTION, "DuplicateRoleCreated");
        expect(alert.isActive).toBe(true);
        expect(alert.lastScannedDateTime).not.toBe("2022-04-06T18:25:00.38+00:00");
    });

    test("refresh-all answers notStarted (as RefreshAllAlerts.json) and covers every alert", async () => {
        await dismiss();
        const response = await send(emulator(), "POST", `${PROVIDER}/roleManagementAlerts/refresh${API}`);
        expect(response.status).toBe(202);
        const body = response.json as OperationResult;
        expect(body.status).toBe("notStarted");
        expect((JSON.parse(body.statusDetail) as { result: unknown[] }).result).toHaveLength(4);
        const location = response.headers.get("location") ?? "";
        await poll(location);
        expect((await poll(location)).status).toBe("Succeeded");
        expect(emulator().admin.alert(SUBSCRIPTION, "DuplicateRoleCreated").isActive).toBe(true);
    });

    test("failNextOperation makes the next operation end Failed without effect", async () => {
        await dismiss();
        emulator().admin.failNextOperation();
        const location = (await send(emulator(), "POST", `${ALERT}/refresh${API}`)).headers.get("location") ?? "";
        await poll(location);
        expect((await poll(location)).status).toBe("Failed");
        expect(emulator().admin.alert(SUBSCRIPTION, "DuplicateRoleCreated").isActive).toBe(false);
        const next = (await send(emulator(), "POST", `${ALERT}/refresh${API}`)).headers.get("location") ?? "";
        await poll(next);
        expect((await poll(next)).status).toBe("Succeeded");
    });

    test("a disabled alert is not rescanned", async () => {
        emulator().admin.setConfiguration(SUBSCRIPTION, "DuplicateRoleCreated", { isEnabled: false });
        await dismiss();
        const location = (await send(emulator(), "POST", `${ALERT}/refresh${API}`)).headers.get("location") ?? "";
        await poll(location);
        await poll(location);
        expect(emulator().admin.alert(SUBSCRIPTION, "DuplicateRoleCreated").isActive).toBe(false);
    });

    test("setOperationBehaviour changes the poll count and Retry-After", async () => {
        emulator().admin.setOperationBehaviour({ pollsUntilDone: 3, retryAfterSeconds: 5 });
        const response = await send(emulator(), "POST", `${ALERT}/refresh${API}`);
        expect(response.headers.get("retry-after")).toBe("5");
        const location = response.headers.get("location") ?? "";
        const statuses = [];
        for (let i = 0; i < 4; i += 1) statuses.push((await poll(location)).status);
        expect(statuses).toEqual(["Running", "Running", "Running", "Succeeded"]);
    });

    test("the operation is not visible from another scope", async () => {
        const { id } = (await send(emulator(), "POST", `${ALERT}/refresh${API}`)).json as OperationResult;
        const other = `/subscriptions/00000000-0000-0000-0000-000000000009/providers/Microsoft.Authorization/roleManagementAlertOperations/${id}${API}`;
        expect((await send(emulator(), "GET", other)).status).toBe(404);
    });

    test("Retry-After defaults to 1 second", async () => {
        const slow = await startEmulator();
        try {
            const response = await send(slow, "POST", `${ALERT}/refresh${API}`);
            expect(response.headers.get("retry-after")).toBe("1");
        } finally {
            await slow.stop();
        }
    });
});

describe("remediate an incident", () => {
    const INCIDENT = "0645231d-16ba-4ebf-851a-0875df4052bd";
    const REMEDIATE = `${ALERT}/alertIncidents/${INCIDENT}/remediate${API}`;

    test("the RemediateAlertIncident.json request answers 204 and removes the incident", async () => {
        const response = await send(emulator(), "POST", REMEDIATE);
        expect(response.status).toBe(204);
        expect(response.text).toBe("");
        expect((await send(emulator(), "GET", `${ALERT}${API}`)).json).toMatchObject({
            properties: { incidentCount: 0, alertIncidents: [] },
        });
        expect((await send(emulator(), "GET", `${ALERT}/alertIncidents/${INCIDENT}${API}`)).status).toBe(404);
    });

    test("remediating it twice answers 404 the second time", async () => {
        await send(emulator(), "POST", REMEDIATE);
        const response = await send(emulator(), "POST", REMEDIATE);
        expect(response.status).toBe(404);
        expect(response.json).toMatchObject({ error: { code: "AlertIncidentNotFound" } });
    });

    test("a definition that is not remediatable answers 400 and keeps the incident", async () => {
        emulator().admin.setDefinitionFlags(SUBSCRIPTION, "DuplicateRoleCreated", { isRemediatable: false });
        const response = await send(emulator(), "POST", REMEDIATE);
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({ error: { code: "AlertIncidentNotRemediatable" } });
        expect(emulator().admin.alert(SUBSCRIPTION, "DuplicateRoleCreated").incidentCount).toBe(1);
        const definition = await send(
            emulator(),
            "GET",
            `${PROVIDER}/roleManagementAlertDefinitions/DuplicateRoleCreated${API}`,
        );
        expect(definition.json).toMatchObject({ properties: { isRemediatable: false } });
    });
});
