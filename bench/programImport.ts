/**
 * What a Pulumi program pays to import this package: `require("pulumi-pim-alerts")` against
 * `require("@pulumi/pulumi")` alone, which every program loads anyway. A program process never calls an
 * API (the providers run in the provider host), so the package's clients (axios, zod, luxon,
 * @azure/identity) should load only when a data function or the CLI first needs them.
 *
 * Each fresh node process requires @pulumi/pulumi, then the package (which finds @pulumi/pulumi loaded,
 * as it would have loaded it itself), timing both: the ratio `(pulumi + package) / pulumi` is measured
 * within one process, so the noise of a shared machine (which moves @pulumi/pulumi's own load time by
 * tens of percent between processes) does not enter it. Wall and CPU time, medians over the processes.
 *
 * `--package=<dir>` measures another build of the package (e.g. a checkout of an older commit, built, with
 * its node_modules), required from that directory; by default the packed package installed in the e2e
 * program directory, as a user's program has it.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { ensurePackedProgram, PROGRAM_DIR } from "../test/support/packedPackage";
import { median, ms, type Table } from "./support";

/** Packages whose presence in a program process means the package loaded its clients eagerly. */
export const CLIENT_PACKAGES = ["axios", "zod", "luxon", "@azure/identity", "form-data"] as const;

/** One process: the cost of each require (wall and CPU ms), module counts, the client packages loaded. */
interface Sample {
    readonly resolved: string;
    readonly pulumi: { readonly ms: number; readonly cpuMs: number; readonly modules: number };
    readonly pkg: { readonly ms: number; readonly cpuMs: number; readonly modules: number };
    readonly clientPackages: string[];
}

// Runs in the fresh process.
const SCRIPT = `
const measure = (id) => {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    require(id);
    const used = process.cpuUsage(cpu);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: (used.user + used.system) / 1000, modules: Object.keys(require.cache).length };
};
const pulumi = measure("@pulumi/pulumi");
const pkg = measure("pulumi-pim-alerts");
const packages = new Set(Object.keys(require.cache).map((f) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f)?.[1]?.replace("\\\\", "/")).filter(Boolean));
const clientPackages = ${JSON.stringify(CLIENT_PACKAGES)}.filter((p) => packages.has(p));
process.stdout.write(JSON.stringify({ resolved: require.resolve("pulumi-pim-alerts"), pulumi, pkg, clientPackages }));
`;

function sample(cwd: string): Sample {
    const child = spawnSync(process.execPath, ["-e", SCRIPT], { cwd, encoding: "utf8", timeout: 60_000 });
    if (child.status !== 0) throw new Error(`requiring the package in ${cwd} failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as Sample;
}

/** Measures `runs` fresh processes. */
export async function programImport(runs = 5, packageDir?: string): Promise<Table> {
    if (packageDir === undefined) await ensurePackedProgram();
    const cwd = packageDir === undefined ? PROGRAM_DIR : path.resolve(packageDir);
    const samples = Array.from({ length: runs }, () => sample(cwd));
    const med = (pick: (s: Sample) => number) => median(samples.map(pick));
    const ratio = (pick: (part: Sample["pulumi"]) => number) =>
        med((s) => (pick(s.pulumi) + pick(s.pkg)) / pick(s.pulumi)).toFixed(2);
    const pulumiModules = med((s) => s.pulumi.modules);
    const allModules = med((s) => s.pkg.modules);
    const clients = [...new Set(samples.flatMap((s) => s.clientPackages))].join(", ") || "none";
    return {
        title: `Program import cost (median of ${runs} fresh processes, ms)`,
        headers: [
            "require(...)",
            "wall time",
            "ratio",
            "CPU time",
            "ratio",
            "modules loaded",
            "client packages loaded",
        ],
        rows: [
            [
                "@pulumi/pulumi",
                ms(med((s) => s.pulumi.ms)),
                "1.00",
                ms(med((s) => s.pulumi.cpuMs)),
                "1.00",
                pulumiModules,
                "none",
            ],
            [
                "pulumi-pim-alerts (after @pulumi/pulumi)",
                `+${ms(med((s) => s.pkg.ms))}`,
                ratio((p) => p.ms),
                `+${ms(med((s) => s.pkg.cpuMs))}`,
                ratio((p) => p.cpuMs),
                `${allModules} (+${allModules - pulumiModules})`,
                clients,
            ],
        ],
        notes: [
            `Package: ${samples[0]?.resolved}. Times are measured inside each process around each require (node's own start-up excluded);`,
            "a ratio is (@pulumi/pulumi + the package) / @pulumi/pulumi within one process, then the median over the processes.",
        ],
    };
}
