import { parseRunArgs, UsageError } from "../../../src/runner/cliArgs";
import { checkRunArguments } from "../../../src/runner/runRequest";

describe("runner arguments", () => {
    test.each<[string, unknown, object, string]>([
        [
            "an unknown command",
            "bogus",
            { programDir: "." },
            'unknown command "bogus"; the runner runs up, preview, refresh, destroy',
        ],
        ["an unknown option", "up", { programDir: ".", dryRun: true }, "unknown option dryRun; allowed: programDir"],
        [
            "json outside preview",
            "up",
            { programDir: ".", json: true },
            "json is an option of preview (`pulumi preview --json`), not of up",
        ],
        [
            "clearPendingCreates outside refresh",
            "up",
            { programDir: ".", clearPendingCreates: true },
            "clearPendingCreates is an option of refresh, not of up",
        ],
        ["a parallel of 0", "up", { programDir: ".", parallel: 0 }, "parallel must be a positive whole number; got 0"],
        ["no program directory", "up", {}, "programDir is required"],
    ])("%s is refused before anything runs", (_what, command, options, message) => {
        expect(() => checkRunArguments(command, options)).toThrow(message);
    });

    test("pim-alerts-run maps its flags to the runner's options", () => {
        expect(
            parseRunArgs([
                "preview",
                "--refresh",
                "--expect-no-changes",
                "--json",
                "-c",
                "version=2",
                "--secret",
                "pim-alerts:clientSecret=x",
                "--parallel",
                "4",
                "./policy",
            ]),
        ).toEqual({
            kind: "run",
            command: "preview",
            emulator: undefined,
            options: {
                programDir: "./policy",
                config: { version: "2", "pim-alerts:clientSecret": "x" },
                secretConfigKeys: ["pim-alerts:clientSecret"],
                refresh: true,
                expectNoChanges: true,
                json: true,
                parallel: 4,
            },
        });
        expect(parseRunArgs(["up", "--emulator", "http://127.0.0.1:8080/", "--stack", "prod"])).toMatchObject({
            emulator: "http://127.0.0.1:8080",
            options: { programDir: ".", stack: "prod" },
        });
        expect(parseRunArgs(["--help"])).toEqual({ kind: "help" });
    });

    test.each<[string[], string]>([
        [["bogus"], 'unknown command "bogus"'],
        [[], "a command is required: up, preview, refresh, destroy"],
        [["up", "--dry-run"], "Unknown option '--dry-run'"],
        [["up", "--json"], "--json is an option of preview"],
        [["preview", "--parallel", "0"], "--parallel needs a whole number of 1 or more; got '0'"],
        [["up", "-c", "novalue"], "--config needs key=value; got 'novalue'"],
        [["up", "--emulator", "localhost:8080"], "--emulator needs the emulator's URL"],
        [["up", "a", "b"], "unexpected argument 'b'"],
    ])("pim-alerts-run %j is a usage error naming what is wrong", (argv, message) => {
        expect(() => parseRunArgs(argv)).toThrow(UsageError);
        expect(() => parseRunArgs(argv)).toThrow(message);
    });
});
