/**
 * `pim-alerts review` in-process (runCli with fake streams), reading the hand-written previews in
 * fixtures/ from a file or a fake standard input: what each format prints, each bad input's one line,
 * each usage error and the help. The built CLI as a process (exit codes, the real standard streams, a
 * 64 MiB pipe, no stack trace) is test/e2e/review.test.ts.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expectFailOnOutcome, expectOneLine, type CliRun } from "../../support/cliChecks";
import { runInProcess } from "../cli/inProcessCli";

const REPO_ROOT = path.resolve(__dirname, "../../..");
const fixture = (name: string) => path.join(__dirname, "fixtures", `${name}.preview.json`);

let work: string;
beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "pim-review-cli-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/**
 * Runs `pim-alerts review` in-process; `input` is its standard input (not a terminal). Settings that
 * make building any Azure client fail (an unknown cloud, a bad timeout) are set on purpose: every
 * review below still works, so the command builds no client and needs no Azure settings.
 */
function review(args: string[], input?: string | Buffer): Promise<CliRun> {
    return runInProcess(["review", ...args], {
        env: { PIM_ALERTS_CLOUD: "Nowhere", PIM_ALERTS_TIMEOUT_SECONDS: "abc" },
        cwd: work,
        stdin: input === undefined ? [] : [input],
    });
}

function write(name: string, content: string | Buffer): string {
    const file = path.join(work, name);
    fs.writeFileSync(file, content);
    return file;
}

describe("formats", () => {
    test("-f markdown: the comment the README shows, word for word", async () => {
        const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
        for (const name of ["threshold-change", "drift"]) {
            const r = await review([fixture(name), "-f", "markdown"]);
            expect(r.code).toBe(0);
            expect(r.stdout.startsWith("<!-- pim-alerts-review -->\n### PIM alert policy review\n")).toBe(true);
            expect(readme).toContain("```markdown\n" + r.stdout + "```");
        }
    });

    test("a UTF-16 file with a byte order mark (Windows PowerShell's >) reads the same as UTF-8", async () => {
        const text = fs.readFileSync(fixture("threshold-change"), "utf8");
        const file = write("utf16.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
        const utf8 = await review([fixture("threshold-change"), "--format", "json"]);
        expect(utf8.code).toBe(0);
        expect((await review([file, "--format", "json"])).stdout).toBe(utf8.stdout);
    });
});

// Every combination of findings and --fail-on is in reviewCommand.test.ts; the built CLI's run of each exit code
// is in test/e2e/review.test.ts. These two end in an exit code the e2e file already shows.
describe("--fail-on", () => {
    test.each<[string, string, string, number]>([
        ["no drift passes --fail-on drift", "threshold-change", "drift", 0],
        ["drift, with only strengthening changes, fails --fail-on any as drift", "drift-cli", "any", 4],
    ])("%s", async (_, name, failOn, code) => {
        const r = await review([fixture(name), "--fail-on", failOn, "--format", "json"]);
        expectFailOnOutcome(r, failOn, code);
    });
});

describe("bad input: one line on stderr and exit 1, never a stack trace", () => {
    test.each<[string, () => string[], RegExp]>([
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
    ])("%s", async (_, args, message) => {
        expectOneLine(await review(args()), 1, message);
    });

    test("a file larger than 64 MiB is refused before it is read", async () => {
        const file = path.join(work, "huge.json");
        fs.writeFileSync(file, "");
        fs.truncateSync(file, 64 * 1024 * 1024 + 1); // sparse: no 64 MiB written
        expectOneLine(await review([file]), 1, /huge\.json is larger than 64 MiB, more than a review reads/);
    });

    test.each<[string, string, number]>([
        ["no steps", '{"duration":1200}', 0],
        ["no PIM resources", fs.readFileSync(fixture("no-pim"), "utf8"), 0],
    ])("%s: nothing here concerns PIM alerts, exit 0", async (_, text, code) => {
        const r = await review(["-"], text);
        expect(r).toMatchObject({ code, stderr: "" });
        expect(r.stdout).toMatch(/^Nothing here concerns PIM alerts \(\d steps? in the preview\)\.\n$/);
    });

    test("values of unexpected types are findings of unknown effect, not errors", async () => {
        const document = JSON.parse(fs.readFileSync(fixture("threshold-change"), "utf8")) as {
            steps: Array<{ newState?: { inputs: Record<string, unknown> } }>;
        };
        const owners = document.steps[0]?.newState?.inputs as Record<string, unknown>;
        owners["thresholdNumberOfOwners"] = { ten: 10 };
        owners["isEnabled"] = "yes";
        const r = await review(["-", "--format", "json"], JSON.stringify(document));
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
        [["a.json", "b.json"], /give one preview file, or - for standard input .*got "a\.json", "b\.json"/],
        [["p.json", "--format", "html"], /--format must be one of text, markdown, json; got "html"/],
        [["p.json", "--fail-on", "weak"], /--fail-on must be one of weakening, drift, any, never; got "weak"/],
        [["p.json", "--scope", "/subscriptions/x"], /Unknown option '--scope'/],
    ])("usage error %j: exit 2 with a pointer to review --help", async (args, message) => {
        const r = await review(args);
        expectOneLine(r, 2, message);
        expect(r.stderr).toContain("Run 'pim-alerts review --help' for usage.");
    });

    test("review --help documents formats and exit codes", async () => {
        const r = await review(["--help"]);
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/--fail-on <what>  weakening, drift, any or never/);
        expect(r.stdout).toMatch(
            /^ {2}3 {2}--fail-on weakening or any: a change weakens the policy, or its effect is unknown$/m,
        );
    });
});
