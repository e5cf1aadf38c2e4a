/**
 * The example pipelines under examples/pipelines parse as YAML, sign in without a stored secret,
 * name the permissions they need, and every `pim-alerts` command line in them is accepted by the
 * CLI's own option parsers (so an option renamed or removed in the CLI fails here).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { COMMAND_PARSERS } from "../../../src/cli/options";

const ROOT = path.resolve(__dirname, "../../../examples/pipelines");
const FILES = [
    "github-actions/pim-alerts-review.yml",
    "github-actions/pim-alerts-drift.yml",
    "azure-devops/azure-pipelines.yml",
];

const text = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

/** Every string in a parsed YAML document (the shell scripts are among them). */
function strings(value: unknown): string[] {
    if (typeof value === "string") return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
    return [];
}

/** The words of a shell line, quotes removed; operators (`|`, `&&`, `;`, `>`, ...) as words of their own. */
function shellWords(line: string): string[] {
    const words: string[] = [];
    let word: string | undefined;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === "#" && word === undefined) break; // a comment runs to the end of the line
        if (c === "'" || c === '"') {
            const end = line.indexOf(c, i + 1);
            if (end < 0) throw new Error(`unbalanced quote in: ${line}`);
            word = (word ?? "") + line.slice(i + 1, end);
            i = end;
        } else if (/\s/.test(c)) {
            if (word !== undefined) words.push(word);
            word = undefined;
        } else if ("|&;<>()".includes(c)) {
            if (word !== undefined) words.push(word);
            word = undefined;
            words.push(c);
        } else {
            word = (word ?? "") + c;
        }
    }
    if (word !== undefined) words.push(word);
    return words;
}

/** The arguments after `pim-alerts` of each command line in a script (heredoc bodies and comments skipped). */
function pimAlertsCommands(script: string): string[][] {
    const commands: string[][] = [];
    const lines = script.replace(/\\\n/g, " ").split("\n");
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        const heredoc = /<<-?\s*'?(\w+)'?/.exec(line)?.[1];
        if (heredoc) while (i + 1 < lines.length && lines[i + 1].trim() !== heredoc) i++;
        if (line.startsWith("#")) continue;
        let segment: string[] = [];
        for (const word of [...shellWords(line), ";"]) {
            if (!"|&;<>()".includes(word) || word === "") {
                segment.push(word);
                continue;
            }
            const start = segment[0] === "npx" ? 1 : 0;
            if (segment[start] === "pim-alerts") commands.push(segment.slice(start + 1));
            segment = [];
        }
    }
    return commands;
}

describe.each(FILES)("%s", (file) => {
    const document = parse(text(file)) as Record<string, unknown>;
    const commands = strings(document).flatMap(pimAlertsCommands);

    test("has pim-alerts command lines, each accepted by the CLI's parser of its command", () => {
        expect(commands.length).toBeGreaterThan(0);
        for (const [command, ...args] of commands) {
            const parser = COMMAND_PARSERS[command ?? ""];
            expect([command, parser === undefined ? "no such command" : "ok"]).toEqual([command, "ok"]);
            expect(() => parser?.(args)).not.toThrow();
        }
    });

    test("signs in by workload identity federation: no stored secret is referenced", () => {
        const raw = text(file);
        expect(raw).not.toMatch(
            /secrets\.|client-secret|clientSecret|CLIENT_SECRET|creds:|STORAGE_KEY|PULUMI_ACCESS_TOKEN/,
        );
        expect(raw).toMatch(/OIDC/);
    });

    test("names the Azure and Graph permissions it needs", () => {
        expect(text(file)).toMatch(/Reader on each scope/);
        expect(text(file)).toMatch(/RoleManagementAlert\.Read\.Directory/);
    });
});

test("the GitHub workflows request an OIDC token and sign in to Azure with a client id only", () => {
    for (const file of FILES.filter((f) => f.startsWith("github-actions/"))) {
        const workflow = parse(text(file)) as {
            permissions: Record<string, string>;
            jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
        };
        expect(workflow.permissions["id-token"]).toBe("write");
        const logins = Object.values(workflow.jobs).flatMap((job) =>
            job.steps.filter((s) => s.uses?.startsWith("azure/login@")),
        );
        expect(logins).toHaveLength(1);
        expect(Object.keys(logins[0]?.with ?? {}).sort()).toEqual(["allow-no-subscriptions", "client-id", "tenant-id"]);
    }
});

test("the pull-request pipelines fail on weakening and comment in Markdown; the drift checks refresh and fail on drift", () => {
    const all = (file: string) =>
        strings(parse(text(file)))
            .flatMap(pimAlertsCommands)
            .map((args) => args.join(" "));
    expect(all("github-actions/pim-alerts-review.yml")).toEqual([
        "review preview.json --format markdown --fail-on weakening",
    ]);
    expect(all("github-actions/pim-alerts-drift.yml")).toEqual([
        "review preview.json --format markdown",
        "review preview.json --fail-on drift",
    ]);
    expect(all("azure-devops/azure-pipelines.yml")).toEqual([
        "review preview.json --format markdown --fail-on weakening",
        "review preview.json --format markdown",
        "review preview.json --fail-on drift",
    ]);
    for (const file of ["github-actions/pim-alerts-drift.yml", "azure-devops/azure-pipelines.yml"]) {
        expect(text(file)).toMatch(
            /pulumi preview --stack "\$PULUMI_STACK" --refresh --expect-no-changes --json > preview\.json/,
        );
    }
});

test("the command-line reader finds what a shell would run, and the check catches an option the CLI lacks", () => {
    expect(
        pimAlertsCommands(
            "x | npx pim-alerts review - --format json > out.json && pim-alerts status --directory # pim-alerts bogus\n# pim-alerts nope",
        ),
    ).toEqual([
        ["review", "-", "--format", "json"],
        ["status", "--directory"],
    ]);
    expect(pimAlertsCommands("cat <<'EOF'\npim-alerts inside heredoc\nEOF\npim-alerts review \\\n  p.json")).toEqual([
        ["review", "p.json"],
    ]);
    expect(() => COMMAND_PARSERS["review"]?.(["p.json", "--fail-on-drift"])).toThrow(
        "Unknown option '--fail-on-drift'",
    );
});
