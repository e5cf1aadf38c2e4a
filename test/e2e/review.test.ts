/**
 * `pim-alerts review` as a pipeline runs it: `node dist/cli/main.js review` in a child process (built
 * by `npm run build`), reading hand-written `pulumi preview --json` documents (test/unit/review/
 * fixtures, written from pulumi-preview-json.md) from a file or standard input. No emulator: the
 * command needs no Azure settings and makes no request. Here what a process shows: each exit code, the
 * real standard streams (a 64 MiB pipe among them), one line and no stack trace on a failure. Every other
 * input, format and usage error runs in-process in test/unit/review/reviewCli.test.ts.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packedPackage";
import { expectFailOnOutcome, expectOneLine, type CliRun } from "../support/cliChecks";

const CLI = path.join(REPO_ROOT, "dist", "cli", "main.js");
const FIXTURES = path.join(REPO_ROOT, "test", "unit", "review", "fixtures");
const fixture = (name: string) => path.join(FIXTURES, `${name}.preview.json`);

let work: string;
beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    work = fs.mkdtempSync(path.join(os.tmpdir(), "pim-review-e2e-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/**
 * Runs the built CLI; `input` goes to its standard input. Settings that make building any Azure
 * client fail (an unknown cloud, a bad timeout) are set on purpose: every review below still works,
 * so the command builds no client and needs no Azure settings.
 */
function review(args: string[], input?: string | Buffer, env: Record<string, string> = {}): CliRun {
    const childEnv: Record<string, string | undefined> = {
        ...process.env,
        PIM_ALERTS_CLOUD: "Nowhere",
        PIM_ALERTS_TIMEOUT_SECONDS: "abc",
        ...env,
    };
    delete childEnv["NO_COLOR"];
    const r = spawnSync(process.execPath, [CLI, "review", ...args], {
        cwd: work,
        env: childEnv,
        input: input ?? "",
        encoding: "utf8",
        timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, content: string | Buffer): string {
    const file = path.join(work, name);
    fs.writeFileSync(file, content);
    return file;
}

describe("formats", () => {
    test("text by default: the headline and each judged setting, no colour when not a terminal, nothing on stderr", () => {
        const r = review([fixture("threshold-change")]);
        expect(r).toMatchObject({ code: 0, stderr: "" });
        expect(r.stdout.split("\n")[0]).toBe("4 changes weaken the PIM alert policy, 1 strengthens it.");
        expect(r.stdout).toContain(
            "      weakens      thresholdNumberOfOwners: 3 → 10\n                   the alert now only fires from 10 owners instead of 3\n",
        );
        expect(r.stdout).not.toContain("\u001b[");
    });

    test("--format json from standard input: the documented shape", () => {
        const r = review(["-", "--format", "json"], fs.readFileSync(fixture("drift")));
        expect(r).toMatchObject({ code: 0, stderr: "" });
        const document = JSON.parse(r.stdout) as {
            version: number;
            summary: unknown;
            findings: Array<Record<string, string>>;
        };
        expect(document.version).toBe(1);
        expect(document.summary).toEqual({ weakens: 1, strengthens: 2, neutral: 0, unknown: 0, drift: 3 });
        expect(document.findings.map((f) => `${f["kind"]} ${f["name"]} ${f["property"]} ${f["effect"]}`)).toEqual([
            "drift owners isEnabled weakens",
            "drift owners thresholdNumberOfOwners weakens",
            "drift duplicate-roles isActive strengthens",
            "change owners isEnabled strengthens",
            "change owners thresholdNumberOfOwners strengthens",
            "change duplicate-roles isActive weakens",
        ]);
        for (const finding of document.findings) {
            expect(Object.keys(finding)).toEqual([
                "urn",
                "name",
                "type",
                "scope",
                "alertId",
                "property",
                "before",
                "after",
                "effect",
                "kind",
                "reason",
                "op",
            ]);
        }
    });
});

// Every combination of findings and --fail-on is in test/unit/review/reviewCommand.test.ts; here each exit code once
// (two more cases, of exit codes 0 and 4, run in-process in test/unit/review/reviewCli.test.ts).
describe("--fail-on and exit codes", () => {
    const strengthening = () => {
        const document = JSON.parse(fs.readFileSync(fixture("drift"), "utf8")) as {
            steps: Array<{ op: string; urn: string }>;
        };
        return write(
            "strengthens.json",
            JSON.stringify({ steps: document.steps.filter((s) => s.op !== "refresh" && s.urn.endsWith("::owners")) }),
        );
    };
    test.each<[string, () => string, string, number]>([
        ["never is the default", () => fixture("threshold-change"), "never", 0],
        ["a weakening change fails --fail-on weakening", () => fixture("threshold-change"), "weakening", 3],
        ["drift fails --fail-on drift", () => fixture("drift"), "drift", 4],
        ["only strengthening changes fail --fail-on any with 5", strengthening, "any", 5],
    ])("%s", (_, file, failOn, code) => {
        const r = review([file(), "--fail-on", failOn, "--format", "json"]);
        expectFailOnOutcome(r, failOn, code);
    });
});

describe("bad input: one line on stderr and exit 1, never a stack trace", () => {
    test.each<[string, () => string[], RegExp]>([
        ["a missing file", () => ["nowhere.json"], /^pim-alerts review: nowhere\.json: no such file\n$/],
        [
            "a truncated file",
            () => [write("cut.json", fs.readFileSync(fixture("drift"), "utf8").slice(0, 5000))],
            /cut\.json is truncated/,
        ],
    ])("%s", (_, args, message) => {
        expectOneLine(review(args()), 1, message);
    });

    test("standard input larger than 64 MiB is cut off with the same line", () => {
        const huge = Buffer.alloc(64 * 1024 * 1024 + 16, 0x20);
        expectOneLine(review(["-"], huge), 1, /^pim-alerts review: standard input is larger than 64 MiB/);
    });

    test("usage error []: exit 2 with a pointer to review --help", () => {
        const r = review([]);
        expectOneLine(r, 2, /give one preview file, or - for standard input/);
        expect(r.stderr).toContain("Run 'pim-alerts review --help' for usage.");
    });
});
