/**
 * HTTP round trips per operation, counted on the emulator's request log, beside the fewest each
 * operation can make. Operations go through @pulumi/pulumi's dynamic-provider host over gRPC, as the
 * engine sends them; the whole-program rows run the runner (the engine without the CLI).
 */
import { runProgram } from "pulumi-pim-alerts-testing";
import { capturedDirectoryProviders, DIRECTORY_CONFIGURATION } from "../test/e2e/support/directorySession";
import {
    capturedArmProviders,
    CONFIGURATION,
    DISMISSAL,
    programStack,
    startArmSession,
    type ArmSession,
} from "../test/e2e/support/armSession";
import { writeProgram } from "../test/e2e/support/packedProgram";
import { startEmulator } from "pulumi-pim-alerts-emulator";
import { apiCalls, type Table } from "./support";

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const OWNERS = "TooManyOwnersAssignedToResource";

/** Measures every operation; returns the table to print. */
export async function roundTrips(): Promise<Table> {
    const [arm, directory] = [capturedArmProviders(), capturedDirectoryProviders()];
    const emulator = await startEmulator({ retryAfterSeconds: 0 });
    const session = await startArmSession({ emulator, config: { "pim-alerts:graphEndpoint": `${emulator.url}/beta` } });
    const rows: Array<[string, string, number, string]> = [];
    const count = async (what: string, min: number, why: string, action: (s: ArmSession) => Promise<unknown>) => {
        emulator.admin.clearRequests();
        await action(session);
        const calls = apiCalls(emulator);
        rows.push([what, calls.join(", ") || "none", calls.length, `${min} (${why})`]);
    };
    try {
        const owners = { __provider: arm.configuration, scope: SUB, alertId: OWNERS, thresholdNumberOfOwners: 4 };
        const checked = await session.host.check(CONFIGURATION, "owners", {}, owners);
        await count("check", 0, "validation is local", (s) => s.host.check(CONFIGURATION, "owners", {}, owners));
        let created = { id: "", properties: {} as Record<string, unknown> };
        await count(
            "create, adopting and changing a value",
            3,
            "read to adopt, PATCH, read back: PATCH answers no body",
            async (s) => {
                created = await s.host.create(CONFIGURATION, "owners", checked.inputs);
            },
        );
        await count("create, adopting a configuration already as declared", 1, "read to adopt", (s) =>
            s.host.create(CONFIGURATION, "owners", checked.inputs),
        );
        await count("diff (a no-op preview)", 0, "state against inputs", (s) =>
            s.host.diff(CONFIGURATION, "owners", created.id, created.properties, checked.inputs, checked.inputs),
        );
        await count("read (refresh of one resource)", 1, "one GET or one list", (s) =>
            s.host.read(CONFIGURATION, "owners", created.id, created.properties, checked.inputs),
        );
        const news = { ...checked.inputs, thresholdNumberOfOwners: 5 };
        await count("update of one threshold", 2, "PATCH, read back", (s) =>
            s.host.update(CONFIGURATION, "owners", created.id, created.properties, news, checked.inputs),
        );
        await count("delete (onDelete retain, the default)", 0, "nothing to undo", (s) =>
            s.host.delete(CONFIGURATION, "owners", created.id, created.properties),
        );
        const restoring = await session.host.check(CONFIGURATION, "r", {}, { ...owners, onDelete: "restore" });
        const toRestore = await session.host.create(CONFIGURATION, "r", restoring.inputs);
        await count("delete (onDelete restore)", 1, "one PATCH", (s) =>
            s.host.delete(CONFIGURATION, "r", toRestore.id, toRestore.properties),
        );
        const dismissal = await session.host.check(
            DISMISSAL,
            "dup",
            {},
            { __provider: arm.dismissal, scope: SUB, alertId: "DuplicateRoleCreated" },
        );
        await count("AlertDismissal create", 2, "PATCH, read back", (s) =>
            s.host.create(DISMISSAL, "dup", dismissal.inputs),
        );
        const stale = await session.host.check(
            DIRECTORY_CONFIGURATION,
            "stale",
            {},
            { __provider: directory.configuration, alertId: "StaleSignInAlert", duration: "P14D" },
        );
        await count(
            "DirectoryAlertConfiguration create (Graph)",
            3,
            "read to adopt, PATCH, read back; tenant id from the token",
            (s) => s.host.create(DIRECTORY_CONFIGURATION, "stale", stale.inputs),
        );
    } finally {
        await session.stop();
    }
    rows.push(...(await wholeProgram()));
    return {
        title: "HTTP round trips per operation (token requests not included; see the token table)",
        headers: ["operation", "requests (emulator log)", "count", "minimum"],
        rows,
    };
}

/** A program of 8 configurations over 2 subscriptions: up, then a no-op preview, then preview --refresh. */
async function wholeProgram(): Promise<Array<[string, string, number, string]>> {
    const emulator = await startEmulator({ retryAfterSeconds: 0 });
    const scopes = [SUB, "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590"];
    const file = await writeProgram("bench-round-trips", [
        'const pim = require("pulumi-pim-alerts");',
        `for (const scope of ${JSON.stringify(scopes)}) {`,
        '    for (const alertId of ["TooManyOwnersAssignedToResource", "TooManyPermanentOwnersAssignedToResource", "DuplicateRoleCreated", "AzureRolesAssignedOutsidePimAlert"]) {',
        "        new pim.AlertConfiguration(`${alertId}-${scope.slice(-4)}`, { scope, alertId, isEnabled: false });",
        "    }",
        "}",
    ]);
    const stack = programStack(emulator, file);
    const rows: Array<[string, string, number, string]> = [];
    try {
        const run = async (command: "up" | "preview", what: string, min: number, why: string, refresh = false) => {
            emulator.admin.clearRequests();
            const result = await runProgram(command, stack.options({ refresh }));
            if (result.exitCode !== 0) throw new Error(`${what} failed: ${result.errors.join("; ")}`);
            const calls = apiCalls(emulator);
            rows.push([what, summarize(calls), calls.length, `${min} (${why})`]);
        };
        await run("up", "up: 8 configurations, 2 subscriptions (program)", 24, "3 per configuration");
        await run("preview", "preview, nothing changed (program)", 0, "diff is local");
        await run("preview", "preview --refresh, nothing changed (program)", 2, "one list per subscription", true);
    } finally {
        stack.remove();
        await emulator.stop();
    }
    return rows;
}

function summarize(calls: readonly string[]): string {
    const counts = new Map<string, number>();
    for (const c of calls) counts.set(c, (counts.get(c) ?? 0) + 1);
    return [...counts].map(([call, n]) => `${n} x ${call}`).join(", ") || "none";
}
