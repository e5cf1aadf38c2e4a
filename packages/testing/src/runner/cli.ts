#!/usr/bin/env node
/**
 * `pim-alerts-run`: runs a Pulumi program directory offline against the PIM alerts emulator
 * (started for the command unless `--emulator` names a running one). See {@link RUN_USAGE}.
 */
import type { Emulator } from "pulumi-pim-alerts-emulator";
import { parseRunArgs, RUN_USAGE, UsageError, type RunCliRequest } from "./cliArgs";
import { runProgram } from "./runProgram";
import { noChangesExpectedMessage } from "./runRequest";
import { printable, printableJson } from "./terminalText";

const USAGE_ERROR = 2;
const RUNNER_FAILED = 254;

async function main(argv: readonly string[]): Promise<number> {
    let request: RunCliRequest;
    try {
        request = parseRunArgs(argv);
    } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        process.stderr.write(`pim-alerts-run: ${printable(error.message)}\nRun pim-alerts-run --help for the usage.\n`);
        return USAGE_ERROR;
    }
    if (request.kind === "help") {
        process.stdout.write(`${RUN_USAGE}\n`);
        return 0;
    }
    const json = request.options.json === true;
    // In --json mode stdout carries the document alone; everything else goes to stderr.
    const say = (line: string): void => void (json ? process.stderr : process.stdout).write(`${line}\n`);
    const emulator = request.emulator === undefined ? await startOwnEmulator(say) : undefined;
    const url = request.emulator ?? emulator?.url ?? "";
    try {
        const result = await runProgram(request.command, {
            ...request.options,
            config: {
                "pim-alerts:armEndpoint": url,
                "pim-alerts:graphEndpoint": `${url}/beta`,
                ...request.options.config,
            },
            ...(emulator ? { env: emulator.admin.tokenEnvironment() } : {}),
            onOutput: json ? (line) => process.stderr.write(`${line}\n`) : (line) => process.stdout.write(`${line}\n`),
        });
        if (json && result.previewJson) {
            process.stdout.write(`${printableJson(result.previewJson, 4)}\n`);
            // As the Pulumi CLI: the --expect-no-changes failure is the command's error, on stderr, not in the document.
            if (request.options.expectNoChanges === true && result.changes)
                say(`error: ${noChangesExpectedMessage(request.command)}`);
        }
        return result.exitCode;
    } finally {
        await emulator?.stop();
    }
}

async function startOwnEmulator(say: (line: string) => void): Promise<Emulator> {
    // Loaded only when needed: with --emulator the runner never imports the emulator.
    const { startEmulator } = await import("pulumi-pim-alerts-emulator");
    const emulator = await startEmulator();
    say(
        `pim-alerts-run: started the PIM alerts emulator at ${emulator.url} for this command (it stops with it; --emulator keeps one across commands)`,
    );
    return emulator;
}

main(process.argv.slice(2)).then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        // Each line printable: a provider's multi-line message stays readable, its controls inert.
        const lines = (error instanceof Error ? error.message : String(error)).split(/\r?\n/).map(printable);
        process.stderr.write(`pim-alerts-run failed: ${lines.join("\n")}\n`);
        process.exitCode = RUNNER_FAILED;
    },
);
