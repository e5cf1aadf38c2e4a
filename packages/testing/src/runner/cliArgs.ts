/**
 * The command line of `pim-alerts-run`, parsed with Node's own `util.parseArgs` in strict mode: an
 * unknown option, a missing value or an option the command does not take is a usage error.
 *
 * @packageDocumentation
 */
import { parseArgs } from "node:util";
import { checkRunArguments, RUN_COMMANDS, type RunCommand, type RunProgramOptions } from "./runRequest";

/** Usage text of `pim-alerts-run`. */
export const RUN_USAGE = `Usage: pim-alerts-run <up|preview|refresh|destroy> [options] [program-dir]

Runs a Pulumi program directory offline: the runner plays the Pulumi engine (no Pulumi CLI) and
the PIM alerts emulator plays Azure. The resources of pulumi-pim-alerts go over gRPC to
@pulumi/pulumi's own dynamic-provider host; the stack's state is a file in the format of
\`pulumi stack export\` (<program-dir>/.pim-runner/<stack>.json).

Options:
  -s, --stack <name>           stack name (default: dev)
      --state <file>           where the stack's state is kept
      --program <file>         the program file (default: index.ts, else index.js)
  -c, --config <key=value>     stack config, repeatable; a key without "<namespace>:" gets the project's
      --secret <key=value>     secret stack config, repeatable: never printed, never written
      --emulator <url>         use a running emulator (see pim-alerts-emulator) instead of starting one
                               for this command; @azure/identity then uses the environment it printed
      --refresh                refresh before planning (up, preview, destroy)
      --expect-no-changes      fail with exit code 7 when changes are proposed
      --json                   preview only: print the document of \`pulumi preview --json\`
      --parallel <n>           resource operations in flight at most (default: unbounded)
      --clear-pending-creates  refresh only: drop the pending creates an interrupted run left
      --color <auto|always|never>  (default: auto; NO_COLOR turns it off)
  -h, --help                   this text

Without --emulator, an emulator is started for the command and stopped after it, so each command
starts from the emulator's seed data; to chain commands (up, change in the "portal", preview
--refresh), start \`pim-alerts-emulator\` and pass its URL.

Exit codes, as the Pulumi CLI since v3.226: 0 success; 1 the run failed; 7 changes were proposed
under --expect-no-changes. And: 254 the runner itself failed; 2 usage error.`;

/** What the command line asked for. */
export type RunCliRequest =
    | { readonly kind: "help" }
    | {
          readonly kind: "run";
          readonly command: RunCommand;
          /** An emulator URL to use, or undefined to start one. */
          readonly emulator: string | undefined;
          readonly options: Omit<RunProgramOptions, "onOutput">;
      };

/** A usage error: the message says what is wrong. */
export class UsageError extends Error {
    override name = "UsageError" as const;
}

/**
 * Parses the arguments after the script name.
 *
 * @param argv - e.g. `["preview", "--refresh", "./policy"]`
 * @throws UsageError naming the bad argument
 */
export function parseRunArgs(argv: readonly string[]): RunCliRequest {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            allowPositionals: true,
            strict: true,
            options: {
                stack: { type: "string", short: "s" },
                state: { type: "string" },
                program: { type: "string" },
                config: { type: "string", short: "c", multiple: true },
                secret: { type: "string", multiple: true },
                emulator: { type: "string" },
                refresh: { type: "boolean" },
                "expect-no-changes": { type: "boolean" },
                json: { type: "boolean" },
                parallel: { type: "string" },
                "clear-pending-creates": { type: "boolean" },
                color: { type: "string" },
                help: { type: "boolean", short: "h" },
            },
        });
    } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    if (values.help) return { kind: "help" };
    const [command, programDir = ".", ...extra] = positionals;
    if (command === undefined) throw new UsageError(`a command is required: ${RUN_COMMANDS.join(", ")}`);
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}': give one program directory`);
    const config = pairs(values.config ?? [], "--config");
    const secrets = pairs(values.secret ?? [], "--secret");
    const options: Omit<RunProgramOptions, "onOutput"> = {
        programDir,
        ...(values.stack !== undefined ? { stack: values.stack } : {}),
        ...(values.state !== undefined ? { stateFile: values.state } : {}),
        ...(values.program !== undefined ? { programFile: values.program } : {}),
        config: { ...config, ...secrets },
        secretConfigKeys: Object.keys(secrets),
        ...(values.refresh ? { refresh: true } : {}),
        ...(values["expect-no-changes"] ? { expectNoChanges: true } : {}),
        ...(values.json ? { json: true } : {}),
        ...(values.parallel !== undefined ? { parallel: parallelValue(values.parallel) } : {}),
        ...(values["clear-pending-creates"] ? { clearPendingCreates: true } : {}),
        ...colorOption(values.color),
    };
    try {
        checkRunArguments(command, options);
    } catch (error) {
        throw new UsageError(
            (error as Error).message.replace(
                /\b(json|clearPendingCreates|expectNoChanges)\b/,
                (name) => `--${kebab(name)}`,
            ),
        );
    }
    if (values.emulator !== undefined && !/^https?:\/\/[^/]+/.test(values.emulator)) {
        throw new UsageError(
            `--emulator needs the emulator's URL (e.g. http://127.0.0.1:8080); got '${values.emulator}'`,
        );
    }
    return { kind: "run", command, emulator: values.emulator?.replace(/\/+$/, ""), options };
}

function pairs(items: readonly string[], flag: string): Record<string, string> {
    const result: Record<string, string> = {};
    for (const item of items) {
        const at = item.indexOf("=");
        if (at <= 0) throw new UsageError(`${flag} needs key=value; got '${item}'`);
        result[item.slice(0, at)] = item.slice(at + 1);
    }
    return result;
}

function parallelValue(text: string): number {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1)
        throw new UsageError(`--parallel needs a whole number of 1 or more; got '${text}'`);
    return value;
}

function colorOption(text: string | undefined): { color?: boolean } {
    if (text === undefined || text === "auto") return {};
    if (text === "always" || text === "never") return { color: text === "always" };
    throw new UsageError(`--color is auto, always or never; got '${text}'`);
}

function kebab(name: string): string {
    return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
