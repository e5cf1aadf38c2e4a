/**
 * `pim-alerts review` of large previews: a generated `pulumi preview --json` document of 200 and
 * 2,000 steps (three in five of this package's resources, in every operation the review judges, with
 * full states as Pulumi writes them; the rest azure-native resources), reviewed in-process (read and
 * validate, judge, render each format) and through the built CLI in a child process. Prints times
 * and ratios: per 1,000 steps, 2,000 against 200 (linear is 10x), and the CLI against its own
 * start-up (`--version`).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { painter } from "../src/cli/style";
import { renderJson } from "../src/review/renderJson";
import { renderMarkdown } from "../src/review/renderMarkdown";
import { renderText } from "../src/review/renderText";
import { reviewPreview, type Review } from "../src/review/review";
import { REPO_ROOT } from "../test/support/packedPackage";
import { median, ms, ratio, type Table } from "./support";

const CLI = path.join(REPO_ROOT, "dist", "cli", "main.js");
const SUB = "/subscriptions/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
const PROVIDER = 'exports.handler = () => require("pulumi-pim-alerts/dist/provider/alertConfigurationProvider.js");';

/** One step of resource `i`: this package's resources in turn through update, refresh, create, delete, replace and same; every fifth pair azure-native. */
function stepOf(i: number): Record<string, unknown> {
    const type =
        i % 5 >= 3
            ? "azure-native:resources:ResourceGroup"
            : ["AlertConfiguration", "DirectoryAlertConfiguration", "AlertDismissal"][i % 3];
    const token = type?.includes(":") ? type : `pulumi-nodejs:dynamic/pim:${type}`;
    const urn = `urn:pulumi:prod::policy::pim:policy:Baseline$${token}::r${i}`;
    const declared = (n: number) =>
        type === "AlertConfiguration"
            ? {
                  scope: `${SUB}/resourceGroups/rg-${i}`,
                  alertId: "TooManyOwnersAssignedToResource",
                  isEnabled: n % 2 === 0,
                  thresholdNumberOfOwners: n,
                  onDelete: "retain",
              }
            : type === "DirectoryAlertConfiguration"
              ? { alertId: "StaleSignInAlert", isEnabled: true, duration: `P${n * 10}D`, onDelete: "restore" }
              : type === "AlertDismissal"
                ? { scope: SUB, alertId: "DuplicateRoleCreated", onDelete: "retain" }
                : { location: "westeurope", resourceGroupName: `rg-${i}`, tags: { owner: "team", index: String(n) } };
    const state = (n: number) => {
        const inputs = { __provider: PROVIDER, ...declared(n) };
        const outputs = {
            ...inputs,
            declaredProperties: ["isEnabled", "thresholdNumberOfOwners"],
            initialProperties: { isEnabled: true, thresholdNumberOfOwners: 2 },
            isActive: n > 3,
        };
        return {
            urn,
            custom: true,
            id: `${urn}-id`,
            type: token,
            inputs,
            outputs,
            created: "2025-03-02T09:14:07Z",
            modified: "2025-03-02T09:14:07Z",
        };
    };
    const op = ["update", "refresh", "create", "delete", "replace", "same"][Math.floor(i / 3) % 6];
    return {
        op,
        urn,
        provider: "urn:pulumi:prod::policy::pulumi:providers:pulumi-nodejs::default::04f3",
        ...(op === "create" ? {} : { oldState: state(3) }),
        ...(op === "delete" ? {} : { newState: state(op === "same" ? 3 : 7) }),
        diffReasons: ["thresholdNumberOfOwners"],
        detailedDiff: null,
    };
}

/** The text of a preview of `n` steps. */
export function previewOfSteps(n: number): string {
    const steps = Array.from({ length: n }, (_, i) => stepOf(i));
    return JSON.stringify(
        { config: { "pim-alerts:tenantId": "t" }, steps, duration: 1_000_000_000, changeSummary: { update: n } },
        null,
        4,
    );
}

/**
 * CPU time (user + system, ms) of this process's waited-for children, from /proc/self/stat (Linux;
 * 10 ms resolution). Unlike wall time it does not grow with the load other work puts on the machine.
 */
