/**
 * Refresh of N ARM alert configurations through the provider host, with latency injected on every
 * emulator request: calls and wall time with read coalescing (the default) against the
 * one-GET-per-resource baseline (`pim-alerts:readCacheSeconds: 0`), for several shapes of a stack
 * (4 configurations per subscription, the most a scope has; one per subscription; lists in pages;
 * a refresh that outlasts readCacheSeconds) and reads sent one at a time or all in parallel (Pulumi's
 * engine runs refresh steps in parallel, unbounded by default).
 */
import { startEmulator } from "pulumi-pim-alerts-emulator";
import {
    capturedArmProviders,
    CONFIGURATION,
    startArmSession,
    type SerializedProviders,
} from "../test/e2e/support/armSession";
import { apiCalls, ms, ratio, timed, tokenRequests, type Table } from "./support";

const ALERTS = [
    "TooManyOwnersAssignedToResource",
    "TooManyPermanentOwnersAssignedToResource",
    "DuplicateRoleCreated",
    "AzureRolesAssignedOutsidePimAlert",
];

/** A stack shape: how many configurations per scope, the emulator's page size, the order and timing of the reads. */
export interface RefreshShape {
    readonly name: string;
    /** Configurations per subscription (1..4). */
    readonly perScope: number;
    /** Items per list page; the emulator's default (100) is one page. */
    readonly pageSize?: number;
    /** `scope-major` reads a subscription's resources together (program order); `round-robin` spreads them over the refresh. */
    readonly order: "scope-major" | "round-robin";
    /** readCacheSeconds of the coalesced run (the baseline always has 0). */
    readonly readCacheSeconds?: string;
}

/** One refresh of N resources in one fresh provider host. */
export interface RefreshRun {
    readonly n: number;
    readonly shape: string;
    readonly parallel: boolean;
    readonly coalesced: boolean;
    readonly calls: number;
    readonly wallMs: number;
    /** Token requests of the host process, per audience. */
    readonly tokens: ReadonlyMap<string, number>;
}

export const SHAPES: readonly RefreshShape[] = [
    { name: "4 per scope", perScope: 4, order: "scope-major" },
    { name: "1 per scope", perScope: 1, order: "scope-major" },
    { name: "1 per scope, pages of 1", perScope: 1, pageSize: 1, order: "scope-major" },
    { name: "4 per scope, pages of 1", perScope: 4, pageSize: 1, order: "scope-major" },
    { name: "4 per scope, pages of 2", perScope: 4, pageSize: 2, order: "scope-major" },
    { name: "4 per scope, spread, readCacheSeconds 0.2", perScope: 4, order: "round-robin", readCacheSeconds: "0.2" },
];

const scopeOf = (i: number) => `/subscriptions/${i.toString(16).padStart(8, "0")}-0000-4000-8000-00000000be0c`;

/** The (scope, alertId) of each of the n resources, in the order they are read. */
function resources(n: number, shape: RefreshShape): Array<{ scope: string; alertId: string }> {
    const scopes = Math.ceil(n / shape.perScope);
    const all = Array.from({ length: n }, (_, k) => ({
        scope: scopeOf(Math.floor(k / shape.perScope)),
        alertId: ALERTS[k % shape.perScope],
    }));
    if (shape.order === "scope-major") return all;
    // Round-robin: the first alert of every scope, then the second of every scope, ...
    return Array.from({ length: n }, (_, k) => all[(k % scopes) * shape.perScope + Math.floor(k / scopes)]).filter(
        (r) => r !== undefined,
    );
}

/** Refreshes `n` configurations of `shape` in a new host; counts calls after one warm-up read. */
export async function refreshRun(
    providers: SerializedProviders,
    n: number,
    shape: RefreshShape,
    options: { readonly coalesced: boolean; readonly parallel: boolean; readonly latencyMs: number },
): Promise<RefreshRun> {
    const emulator = await startEmulator({
        retryAfterSeconds: 0,
        latencyMs: options.latencyMs,
        ...(shape.pageSize ? { pageSize: shape.pageSize } : {}),
    });
    const readCacheSeconds = options.coalesced ? (shape.readCacheSeconds ?? "30") : "0";
    const session = await startArmSession({ emulator, config: { "pim-alerts:readCacheSeconds": readCacheSeconds } });
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
            return session.host.read(CONFIGURATION, alertId, id, state, {
                __provider: providers.configuration,
                scope,
                alertId,
                isEnabled: true,
            });
        };
        // Warm-up outside the measure: the first call of a process also loads @azure/identity and gets a token.
        await read("/subscriptions/ffffffff-0000-4000-8000-00000000be0c", ALERTS[0]);
        const warmUpTokens = tokenRequests(emulator);
        emulator.admin.clearRequests();
        const order = resources(n, shape);
        const { ms: wallMs } = await timed(async () => {
            if (options.parallel) await Promise.all(order.map((r) => read(r.scope, r.alertId)));
            else for (const r of order) await read(r.scope, r.alertId);
        });
        const calls = apiCalls(emulator).length;
        const tokens = new Map(warmUpTokens);
        for (const [audience, count] of tokenRequests(emulator))
            tokens.set(audience, (tokens.get(audience) ?? 0) + count);
        return {
            n,
            shape: shape.name,
            parallel: options.parallel,
            coalesced: options.coalesced,
            calls,
            wallMs,
            tokens,
        };
    } finally {
        await session.stop();
    }
}

/** Runs every size and shape, one by one and in parallel, both ways; returns the table and the runs (for the token table). */
export async function refreshCoalescing(
    sizes: readonly number[],
    latencyMs = 20,
    shapes: readonly RefreshShape[] = SHAPES,
): Promise<{ table: Table; runs: RefreshRun[] }> {
    const providers = capturedArmProviders();
    const runs: RefreshRun[] = [];
    const rows: Array<Array<string | number>> = [];
    for (const n of sizes) {
        for (const shape of shapes) {
            for (const parallel of [false, true]) {
                const baseline = await refreshRun(providers, n, shape, { coalesced: false, parallel, latencyMs });
                const coalesced = await refreshRun(providers, n, shape, { coalesced: true, parallel, latencyMs });
                runs.push(baseline, coalesced);
                rows.push([
                    n,
                    shape.name,
                    parallel ? "parallel" : "one by one",
                    baseline.calls,
                    coalesced.calls,
                    ratio(baseline.calls, coalesced.calls),
                    ms(baseline.wallMs),
                    ms(coalesced.wallMs),
                    ratio(baseline.wallMs, coalesced.wallMs),
                ]);
            }
        }
    }
    return {
        runs,
        table: {
            title: `Refresh of N AlertConfigurations, ${latencyMs} ms latency on every request`,
            headers: [
                "N",
                "shape",
                "reads",
                "calls, 1 GET each",
                "calls, coalesced",
                "fewer calls",
                "ms, 1 GET each",
                "ms, coalesced",
                "faster",
            ],
            rows,
            notes: [
                "Calls and time after one warm-up read per host (token and @azure/identity load excluded).",
                "One by one: each read waits for the previous; parallel: all N reads sent at once, as Pulumi's engine may.",
                "4 configurations per scope is the most there are (one per alert id): 4x fewer calls is the ceiling for configurations alone.",
            ],
        },
    };
}
