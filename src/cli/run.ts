/**
 * `pim-alerts`: dispatches to a command, turns errors into messages and exit codes (0 done,
 * 1 failed, 2 usage error). Settings come from the environment, as for the Pulumi provider.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PimClients } from "../clients/apiClients";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from "./exitCodes";
import { HELP } from "./help";
import type { CliIo } from "./io";
import { parseExportOptions, parseReviewOptions, parseStatusOptions, wantsHelp } from "./options";
import { printable } from "./terminalText";

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

// A command's code and the clients (axios, zod, @azure/identity) load when it runs: `--help` and usage errors
// answer without them. Options are parsed first, so a usage error never waits for them.
const COMMANDS: Readonly<Record<string, Command>> = {
    export: async (args, io) => {
        const options = parseExportOptions(args);
        const [{ runExport }, clients] = await Promise.all([import("./exportCommand"), createClients(io)]);
        return runExport(options, clients, io);
    },
    status: async (args, io) => {
        const options = parseStatusOptions(args);
        const [{ runStatus }, clients] = await Promise.all([import("./statusCommand"), createClients(io)]);
        return runStatus(options, clients, io);
    },
    // Reads a file: no Azure settings, no clients.
    review: async (args, io) => {
        const options = parseReviewOptions(args);
        return (await import("./reviewCommand")).runReview(options, io);
    },
};

/** The clients of a command, from the environment (read only when a command needs Azure, so --help works with a broken environment). */
async function createClients(io: CliIo): Promise<PimClients> {
    const { createPimClients } = await import("../clients/apiClients");
    return createPimClients(() => undefined, io.env);
}

/** Runs `pim-alerts` with the arguments after the program name; resolves with the exit code (never rejects). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
    const [name, ...args] = argv;
    try {
        if (name === undefined || name === "help" || name === "--help" || name === "-h") {
            const topic = name === "help" && args[0] !== undefined ? args[0] : "";
            // Without a command it is a usage error: the help goes to stderr, stdout stays empty.
            (name === undefined ? io.stderr : io.stdout).write(HELP[topic] ?? HELP[""] ?? "");
            return name === undefined ? EXIT_USAGE : EXIT_OK;
        }
        if (name === "--version" || name === "-v") {
            io.stdout.write(`${packageVersion()}\n`);
            return EXIT_OK;
        }
        const command = COMMANDS[name];
        if (!command)
            throw new UsageError(
                `unknown command ${JSON.stringify(name)}; commands: ${Object.keys(COMMANDS).join(", ")}`,
            );
        if (wantsHelp(args)) {
            io.stdout.write(HELP[name] ?? "");
            return EXIT_OK;
        }
        return await command(args, io);
    } catch (error) {
        return report(error, io, name);
    }
}

function report(error: unknown, io: CliIo, command: string | undefined): number {
    if (error instanceof UsageError) {
        const help = error.command ?? (command !== undefined && COMMANDS[command] ? command : undefined);
        io.stderr.write(
            `pim-alerts: ${printable(error.message)}\nRun 'pim-alerts ${help ? `${help} ` : ""}--help' for usage.\n`,
        );
        return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`pim-alerts${command && COMMANDS[command] ? ` ${command}` : ""}: ${printable(message)}\n`);
    if (io.env["PIM_ALERTS_DEBUG"] && error instanceof Error && error.stack)
        io.stderr.write(`${error.stack.split("\n").map(printable).join("\n")}\n`);
    return EXIT_FAILURE;
}

function packageVersion(): string {
    // dist/cli/run.js and src/cli/run.ts both sit two levels below the package root.
    const manifest: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
    const version =
        typeof manifest === "object" && manifest !== null
            ? (manifest as Record<string, unknown>)["version"]
            : undefined;
    return typeof version === "string" ? version : "unknown";
}
