/**
 * `pim-alerts export`: reads the live configurations and alerts of each scope and writes the Pulumi
 * program that declares them (see {@link renderProgram}): every configuration, and every dismissed
 * alert as a dismissal. All scopes are read and checked (exportPolicy.ts) before anything is written:
 * a scope that fails, or a value that cannot safely become code, leaves the output untouched.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PimClients } from "../clients/apiClients";
import { lookupPolicy } from "../functions/lookups";
import { targetScope } from "../functions/target";
import { PIM_IMPORT, renderProgram, type ScopeDeclarations } from "./codegen";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "./exitCodes";
import type { CliIo } from "./io";
import type { ExportOptions } from "./options";
import { createProgress } from "./progress";
import { readScopes } from "./readScopes";
import { declarationsOf } from "./exportPolicy";
import { declaredResources } from "./resourceNames";
import { printable } from "./terminalText";

/** Runs the command; returns the exit code. */
export async function runExport(options: ExportOptions, clients: PimClients, io: CliIo): Promise<number> {
    const file = options.out === undefined ? undefined : path.resolve(io.cwd, options.out);
    const existing = file !== undefined && fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
    if (existing !== undefined && !options.append && !options.force) {
        throw new UsageError(`${options.out} exists; pass --append to add to it or --force to overwrite it`, "export");
    }

    // Read, then check: a value that cannot become code fails its scope like an unreadable scope does.
    const outcomes = await readScopes(
        options.targets,
        async (target): Promise<ScopeDeclarations> => ({
            target,
            declarations: declarationsOf({ target, ...(await lookupPolicy(clients, targetScope(target))) }),
        }),
        createProgress(io.stderr, options.targets.length),
    );
    const failures = outcomes.filter((o) => !o.ok);
    for (const failure of failures) {
        if (!failure.ok)
            io.stderr.write(
                `pim-alerts export: reading ${targetScope(failure.target)}: ${printable(failure.error.message)}\n`,
            );
    }
    if (failures.length > 0) {
        io.stderr.write(`pim-alerts export: nothing written: ${failures.length} of ${outcomes.length} scopes failed\n`);
        return EXIT_FAILURE;
    }
    const scopes = outcomes.flatMap((o) => (o.ok ? [o.value] : []));

    const appending = options.append && existing !== undefined;
    const rendered = renderProgram(scopes, {
        existing: appending ? declaredResources(existing) : [],
        withHeader: !appending,
        withImport: !appending || !existing.includes(PIM_IMPORT),
    });
    for (const { name, reason } of rendered.skipped)
        io.stderr.write(`pim-alerts export: skipped ${printable(name)}: ${reason}\n`);

    if (file === undefined) io.stdout.write(rendered.text);
    else if (appending && rendered.declared.length > 0)
        fs.appendFileSync(file, `${existing.endsWith("\n") || existing === "" ? "" : "\n"}\n${rendered.text}`);
    else if (!appending) fs.writeFileSync(file, rendered.text);

    const where = file === undefined ? "" : ` in ${printable(options.out ?? "")}`;
    io.stderr.write(
        `pim-alerts export: declared ${rendered.declared.length} resources of ${scopes.length} scope${scopes.length === 1 ? "" : "s"}${where}\n`,
    );
    return EXIT_OK;
}
