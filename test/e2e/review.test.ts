/**
 * `pim-alerts review` as a pipeline runs it: `node dist/cli/main.js review` in a child process (built
 * by `npm run build`), reading hand-written `pulumi preview --json` documents (test/unit/review/
 * fixtures, written from pulumi-preview-json.md) from a file or standard input. No emulator: the
 * command needs no Azure settings and makes no request.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packedPackage";

const CLI = path.join(REPO_ROOT, "dist", "cli", "main.js");
const FIXTURES = path.join(REPO_ROOT, "test", "unit", "review", "fixtures");
const fixture = (name: string) => path.join(FIXTURES, `${name}.preview.json`);

let work: string;
beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    work = fs.mkdtempSync(path.join(os.tmpdir(), "pim-review-e2e-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

interface Run {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/**
 * Runs the built CLI; `input` goes to its standard input. Settings that make building any Azure
 * client fail (an unknown cloud, a bad timeout) are set on purpose: every review below still works,
 * so the command builds no client and needs no Azure settings.
 */
function review(args: string[], input?: string | Buffer, env: Record<string, string> = {}): Run {
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

    test("-f markdown: the comment the README shows, word for word", () => {
        const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
        for (const name of ["threshold-change", "drift"]) {
            const r = review([fixture(name), "-f", "markdown"]);
            expect(r.code).toBe(0);
            expect(r.stdout.startsWith("<!-- pim-alerts-review -->\n### PIM alert policy review\n")).toBe(true);
            expect(readme).toContain("```markdown\n" + r.stdout + "```");
        }
    });

    test("a UTF-16 file with a byte order mark (Windows PowerShell's >) reads the same as UTF-8", () => {
        const text = fs.readFileSync(fixture("threshold-change"), "utf8");
        const file = write("utf16.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
        expect(review([file, "--format", "json"]).stdout).toBe(
            review([fixture("threshold-change"), "--format", "json"]).stdout,
        );
    });
});

// Every combination of findings and --fail-on is in test/unit/review/reviewCommand.test.ts; here each exit code once.
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
        ["no drift passes --fail-on drift", () => fixture("threshold-change"), "drift", 0],
        ["drift fails --fail-on drift", () => fixture("drift"), "drift", 4],
        ["drift, with only strengthening changes, fails --fail-on any as drift", () => fixture("drift-cli"), "any", 4],
        ["only strengthening changes fail --fail-on any with 5", strengthening, "any", 5],
    ])("%s", (_, file, failOn, code) => {
        const r = review([file(), "--fail-on", failOn, "--format", "json"]);
        expect(r.code).toBe(code);
        if (code === 0) expect(r.stderr).toBe("");
        else expect(r.stderr).toMatch(new RegExp(`^pim-alerts review: --fail-on ${failOn}: .+\\.\\n$`));
        expect(JSON.parse(r.stdout)).toHaveProperty("version", 1);
    });
});

