/**
 * Refresh of N alert configurations sharing scopes (4 per subscription, the most one scope has),
 * with latency injected on every emulator request: calls and wall time with read coalescing (the
 * default) against the one-GET-per-resource baseline (`pim-alerts:readCacheSeconds: 0`). Reads are
 * sent one at a time, in program order, as the engine sends them (pulumi/pulumi#6716).
 */
import { startEmulator } from "pulumi-pim-alerts-emulator";
import { captureProviders, CONFIGURATION, startArmSession } from "../test/e2e/support/armSession";
import { apiCalls, ms, ratio, timed, tokenRequests, type Table } from "./support";

const ALERTS = ["TooManyOwnersAssignedToResource", "TooManyPermanentOwnersAssignedToResource", "DuplicateRoleCreated", "AzureRolesAssignedOutsidePimAlert"];

/** One refresh of N resources in one fresh provider host. */
export interface RefreshRun {
    readonly n: number;
    readonly coalesced: boolean;
    readonly calls: number;
    readonly wallMs: number;
    /** Token requests of the host process, per audience. */
    readonly tokens: ReadonlyMap<string, number>;
}

const scopeOf = (i: number) => `/subscriptions/${i.toString(16).padStart(8, "0")}-0000-4000-8000-00000000be0c`;

/** Refreshes `n` configurations (scope-major order) in a new host; counts calls after one warm-up read. */
export async function refreshRun(n: number, coalesced: boolean, latencyMs: number): Promise<RefreshRun> {
    const providers = await captureProviders();
    const emulator = await startEmulator({ retryAfterSeconds: 0, latencyMs });
    const session = await startArmSession({ emulator, config: coalesced ? {} : { "pim-alerts:readCacheSeconds": "0" } });
    try {
        const read = (scope: string, alertId: string) => {
            const id = `${scope}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/${alertId}`;
            const state = {
                __provider: providers.configuration,
                scope,
                alertId,
                onDelete: "retain",
                declaredProperties: ["isEnabled"],
                initialProperties: { isEnabled: true },
                isEnabled: true,
            };
            return session.host.read(CONFIGURATION, alertId, id, state, { __provider: providers.configuration, scope, alertId, isEnabled: true });
        };
        // Warm-up outside the measure: the first call of a process also loads @azure/identity and gets a token.
        await read("/subscriptions/ffffffff-0000-4000-8000-00000000be0c", ALERTS[0] as string);
        const warmUpTokens = tokenRequests(emulator);
        emulator.admin.clearRequests();
        const { ms: wallMs } = await timed(async () => {
            for (let k = 0; k < n; k++) await read(scopeOf(Math.floor(k / ALERTS.length)), ALERTS[k % ALERTS.length] as string);
        });
        const calls = apiCalls(emulator).length;
        const tokens = new Map(warmUpTokens);
        for (const [audience, count] of tokenRequests(emulator)) tokens.set(audience, (tokens.get(audience) ?? 0) + count);
        return { n, coalesced, calls, wallMs, tokens };
    } finally {
        await session.stop();
    }
}

/** Runs every size both ways; returns the table to print and the runs (for the token table). */
export async function refreshCoalescing(sizes: readonly number[], latencyMs = 20): Promise<{ table: Table; runs: RefreshRun[] }> {
    const runs: RefreshRun[] = [];
    const rows: Array<Array<string | number>> = [];
    for (const n of sizes) {
        const baseline = await refreshRun(n, false, latencyMs);
        const coalesced = await refreshRun(n, true, latencyMs);
        runs.push(baseline, coalesced);
        rows.push([
            n,
            Math.ceil(n / ALERTS.length),
            baseline.calls,
            coalesced.calls,
            ratio(baseline.calls, coalesced.calls),
            ms(baseline.wallMs),
            ms(coalesced.wallMs),
            ratio(baseline.wallMs, coalesced.wallMs),
        ]);
    }
    return {
        runs,
        table: {
            title: `Refresh of N AlertConfigurations, 4 per subscription, ${latencyMs} ms latency on every request`,
            headers: ["N", "scopes", "calls, 1 GET each", "calls, coalesced", "fewer calls", "ms, 1 GET each", "ms, coalesced", "faster"],
            rows,
            notes: [
                "Calls and time after one warm-up read per host (token and @azure/identity load excluded); reads one at a time, as the engine sends them.",
                "4 configurations per scope is the most there are (one per alert id), so 4x fewer calls is the ceiling for configurations alone.",
            ],
        },
    };
}
