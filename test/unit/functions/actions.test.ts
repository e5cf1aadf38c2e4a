// refreshAlerts and remediateIncident against the emulator over HTTP, ARM and directory.
import { expect } from "@jest/globals";
import * as pim from "../../../src/index";
import { apiRequests, SUB, useProgramEmulator } from "./support";

const emulator = useProgramEmulator();
const OWNERS = "TooManyOwnersAssignedToResource";
const OPERATION_GET =
    /^GET \/(subscriptions\/.*\/roleManagementAlertOperations|beta\/identityGovernance\/roleManagementAlerts\/operations)\//;

const polls = (api: "arm" | "graph") => apiRequests(emulator(), api).filter((r) => OPERATION_GET.test(r));

describe("refreshAlerts", () => {
    test.each([
        [
            "one ARM alert",
            { scope: SUB, alertId: OWNERS },
            [OWNERS],
            "Succeeded",
            `${OWNERS}: Alert scan is completed.`,
        ],
        [
            "every ARM alert",
            { scope: SUB },
            [...pim.ARM_ALERT_IDS],
            "Succeeded",
            expect.stringContaining("DuplicateRoleCreated: Alert scan is completed."),
        ],
        [
            "one directory alert",
            { scope: "directory", alertId: "StaleSignInAlert" },
            ["StaleSignInAlert"],
            "succeeded",
            "",
        ],
        ["every directory alert", { scope: "directory" }, [...pim.DIRECTORY_ALERT_IDS], "succeeded", ""],
    ] as const)("%s: follows Location to the terminal status", async (_what, args, alertIds, status, detail) => {
        const result = await pim.refreshAlerts({ ...args, pollIntervalSeconds: 0.05 });
        expect(result).toEqual({
            scope: args.scope,
            alertIds,
            operationId: expect.any(String),
            status,
            detail,
            createdDateTime: expect.any(String),
            lastActionDateTime: expect.any(String),
        });
        // pollsUntilDone 1 (the default): one poll answers running, the next one the final status.
        expect(polls(args.scope === "directory" ? "graph" : "arm")).toHaveLength(2);
    });

    test("honours Retry-After of the 202 before the first poll", async () => {
        emulator().admin.setOperationBehaviour({ retryAfterSeconds: 1, pollsUntilDone: 0 });
        const started = Date.now();
        await pim.refreshAlerts({ scope: SUB, alertId: OWNERS, pollIntervalSeconds: 30 });
        expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
        expect(Date.now() - started).toBeLessThan(5000);
        expect(polls("arm")).toHaveLength(1);
    });

    test("polls at pollIntervalSeconds while the service gives no Retry-After", async () => {
        emulator().admin.setOperationBehaviour({ pollsUntilDone: 3 });
        const result = await pim.refreshAlerts({
            scope: "directory",
            alertId: "StaleSignInAlert",
            pollIntervalSeconds: 0.05,
        });
        expect(result.status).toBe("succeeded");
        expect(polls("graph")).toHaveLength(4);
    });

    test("re-activates a dismissed alert (the documented warning)", async () => {
        emulator().admin.setAlertActive(SUB, OWNERS, false);
        emulator().admin.graph.setAlertActive("StaleSignInAlert", false);
        await pim.refreshAlerts({ scope: SUB, alertId: OWNERS, pollIntervalSeconds: 0.05 });
        await pim.refreshAlerts({ scope: "directory", alertId: "StaleSignInAlert", pollIntervalSeconds: 0.05 });
        expect(emulator().admin.alert(SUB, OWNERS).isActive).toBe(true);
        expect(emulator().admin.graph.alert("StaleSignInAlert").isActive).toBe(true);
    });

    test.each([
        [
            "ARM",
            { scope: SUB, alertId: "DuplicateRoleCreated" },
            `refresh of alert DuplicateRoleCreated at ${SUB} ended Failed: DuplicateRoleCreated: Alert scan failed.`,
        ],
        [
            "directory",
            { scope: "directory" },
            "refresh of all directory-role alerts ended failed: The alert scan failed.",
        ],
    ] as const)("a failed %s scan is an error that says why", async (_api, args, message) => {
        emulator().admin.failNextOperation();
        const failure = pim.refreshAlerts({ ...args, pollIntervalSeconds: 0.05 });
        await expect(failure).rejects.toThrow(message);
        await expect(failure).rejects.toBeInstanceOf(pim.OperationFailedError);
    });

    test("gives up after timeoutSeconds, naming the last status", async () => {
        emulator().admin.setOperationBehaviour({ pollsUntilDone: 1000 });
        const started = Date.now();
        const timedOut = pim.refreshAlerts({ scope: SUB, timeoutSeconds: 1, pollIntervalSeconds: 0.2 });
        await expect(timedOut).rejects.toThrow(
            `refresh of all alerts at ${SUB} did not finish within 1 s (last status: Running)`,
        );
        await expect(timedOut).rejects.toBeInstanceOf(pim.OperationTimeoutError);
        expect(Date.now() - started).toBeLessThan(3000);
    });
});