function childrenCpuMs(): number | undefined {
    try {
        // Fields after the command name (which is in parentheses): cutime and cstime are the 14th and 15th.
        const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
        return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
    } catch {
        return undefined;
    }
}

/** Median wall time and this process's CPU time (user + system) of `runs` calls, in ms. */
function measure(runs: number, action: () => void): { wall: number; cpu: number } {
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < runs; i++) {
        const cpu = process.cpuUsage();
        const started = process.hrtime.bigint();
        action();
        walls.push(Number(process.hrtime.bigint() - started) / 1e6);
        const used = process.cpuUsage(cpu);
        cpus.push((used.user + used.system) / 1000);
    }
    return { wall: median(walls), cpu: median(cpus) };
}

function medianMs(runs: number, action: () => void): number {
    return measure(runs, action).wall;
}

/** Reviews 200- and 2,000-step previews `runs` times each (after one warm-up); the table of medians. */
export function reviewBench(runs = 5): Table {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "pim-review-bench-"));
    try {
        const rows: Array<Array<string | number>> = [];
        const perSize = new Map<number, number>();
        let findings = 0;
        for (const n of [200, 2000]) {
            const text = previewOfSteps(n);
            let review: Review | undefined;
            reviewPreview(text, "warm-up");
            const judged = measure(runs, () => {
                review = reviewPreview(text, "bench");
            });
            perSize.set(n, judged.cpu);
            findings = review?.findings.length ?? 0;
            const mib = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
            rows.push([
                `read, validate and judge (${findings} findings)`,
                n,
                mib,
                ms(judged.wall),
                ms(judged.cpu),
                ms((judged.wall * 1000) / n),
            ]);
            for (const [format, render] of [
                ["render text", (r: Review) => renderText(r, painter(false))],
                ["render markdown", renderMarkdown],
                ["render json", renderJson],
            ] as const) {
                const rendered = measure(runs, () => render(review as Review));
                rows.push([format, n, mib, ms(rendered.wall), ms(rendered.cpu), ms((rendered.wall * 1000) / n)]);
            }
            if (n === 2000) {
                const file = path.join(work, "preview.json");
                fs.writeFileSync(file, text);
                const cpu: Record<string, number[]> = { startup: [], review: [] };
                const cli = (key: string, args: string[]) => () => {
                    const before = childrenCpuMs();
                    const r = spawnSync(process.execPath, [CLI, ...args], {
                        encoding: "utf8",
                        timeout: 120_000,
                        maxBuffer: 256 * 1024 * 1024,
                    });
                    if (r.status !== 0) throw new Error(`pim-alerts ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
                    const after = childrenCpuMs();
                    if (before !== undefined && after !== undefined) cpu[key]?.push(after - before);
                };
                const startup = medianMs(runs, cli("startup", ["--version"]));
                const whole = medianMs(runs, cli("review", ["review", file, "--format", "json"]));
                const cpuOf = (key: string) => (cpu[key]?.length ? ms(median(cpu[key] ?? [])) : "n/a");
                rows.push(["CLI: pim-alerts --version (start-up alone)", "-", "-", ms(startup), cpuOf("startup"), "-"]);
                rows.push([
                    `CLI: pim-alerts review FILE --format json (${ratio(whole, startup)} its start-up)`,
                    n,
                    mib,
                    ms(whole),
                    cpuOf("review"),
                    ms(((whole - startup) * 1000) / n),
                ]);
            }
        }
        const scaling = ratio(perSize.get(2000) ?? 0, perSize.get(200) ?? 0);
        return {
            title: "Review of a large preview (pim-alerts review)",
            headers: ["what", "steps", "MiB", "wall ms (median)", "CPU ms (median)", "wall ms per 1,000 steps"],
            rows,
            notes: [
                `Judging 2,000 steps takes ${scaling} the CPU time of 200 (10x is linear). Median of ${runs} runs after a warm-up.`,
                "The CLI row's per-1,000 figure excludes the start-up measured on the row above it. CPU ms: user + system time of this",
                "process (in-process rows) or of the child (CLI rows, from Linux /proc, 10 ms resolution); unlike wall time it does not grow with the machine's load.",
            ],
        };
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}
