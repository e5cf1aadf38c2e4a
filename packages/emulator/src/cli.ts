#!/usr/bin/env node
/**
 * `pim-alerts-emulator`: starts the emulator on 127.0.0.1 and prints the environment that points
 * pulumi-pim-alerts and @azure/identity at it, until Ctrl+C (SIGINT) or SIGTERM.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { startEmulator } from "./emulator";
import type { EmulatorOptions } from "./options";

/** What the command line asked for. */
type CliRequest =
    | { readonly kind: "run"; readonly options: EmulatorOptions }
    | { readonly kind: "help" }
    | { readonly kind: "version" };

const USAGE = `Usage: pim-alerts-emulator [--port <n>] [--page-size <n>] [--tenant-id <guid>] [--https] [--version] [--help]

Starts the Azure PIM alerts emulator (ARM 2022-08-01-preview, Graph beta, managed-identity tokens)
on 127.0.0.1 and prints the environment variables that point pulumi-pim-alerts (PIM_ALERTS_*) and
@azure/identity at it, ready to paste into a shell. Stops on Ctrl+C (SIGINT) or SIGTERM.

  --port <n>         TCP port (0, the default, picks a free one)
  --page-size <n>    items per page of every list
  --tenant-id <id>   tenant id in tokens and Graph ids
  --https            serve HTTPS with a fresh self-signed certificate (needs openssl), as Microsoft's
                     SDKs need to send a token; prints the certificate and NODE_EXTRA_CA_CERTS
  --version          print the version`;

const NUMERIC_FLAGS = { "--port": "port", "--page-size": "pageSize" } as const;

function integerValue(flag: string, text: string | undefined): number {
    const value = Number(text);
    if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(value))
        throw new Error(`${flag} needs a whole number, got '${text ?? ""}'.`);
    return value;
}

function parseArgs(argv: readonly string[]): CliRequest {
    const options: { port?: number; pageSize?: number; tenantId?: string; https?: boolean } = {};
    for (let i = 0; i < argv.length; i += 1) {
        const [flag = "", inline] = argv[i].split(/=(.*)/s, 2);
        if (flag === "--help" || flag === "-h") return { kind: "help" };
        if (flag === "--version" || flag === "-v") return { kind: "version" };
        if (flag === "--https") {
            options.https = true;
            continue;
        }
        const value = inline ?? argv[++i];
        if (flag === "--tenant-id") {
            if (value === undefined || value === "") throw new Error("--tenant-id needs a value.");
            options.tenantId = value;
        } else if (flag in NUMERIC_FLAGS) {
            options[NUMERIC_FLAGS[flag as keyof typeof NUMERIC_FLAGS]] = integerValue(flag, value);
        } else {
            throw new Error(`Unknown argument '${flag.slice(0, 80)}'.\n\n${USAGE}`);
        }
    }
    return { kind: "run", options };
}

function version(): string {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as {
        version?: string;
    };
    return manifest.version ?? "unknown";
}

/** One line for a start failure: the busy port named, never a stack trace. */
function startFailure(error: unknown, options: EmulatorOptions): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === "EADDRINUSE")
        return `port ${options.port ?? 0} on 127.0.0.1 is already in use: choose another with --port, or --port 0 for a free one.`;
    if (code === "EACCES")
        return `port ${options.port ?? 0} on 127.0.0.1 may not be used by this user: choose one above 1023, or --port 0.`;
    return error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
}

const shellQuoted = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

async function main(): Promise<void> {
    let request: CliRequest;
    try {
        request = parseArgs(process.argv.slice(2));
    } catch (error) {
        process.stderr.write(`pim-alerts-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
        return;
    }
    if (request.kind === "help" || request.kind === "version") {
        process.stdout.write(`${request.kind === "help" ? USAGE : version()}\n`);
        return;
    }
    let emulator: Awaited<ReturnType<typeof startEmulator>>;
    try {
        emulator = await startEmulator(request.options);
    } catch (error) {
        process.stderr.write(`pim-alerts-emulator: ${startFailure(error, request.options)}\n`);
        process.exitCode = 1;
        return;
    }
    // The product's settings (src/provider/settings.ts) first, then @azure/identity's.
    const environment = {
        PIM_ALERTS_ARM_ENDPOINT: emulator.url,
        PIM_ALERTS_GRAPH_ENDPOINT: `${emulator.url}/beta`,
        PIM_ALERTS_TENANT_ID: emulator.tenantId,
        ...emulator.tokenEnvironment(),
    };
    process.stdout.write(
        [
            `PIM alerts emulator listening on ${emulator.url} (tenant ${emulator.tenantId})`,
            `Admin API:   ${emulator.url}/_emulator/ (GET it for the list of routes)`,
            ...(emulator.certificate === undefined
                ? []
                : [
                      `Certificate: ${emulator.certificate.certFile} (self-signed; trusted through NODE_EXTRA_CA_CERTS below)`,
                  ]),
            "Environment for pulumi-pim-alerts and @azure/identity:",
            ...Object.entries(environment).map(([name, value]) => `  export ${name}=${shellQuoted(value)}`),
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
