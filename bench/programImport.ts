/**
 * What a Pulumi program pays to import this package: `require("pulumi-pim-alerts")` against
 * `require("@pulumi/pulumi")` alone (which every program loads anyway), each in a fresh node process,
 * timed inside the process, with the modules each loads. A program process never calls an API (the
 * providers run in the provider host), so the package's clients (axios, zod, luxon, @azure/identity)
 * should load only when a data function or the CLI first needs them.
 *
 * `--package=<dir>` measures another build of the package (e.g. a checkout of an older commit, built, with
 * its own node_modules), required from that directory; by default the packed package installed in the e2e
 * program directory, as a user's program has it. Either way both requires resolve from the same directory,
 * so the package and the baseline share one copy of @pulumi/pulumi.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { ensurePackedProgram, PROGRAM_DIR } from "../test/support/packedPackage";
import { median, ms, type Table } from "./support";

/** Packages whose presence in a program process means the package loaded its clients eagerly. */
export const CLIENT_PACKAGES = ["axios", "zod", "luxon", "@azure/identity", "form-data"] as const;

interface Sample {
    readonly ms: number;
    readonly modules: number;
    readonly clientPackages: string[];
    readonly resolved: string;
}

// Runs in the fresh process: times the require, counts modules, names the client packages loaded.
const SCRIPT = `
const target = process.argv[1];
const resolved = require.resolve(target);
const started = process.hrtime.bigint();
require(target);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const files = Object.keys(require.cache);
const packages = new Set(files.map((f) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f)?.[1]?.replace("\\\\", "/")).filter(Boolean));
process.stdout.write(JSON.stringify({ resolved, ms, modules: files.length, clientPackages: ${JSON.stringify(CLIENT_PACKAGES)}.filter((p) => packages.has(p)) }));
`;

function sample(target: string, cwd: string): Sample {
    const child = spawnSync(process.execPath, ["-e", SCRIPT, target], { cwd, encoding: "utf8", timeout: 60_000 });
    if (child.status !== 0) throw new Error(`requiring ${target} failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as Sample;
}

/** Measures `runs` fresh processes per variant, interleaved so that both share the machine's noise. */
export async function programImport(runs = 5, packageDir?: string): Promise<Table> {
    if (packageDir === undefined) await ensurePackedProgram();
    const cwd = packageDir === undefined ? PROGRAM_DIR : path.resolve(packageDir);
    const samples: Record<"pulumi" | "pkg", Sample[]> = { pulumi: [], pkg: [] };
    for (let i = 0; i < runs; i++) {
        samples.pulumi.push(sample("@pulumi/pulumi", cwd));
        samples.pkg.push(sample("pulumi-pim-alerts", cwd));
    }
    const pulumiMs = median(samples.pulumi.map((s) => s.ms));
    const pkgMs = median(samples.pkg.map((s) => s.ms));
    const pulumiModules = median(samples.pulumi.map((s) => s.modules));
    const pkgModules = median(samples.pkg.map((s) => s.modules));
    const clients = (s: Sample[]) => [...new Set(s.flatMap((x) => x.clientPackages))].join(", ") || "none";
    return {
        title: `Program import cost (median of ${runs} fresh processes, ms)`,
        headers: ["require(...)", "time", "ratio to @pulumi/pulumi", "modules loaded", "client packages loaded"],
        rows: [
            ["@pulumi/pulumi", ms(pulumiMs), "1.00", pulumiModules, clients(samples.pulumi)],
            [
                "pulumi-pim-alerts (includes @pulumi/pulumi)",
                ms(pkgMs),
                (pkgMs / pulumiMs).toFixed(2),
                `${pkgModules} (+${pkgModules - pulumiModules})`,
                clients(samples.pkg),
            ],
        ],
        notes: [
            `Package: ${samples.pkg[0]?.resolved}. Time is measured inside each process around the require (node's own start-up excluded).`,
            "The machine is shared (2 cores): the ratio of medians is the result; module counts are exact.",
        ],
    };
}
