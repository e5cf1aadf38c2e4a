/**
 * Token requests per provider process: one per audience (ARM, Graph), however many resources the
 * process handles. Counted on the emulator's managed-identity endpoint.
 */
import { startEmulator } from "pulumi-pim-alerts-emulator";
import { capturedDirectoryProviders, DIRECTORY_CONFIGURATION } from "../test/e2e/support/directorySession";
import { capturedArmProviders, CONFIGURATION, startArmSession } from "../test/e2e/support/armSession";
import { SHAPES, type RefreshRun } from "./refreshCoalescing";
import { tokenRequests, type Table } from "./support";

const DIRECTORY_ALERTS = [
    "StaleSignInAlert",
    "RedundantAssignmentAlert",
    "SequentialActivationRenewalsAlert",
    "TooManyGlobalAdminsAssignedToTenantAlert",
    "InvalidLicenseAlert",
    "NoMfaOnRoleActivationAlert",
    "RolesAssignedOutsidePimAlert",
];

/** In one host: `n` ARM reads over n/4 subscriptions and `n` Graph reads; token requests per audience. */
async function mixedRun(n: number): Promise<Map<string, number>> {
    const [arm, directory] = [capturedArmProviders(), capturedDirectoryProviders()];
    const emulator = await startEmulator({ retryAfterSeconds: 0 });
    const session = await startArmSession({ emulator, config: { "pim-alerts:graphEndpoint": `${emulator.url}/beta` } });
    try {
        for (let k = 0; k < n; k++) {
            const scope = `/subscriptions/${Math.floor(k / 4)
                .toString(16)
                .padStart(8, "0")}-0000-4000-8000-0000000070ce`;
            const id = `${scope}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/DuplicateRoleCreated`;
            await session.host.read(CONFIGURATION, `c${k}`, id, { __provider: arm.configuration });
            const alertId = DIRECTORY_ALERTS[k % DIRECTORY_ALERTS.length];
            await session.host.read(DIRECTORY_CONFIGURATION, `d${k}`, `DirectoryRole_${emulator.tenantId}_${alertId}`, {
                __provider: directory.configuration,
            });
        }
        return tokenRequests(emulator);
    } finally {
        await session.stop();
    }
}

/** The token table: the refresh runs (ARM only) and mixed ARM + Graph runs. */
export async function tokens(runs: readonly RefreshRun[], sizes: readonly number[]): Promise<Table> {
    const show = (counts: ReadonlyMap<string, number>) =>
        [...counts].map(([audience, count]) => `${audience}: ${count}`).join(", ") || "none";
    const rows: Array<Array<string | number>> = runs
        .filter((r) => r.shape === SHAPES[0]?.name && !r.parallel)
        .map((r) => [`refresh of ${r.n} (${r.coalesced ? "coalesced" : "1 GET each"})`, show(r.tokens)]);
    for (const n of sizes) rows.push([`${n} ARM + ${n} Graph reads`, show(await mixedRun(n))]);
    return {
        title: "Token requests per provider process",
        headers: ["process did", "token requests per audience"],
        rows,
        notes: [
            "Minimum: 1 per audience the process talks to. One credential and one cached token per audience per process.",
        ],
    };
}
