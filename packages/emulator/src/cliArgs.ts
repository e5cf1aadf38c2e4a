import type { EmulatorOptions } from "./options";

/** What the command line asked for. */
export type CliRequest = { readonly kind: "run"; readonly options: EmulatorOptions } | { readonly kind: "help" };

/** Usage text of `pim-alerts-emulator`. */
export const CLI_USAGE = `Usage: pim-alerts-emulator [--port <n>] [--page-size <n>] [--tenant-id <guid>]

Starts the Azure PIM alerts emulator (ARM 2022-08-01-preview, Graph beta, managed-identity tokens)
on 127.0.0.1 and prints its URL and the environment variables that point @azure/identity at it.
Stops on Ctrl+C (SIGINT) or SIGTERM.`;

const NUMERIC_FLAGS = { "--port": "port", "--page-size": "pageSize" } as const;

function integerValue(flag: string, text: string | undefined): number {
    const value = Number(text);
    if (text === undefined || !Number.isInteger(value) || value < 0) throw new Error(`${flag} needs a whole number, got '${text ?? ""}'.`);
    return value;
}

/**
 * Parses the CLI arguments (`--flag value` or `--flag=value`).
 * @param argv - Arguments after the script name.
 * @throws Error naming the bad flag.
 */
export function parseCliArgs(argv: readonly string[]): CliRequest {
    const options: { port?: number; pageSize?: number; tenantId?: string } = {};
    for (let i = 0; i < argv.length; i += 1) {
        const [flag = "", inline] = (argv[i] as string).split(/=(.*)/s, 2);
        if (flag === "--help" || flag === "-h") return { kind: "help" };
        const value = inline ?? argv[++i];
        if (flag === "--tenant-id") {
            if (value === undefined || value === "") throw new Error("--tenant-id needs a value.");
            options.tenantId = value;
        } else if (flag in NUMERIC_FLAGS) {
            options[NUMERIC_FLAGS[flag as keyof typeof NUMERIC_FLAGS]] = integerValue(flag, value);
        } else {
            throw new Error(`Unknown argument '${flag}'.\n\n${CLI_USAGE}`);
        }
    }
    return { kind: "run", options };
}
