/**
 * Shared pieces of the benchmarks: counting the emulator's requests, timing (of calls and of a
 * module's `require`), and printing tables.
 * Benchmarks print counts and ratios; nothing here asserts a duration.
 */
import { spawnSync } from "node:child_process";
import type { Emulator } from "pulumi-pim-alerts-emulator";

/** A printed table: a title, column headers and rows of cells. */
export interface Table {
    readonly title: string;
    readonly headers: readonly string[];
    readonly rows: ReadonlyArray<readonly (string | number)[]>;
    /** Lines printed under the table. */
    readonly notes?: readonly string[];
}

/** Renders a table as GitHub markdown (readable on a terminal too). */
export function renderTable(table: Table): string {
    const cells = [table.headers, ...table.rows.map((row) => row.map(String))];
    const widths = table.headers.map((_, i) => Math.max(...cells.map((row) => String(row[i] ?? "").length)));
    const line = (row: readonly (string | number)[]) =>
        `| ${row.map((cell, i) => String(cell).padEnd(widths[i] ?? 0)).join(" | ")} |`;
    return [
        `### ${table.title}`,
        "",
        line(table.headers),
        `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
        ...table.rows.map(line),
        ...(table.notes && table.notes.length > 0 ? ["", ...table.notes] : []),
        "",
    ].join("\n");
}

/** API requests (ARM and Graph) the emulator logged, as `METHOD status`. */
export function apiCalls(emulator: Emulator): string[] {
    return emulator.admin
        .requests()
        .filter((r) => r.api === "arm" || r.api === "graph")
        .map((r) => `${r.method} ${r.status}`);
}

/** Token requests the emulator answered, per audience. */
export function tokenRequests(emulator: Emulator): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of emulator.admin.requests()) {
        if (r.api !== "token") continue;
        const audience = r.audience ?? "(unknown)";
        counts.set(audience, (counts.get(audience) ?? 0) + 1);
    }
    return counts;
}

/** Runs `action` and returns its result with the elapsed wall time in ms. */
export async function timed<T>(action: () => Promise<T>): Promise<{ result: T; ms: number }> {
    const started = process.hrtime.bigint();
    const result = await action();
    return { result, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `1234.5` => `"1,235"`; ratios keep one decimal. */
export function ms(value: number): string {
    return Math.round(value).toLocaleString("en-US");
}

/** `a / b` with one decimal, e.g. `"4.0x"`. */
export function ratio(a: number, b: number): string {
    return b === 0 ? "n/a" : `${(a / b).toFixed(1)}x`;
}

/** Median time of `require(file)` in a fresh node process (in `cwd`) that has required `preloads` first, measured inside it. */
export function requireCost(file: string, preloads: readonly string[], runs: number, cwd: string): number {
    const script =
        "const [file, ...pre] = process.argv.slice(1); pre.forEach((p) => require(p)); " +
        "const t = process.hrtime.bigint(); require(file); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));";
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
        const child = spawnSync(process.execPath, ["-e", script, file, ...preloads], {
            cwd,
            encoding: "utf8",
            timeout: 30_000,
        });
        if (child.status !== 0) throw new Error(`requiring ${file} failed: ${child.stderr}`);
        samples.push(Number(child.stdout));
    }
    return median(samples);
}
