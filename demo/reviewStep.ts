/**
 * The review step of `npm run demo`: the document of `pulumi preview --json` piped into the built
 * `pim-alerts review` in a child process, exactly as a pipeline runs
 * `pulumi preview --json | npx pim-alerts review - --format text --fail-on ...`. What the review
 * printed is shown and read back as one line per finding, so the demo asserts what a reviewer reads.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { PreviewDocument } from "pulumi-pim-alerts-testing";

/** How long the review may take before it is killed (it reads a small document: well under a second). */
const REVIEW_TIMEOUT_MS = 60_000;

/** What the review did. */
export interface PipedReview {
    /** `null` when it was killed (see {@link REVIEW_TIMEOUT_MS}). */
    readonly exitCode: number | null;
    /**
     * Each finding as printed, one line: `<change|drift> <resource> <effect> <setting>: <before> → <after>
     * (<reason>)`, in the order printed.
     */
    readonly findings: readonly string[];
}

/**
 * Pipes the document of a preview into `pim-alerts review - --format text` with `args`, and shows the
 * pipeline, what the review printed (standard output and error, as a pipeline's log shows them) and
 * its exit code on standard output.
 *
 * @param repoRoot - The repository, built: its package.json's `bin` names the CLI.
 * @param preview - The Pulumi command it stands for, and its document (`runProgram`'s `previewJson`).
 */
export async function pipeIntoReview(
    repoRoot: string,
    preview: { readonly command: string; readonly document: PreviewDocument | undefined },
    args: readonly string[],
): Promise<PipedReview> {
    const show = (text: string): void => void process.stdout.write(text);
    if (!preview.document) throw new Error(`${preview.command} produced no document`);
    const cli = cliPath(repoRoot);
    const reviewArgs = ["review", "-", "--format", "text", ...args];
    show(`$ ${preview.command} | pim-alerts ${reviewArgs.join(" ")}\n`);
    const child = spawn(process.execPath, [cli, ...reviewArgs], {
        cwd: repoRoot,
        stdio: ["pipe", "pipe", "pipe"],
        timeout: REVIEW_TIMEOUT_MS,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve, reject) => {
        child.once("error", reject);
        child.once("close", (code) => resolve(code));
    });
    // A review that exits before reading everything (a usage error) closes the pipe: its exit code says why.
    child.stdin.on("error", () => undefined);
    child.stdin.end(`${JSON.stringify(preview.document, null, 4)}\n`);
    const exitCode = await exited;
    show(`${stdout}${stderr}(exit code ${String(exitCode)})\n`);
    return { exitCode, findings: findingsOf(stdout) };
}

function cliPath(repoRoot: string): string {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
        bin?: Record<string, string>;
    };
    const cli = path.join(repoRoot, manifest.bin?.["pim-alerts"] ?? "dist/cli/main.js");
    if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm run demo does)`);
    return cli;
}

/**
 * Reads the text format back: a section title ("Changes: ...", "Drift: ..."), a scope (2 spaces),
 * a resource (4 spaces, `name (alert)`), then per setting a line of effect, setting and values
 * (6 spaces) and a line with the reason (further indented).
 */
function findingsOf(text: string): string[] {
    const findings: string[] = [];
    const lines = text.split("\n");
    let section = "";
    let resource = "";
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? "";
        if (line.startsWith("Changes:")) section = "change";
        else if (line.startsWith("Drift:")) section = "drift";
        else if (/^ {4}\S/.test(line)) resource = line.trim().split(" (")[0] ?? "";
        else if (/^ {6}\S/.test(line)) {
            const setting = line.trim().replace(/\s+/g, " ");
            const reason = (lines[i + 1] ?? "").trim();
            findings.push(`${section} ${resource} ${setting} (${reason})`);
            i += 1;
        }
    }
    return findings;
}
