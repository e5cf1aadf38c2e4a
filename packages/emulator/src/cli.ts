#!/usr/bin/env node
import { CLI_USAGE, parseCliArgs, type CliRequest } from "./cliArgs";
import { startEmulator } from "./emulator";

async function main(): Promise<void> {
    let request: CliRequest;
    try {
        request = parseCliArgs(process.argv.slice(2));
    } catch (error) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
        return;
    }
    if (request.kind === "help") {
        process.stdout.write(`${CLI_USAGE}\n`);
        return;
    }
    const emulator = await startEmulator(request.options);
    const env = Object.entries(emulator.tokenEnvironment()).map(([name, value]) => `  export ${name}=${value}`);
    process.stdout.write(
        [
            `PIM alerts emulator listening on ${emulator.url} (tenant ${emulator.tenantId})`,
            `ARM endpoint:   ${emulator.url}`,
            `Graph endpoint: ${emulator.url}/beta`,
            `Admin API:      ${emulator.url}/_emulator/`,
            "Environment for @azure/identity:",
            ...env,
            "",
        ].join("\n"),
    );
    const stop = (): void => {
        void emulator.stop().then(() => process.stdout.write("emulator stopped\n"));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
}

void main();
