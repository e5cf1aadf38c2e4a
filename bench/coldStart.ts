/**
 * Provider host cold start: from spawning @pulumi/pulumi's dynamic-provider host (as the engine
 * does) to its first answered resource call (a Check), with @azure/identity loaded lazily (this
 * package: only when a token is first needed) and eagerly (the same host with
 * `NODE_OPTIONS=--require @azure/identity`, i.e. what a top-level import would cost). Then the
 * first Create, which needs a token: that is where the lazy variant pays for loading it.
 */
import { startEmulator } from "pulumi-pim-alerts-emulator";
import { startProviderHost } from "pulumi-pim-alerts-testing";
import { capturedArmProviders, CONFIGURATION } from "../test/e2e/support/armSession";
import { PROGRAM_DIR } from "../test/support/packedPackage";
import { median, ms, requireCost, timed, type Table } from "./support";

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";

interface Sample {
    readonly toPort: number;
    readonly toFirstCheck: number;
    readonly firstCreate: number;
}

/** Measures the cold start `runs` times per variant (interleaved, to share the machine's noise). */
export async function coldStart(runs = 5): Promise<Table> {
    const providers = capturedArmProviders();
    const emulator = await startEmulator({ retryAfterSeconds: 0 });
    const identity = require.resolve("@azure/identity");
    const samples: Record<"lazy" | "eager", Sample[]> = { lazy: [], eager: [] };
    try {
        for (let i = 0; i < runs; i++) {
            for (const variant of ["lazy", "eager"] as const) {
                const env = {
                    ...emulator.admin.tokenEnvironment(),
                    ...(variant === "eager" ? { NODE_OPTIONS: `--require ${identity}` } : {}),
                };
                const started = process.hrtime.bigint();
                const host = await startProviderHost({
                    cwd: PROGRAM_DIR,
                    env,
                    config: { "pim-alerts:armEndpoint": emulator.url },
                });
                try {
                    const inputs = {
                        __provider: providers.configuration,
                        scope: SUB,
                        alertId: "TooManyOwnersAssignedToResource",
                        thresholdNumberOfOwners: 3,
                    };
                    const checked = await host.check(CONFIGURATION, "owners", {}, inputs);
                    const toFirstCheck = Number(process.hrtime.bigint() - started) / 1e6;
                    const create = await timed(() => host.create(CONFIGURATION, "owners", checked.inputs));
                    samples[variant].push({ toPort: host.startupMs, toFirstCheck, firstCreate: create.ms });
                } finally {
                    await host.stop();
                }
            }
        }
    } finally {
        await emulator.stop();
    }
    const row = (variant: "lazy" | "eager", label: string) => {
        const s = samples[variant];
        return [
            label,
            ms(median(s.map((x) => x.toPort))),
            ms(median(s.map((x) => x.toFirstCheck))),
            ms(median(s.map((x) => x.firstCreate))),
            ms(median(s.map((x) => x.toFirstCheck + x.firstCreate))),
        ];
    };
    const providerModule = require.resolve("pulumi-pim-alerts/dist/provider/alertConfigurationProvider.js", {
        paths: [PROGRAM_DIR],
    });
    const identityMs = requireCost(identity, [], runs, PROGRAM_DIR);
    const identityInHostMs = requireCost(
        identity,
        [require.resolve("@pulumi/pulumi", { paths: [PROGRAM_DIR] }), providerModule],
        runs,
        PROGRAM_DIR,
    );
    return {
        title: `Provider host cold start (median of ${runs} runs each, ms)`,
        headers: [
            "@azure/identity",
            "spawn to port",
            "spawn to first Check answered",
            "first Create (needs a token)",
            "spawn to first Create answered",
        ],
        rows: [row("lazy", "lazy (this package)"), row("eager", "eager (loaded at start)")],
        notes: [
            `Loading @azure/identity (median, fresh node process): ${ms(identityMs)} ms alone; ${ms(identityInHostMs)} ms once @pulumi/pulumi and the provider module are loaded, as in the host: that is what lazy loading takes off the first Check.`,
            "Lazy moves that cost from start-up to the first call that needs a token; a run that only checks and diffs (a preview without refresh) never pays it.",
            "The machine is shared (2 cores): compare medians, and expect run-to-run spread of a few hundred ms.",
        ],
    };
}