describe("bad input: one line on stderr and exit 1, never a stack trace", () => {
    const expectOneLine = (r: Run, code: number, message: RegExp) => {
        expect(r.code).toBe(code);
        expect(r.stdout).toBe("");
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        if (code === 1) expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    };

    test.each<[string, () => string[], RegExp]>([
        ["a missing file", () => ["nowhere.json"], /^pim-alerts review: nowhere\.json: no such file\n$/],
        ["a directory", () => ["."], /^pim-alerts review: \. is a directory, not a preview file\n$/],
        [
            "an empty file",
            () => [write("empty.json", "")],
            /empty\.json is empty: expected the JSON document `pulumi preview --json` prints/,
        ],
        [
            "not JSON",
            () => [write("text.json", "Previewing update (prod):\n")],
            /is Pulumi's text output, not JSON: run `pulumi preview --json`/,
        ],
        [
            "a truncated file",
            () => [write("cut.json", fs.readFileSync(fixture("drift"), "utf8").slice(0, 5000))],
            /cut\.json is truncated/,
        ],
        [
            "pulumi stack export",
            () => [write("export.json", '{"version":3,"deployment":{"manifest":{},"resources":[]}}')],
            /is a `pulumi stack export` document/,
        ],
        [
            "JSON of another shape",
            () => [write("other.json", '{"resources":[]}')],
            /is JSON but not a `pulumi preview --json` document/,
        ],
        [
            "a step of the wrong shape",
            () => [write("shape.json", '{"steps":[{"op":"update","urn":"u","newState":[]}]}')],
            /steps\[0\]\.newState: expected an object, got an array/,
        ],
        [
            "a preview that failed",
            () => [write("failed.json", '{"diagnostics":[{"severity":"error","message":"boom"}]}')],
            /is the output of a preview that failed/,
        ],
    ])("%s", (_, args, message) => {
        expectOneLine(review(args()), 1, message);
    });

    test("a file larger than 64 MiB is refused before it is read", () => {
        const file = path.join(work, "huge.json");
        fs.writeFileSync(file, "");
        fs.truncateSync(file, 64 * 1024 * 1024 + 1); // sparse: no 64 MiB written
        expectOneLine(review([file]), 1, /huge\.json is larger than 64 MiB, more than a review reads/);
    });

    test("standard input larger than 64 MiB is cut off with the same line", () => {
        const huge = Buffer.alloc(64 * 1024 * 1024 + 16, 0x20);
        expectOneLine(review(["-"], huge), 1, /^pim-alerts review: standard input is larger than 64 MiB/);
    });

    test.each<[string, string, number]>([
        ["no steps", '{"duration":1200}', 0],
        ["no PIM resources", fs.readFileSync(fixture("no-pim"), "utf8"), 0],
    ])("%s: nothing here concerns PIM alerts, exit 0", (_, text, code) => {
        const r = review(["-"], text);
        expect(r).toMatchObject({ code, stderr: "" });
        expect(r.stdout).toMatch(/^Nothing here concerns PIM alerts \(\d steps? in the preview\)\.\n$/);
    });

    test("values of unexpected types are findings of unknown effect, not errors", () => {
        const document = JSON.parse(fs.readFileSync(fixture("threshold-change"), "utf8")) as {
            steps: Array<{ newState?: { inputs: Record<string, unknown> } }>;
        };
        const owners = document.steps[0]?.newState?.inputs as Record<string, unknown>;
        owners["thresholdNumberOfOwners"] = { ten: 10 };
        owners["isEnabled"] = "yes";
        const r = review(["-", "--format", "json"], JSON.stringify(document));
        expect(r).toMatchObject({ code: 0, stderr: "" });
        const findings = (JSON.parse(r.stdout) as { findings: Array<Record<string, unknown>> }).findings.filter(
            (f) => f["name"] === "owners",
        );
        expect(findings.map((f) => [f["property"], f["effect"], f["reason"]])).toEqual([
            ["isEnabled", "unknown", "expected true or false, got a string"],
            ["thresholdNumberOfOwners", "unknown", "expected a number, got an object"],
            [
                "thresholdPercentageOfOwnersOutOfAllRoleMembers",
                "weakens",
                "the alert now only fires from 40% owners among all role members instead of 25%",
            ],
        ]);
    });

    test.each<[string[], RegExp]>([
        [[], /give one preview file, or - for standard input/],
        [["a.json", "b.json"], /give one preview file, or - for standard input .*got "a\.json", "b\.json"/],
        [["p.json", "--format", "html"], /--format must be one of text, markdown, json; got "html"/],
        [["p.json", "--fail-on", "weak"], /--fail-on must be one of weakening, drift, any, never; got "weak"/],
        [["p.json", "--scope", "/subscriptions/x"], /Unknown option '--scope'/],
    ])("usage error %j: exit 2 with a pointer to review --help", (args, message) => {
        const r = review(args);
        expectOneLine(r, 2, message);
        expect(r.stderr).toContain("Run 'pim-alerts review --help' for usage.");
    });

    test("review --help documents formats and exit codes", () => {
        const r = review(["--help"]);
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/--fail-on <what>  weakening, drift, any or never/);
        expect(r.stdout).toMatch(
            /^ {2}3 {2}--fail-on weakening or any: a change weakens the policy, or its effect is unknown$/m,
        );
    });
});
