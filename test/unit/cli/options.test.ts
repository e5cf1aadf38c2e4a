import { parseExportOptions, parseStatusOptions } from "../../../src/cli/options";
import { UsageError } from "../../../src/cli/exitCodes";

const SUB = "/subscriptions/11111111-1111-1111-1111-111111111111";

test.each([
    [["--scope", SUB], { targets: [{ kind: "arm", scope: SUB }], out: undefined, append: false, force: false }],
    [
        [
            "--scope",
            SUB.slice(1),
            "--scope",
            SUB.toUpperCase().replace("SUBSCRIPTIONS", "subscriptions"),
            "--directory",
            "--out",
            "p.ts",
        ],
        { targets: [{ kind: "arm", scope: SUB }, { kind: "directory" }], out: "p.ts", append: false, force: false },
    ],
    [
        ["--scope", "directory", "--directory", "-o", "p.ts", "--append"],
        { targets: [{ kind: "directory" }], out: "p.ts", append: true, force: false },
    ],
    [
        ["--directory", "--out=p.ts", "--force"],
        { targets: [{ kind: "directory" }], out: "p.ts", append: false, force: true },
    ],
])("export %j", (args, expected) => {
    expect(parseExportOptions(args)).toEqual(expected);
});

test.each([
    [["--scope", SUB], { targets: [{ kind: "arm", scope: SUB }], json: false }],
    [["--directory", "--json"], { targets: [{ kind: "directory" }], json: true }],
])("status %j", (args, expected) => {
    expect(parseStatusOptions(args)).toEqual(expected);
});

test.each([
    [[], "give at least one --scope <ARM scope> or --directory"],
    [["--scop", SUB], "Unknown option '--scop'"],
    [["--scope"], "Option '--scope <value>' argument missing"],
    [["--scope", SUB, "extra"], "Unexpected argument 'extra'"],
    [
        ["--scope", "/subscriptions/prod"],
        '--scope: scope "/subscriptions/prod" is neither "directory" nor an ARM scope: the subscription id must be a GUID',
    ],
    [["--directory", "--append"], "--append needs --out: it adds to that file"],
    [["--directory", "--out", "p.ts", "--append", "--force"], "--append and --force exclude each other"],
    [["--directory", "--json"], "Unknown option '--json'"],
])("export %j is a usage error: %s", (args, message) => {
    const parse = () => parseExportOptions(args);
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
});

test("status --out is a usage error that points at status --help", () => {
    let error: unknown;
    try {
        parseStatusOptions(["--directory", "--out", "x"]);
    } catch (e) {
        error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).command).toBe("status");
});