describe("remediateIncident", () => {
    test("ARM: remediates the incident after checking the definition", async () => {
        const incidentId = emulator().admin.alert(SUB, "DuplicateRoleCreated").incidentIds[0];
        const result = await pim.remediateIncident({ scope: SUB, alertId: "DuplicateRoleCreated", incidentId });
        expect(result).toEqual({ scope: SUB, alertId: "DuplicateRoleCreated", incidentId });
        expect(emulator().admin.alert(SUB, "DuplicateRoleCreated").incidentIds).toEqual([]);
        expect(apiRequests(emulator(), "arm").map((r) => r.split(" ")[0])).toEqual(["GET", "POST"]);
    });

    test("directory: remediates the incident after checking the definition", async () => {
        const incidentId = emulator().admin.graph.alert("StaleSignInAlert").incidentIds[0];
        await pim.remediateIncident({ scope: "directory", alertId: "StaleSignInAlert", incidentId });
        expect(emulator().admin.graph.alert("StaleSignInAlert").incidentIds).toEqual([]);
    });

    test.each([
        [
            "ARM",
            () => emulator().admin.setDefinitionFlags(SUB, "DuplicateRoleCreated", { isRemediatable: false }),
            { scope: SUB, alertId: "DuplicateRoleCreated", incidentId: "0645231d-16ba-4ebf-851a-0875df4052bd" },
            "alert DuplicateRoleCreated is not remediatable; follow its mitigation steps instead:",
            "arm",
        ],
        [
            "directory",
            () => emulator().admin.graph.setDefinitionFlags("StaleSignInAlert", { isRemediatable: false }),
            { scope: "directory", alertId: "StaleSignInAlert", incidentId: "4fcd7052-be61-4293-90af-5b6c7d8e9fa5" },
            "directory alert StaleSignInAlert: the alert is not remediatable; follow its mitigation steps instead:",
            "graph",
        ],
    ] as const)(
        "%s: refused with a clear error before any write when the alert is not remediatable",
        async (_api, setUp, args, message, api) => {
            setUp();
            await expect(pim.remediateIncident(args)).rejects.toThrow(message);
            expect(apiRequests(emulator(), api).filter((r) => !r.startsWith("GET"))).toEqual([]);
            expect(
                emulator()
                    .admin.requests()
                    .some((r) => r.path.endsWith("/remediate")),
            ).toBe(false);
        },
    );

    test("an unknown incident is the service's 404 with advice", async () => {
        await expect(
            pim.remediateIncident({
                scope: SUB,
                alertId: "DuplicateRoleCreated",
                incidentId: "00000000-0000-0000-0000-000000000000",
            }),
        ).rejects.toThrow(/failed with 404.*was not found/);
    });
});
