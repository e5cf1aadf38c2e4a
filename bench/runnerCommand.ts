/**
 * What one offline-runner command costs, whatever the program does: `runProgram` of the example
 * alert policy (15 resources) against the emulator, up then three previews, `runs` times. Each
 * command is two Node.js processes (the runner's child, which runs the program, and the provider
 * host), each loading @pulumi/pulumi; the child also loads TypeScript for the program. This is
 * where the time of the end-to-end suites goes (BENCHMARKS.md, "The test suite").
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator } from "pulumi-pim-alerts-emulator";
import { runProgram, type RunProgramOptions } from "pulumi-pim-alerts-testing";
import { prepareProgramDir } from "../demo/programDir";
import { median, ms, requireCost, timed, type Table } from "./support";

const REPO = path.resolve(__dirname, "..");
const COMMANDS: ReadonlyArray<[string, "up" | "preview", Partial<RunProgramOptions>]> = [
    ["up (adopts and sets 15 resources)", "up", {}],
    ["preview, nothing changed", "preview", {}],
    ["preview --refresh, nothing changed", "preview", { refresh: true }],
    ["preview --json", "preview", { json: true }],
];

/** Median wall time of each command over `runs` fresh stacks, and the load cost of its two big modules. */
export async function runnerCommand(runs = 3): Promise<Table> {
    // Inside the repository (.e2e is ignored by git), so the program resolves @pulumi/pulumi by walking up, as the demo's.
    fs.mkdirSync(path.join(REPO, ".e2e"), { recursive: true });
    const work = fs.mkdtempSync(path.join(REPO, ".e2e", "bench-runner-"));
    const programDir = prepareProgramDir(
        REPO,
        path.join(work, "program"),
        path.join(REPO, "examples", "alert-policy", "index.ts"),
    );
    const emulator = await startEmulator({ retryAfterSeconds: 0 });
    const samples = COMMANDS.map(() => [] as number[]);
    try {
        for (let i = 0; i < runs; i++) {
            emulator.reset();
            const options: RunProgramOptions = {
                programDir,
                stateFile: path.join(work, `state-${i}.json`),
                config: { "pim-alerts:armEndpoint": emulator.url, "pim-alerts:graphEndpoint": `${emulator.url}/beta` },
                env: emulator.admin.tokenEnvironment(),
                color: false,
            };
            for (const [index, [label, command, extra]] of COMMANDS.entries()) {
                const run = await timed(() => runProgram(command, { ...options, ...extra }));
                if (run.result.exitCode !== 0) throw new Error(`${label} failed: ${run.result.errors.join("; ")}`);
                samples[index]?.push(run.ms);
            }
        }
    } finally {
        await emulator.stop();
    }
    const load = (module: string) =>
        requireCost(require.resolve(module, { paths: [programDir] }), [], runs, programDir);
    const pulumiMs = load("@pulumi/pulumi");
    const typescriptMs = load("typescript");
    fs.rmSync(work, { recursive: true, force: true });
    return {
        title: `One offline-runner command (median of ${runs} runs, ms)`,
        headers: ["command", "wall time"],
        rows: COMMANDS.map(([label], index) => [label, ms(median(samples[index] ?? []))]),
        notes: [
            `require("@pulumi/pulumi") alone in a fresh process: ${ms(pulumiMs)} ms; require("typescript"): ${ms(typescriptMs)} ms. The child loads both, the host loads @pulumi/pulumi: most of a command that changes nothing.`,
        ],
    };
}
