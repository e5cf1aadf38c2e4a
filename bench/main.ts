/**
 * `npm run bench`: builds nothing itself (run after `npm run build`), runs each benchmark and prints
 * its table. Counts and ratios are the result; wall times are this machine's, printed for comparison.
 *
 * `node bench/run.js [roundTrips|refresh|tokens|providerSize|coldStart|review|programImport|runnerCommand ...] [--sizes=10,100,400] [--runs=5]
 *  [--shapes=<name>;<name>...] [--package=<dir>]` (programImport: another build of the package to measure, e.g. an older checkout)
 */
import { ensureCapturedPrograms } from "../test/support/capturedProviders";
import { coldStart } from "./coldStart";
import { programImport } from "./programImport";
import { providerSize } from "./providerSize";
import { refreshCoalescing, SHAPES, type RefreshRun } from "./refreshCoalescing";
import { reviewBench } from "./review";
import { roundTrips } from "./roundTrips";
import { runnerCommand } from "./runnerCommand";
import { renderTable, type Table } from "./support";
import { tokens } from "./tokens";

const ALL = [
    "roundTrips",
    "refresh",
    "tokens",
    "providerSize",
    "coldStart",
    "review",
    "programImport",
    "runnerCommand",
] as const;
type Bench = (typeof ALL)[number];

function option(args: readonly string[], name: string): string | undefined {
    return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** Runs the named benchmarks (all by default), printing each table as it finishes. */
export async function main(args: readonly string[]): Promise<void> {
    const named = args.filter((a) => !a.startsWith("--"));
    const unknown = named.filter((a) => !(ALL as readonly string[]).includes(a));
    if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(", ")}; choose from ${ALL.join(", ")}`);
    const chosen = new Set<Bench>(named.length > 0 ? (named as Bench[]) : ALL);
    const sizes = (option(args, "sizes") ?? "10,100,400").split(",").map(Number);
    const runs = Number(option(args, "runs") ?? "5");
    const print = (table: Table) => process.stdout.write(`${renderTable(table)}\n`);

    process.stdout.write(`pulumi-pim-alerts benchmarks, node ${process.version}, ${new Date().toISOString()}\n\n`);
    // The benchmarks that drive a provider host read the serialized providers jest's globalSetup captures.
    if (["roundTrips", "refresh", "tokens", "coldStart"].some((name) => chosen.has(name as Bench)))
        await ensureCapturedPrograms();
    if (chosen.has("roundTrips")) print(await roundTrips());
    let refreshRuns: RefreshRun[] = [];
    if (chosen.has("refresh")) {
        const only = option(args, "shapes")?.split(";");
        const result = await refreshCoalescing(
            sizes,
            20,
            only ? SHAPES.filter((s) => only.some((o) => s.name === o)) : SHAPES,
        );
        refreshRuns = result.runs;
        print(result.table);
    }
    if (chosen.has("tokens")) print(await tokens(refreshRuns, sizes));
    if (chosen.has("providerSize")) print(await providerSize());
    if (chosen.has("coldStart")) print(await coldStart(runs));
    if (chosen.has("review")) print(reviewBench(runs));
    if (chosen.has("programImport")) print(await programImport(runs, option(args, "package")));
    if (chosen.has("runnerCommand")) print(await runnerCommand(runs));
}
