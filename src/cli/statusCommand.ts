/**
 * `pim-alerts status`: the alerts of each scope as a table (or JSON). A scope that fails is reported
 * and makes the exit code 1; the others are still shown.
 */
import type { PimClients } from "../clients/apiClients";
import { lookupAlerts } from "../functions/lookups";
import { targetScope } from "../functions/target";
import { EXIT_FAILURE, EXIT_OK } from "./exitCodes";
import { colorEnabled, type CliIo } from "./io";
import type { StatusOptions } from "./options";
import { createProgress } from "./progress";
import { readScopes } from "./readScopes";
import { renderStatusTable } from "./statusTable";
import { painter } from "./style";
import { printable, printableJson } from "./terminalText";

/** Runs the command; returns the exit code. */
export async function runStatus(options: StatusOptions, clients: PimClients, io: CliIo): Promise<number> {
    const outcomes = await readScopes(
        options.targets,
        (target) => lookupAlerts(clients, targetScope(target)),
        createProgress(io.stderr, options.targets.length),
    );
    const failed = outcomes.some((o) => !o.ok);
    if (options.json) {
        const scopes = outcomes.map((o) =>
            o.ok
                ? { scope: o.value.scope, alerts: o.value.alerts }
                : { scope: targetScope(o.target), error: o.error.message },
        );
        io.stdout.write(`${printableJson({ scopes })}\n`);
        return failed ? EXIT_FAILURE : EXIT_OK;
    }
    const read = outcomes.flatMap((o) => (o.ok ? [{ scope: o.value.scope, alerts: o.value.alerts }] : []));
    if (read.length > 0) io.stdout.write(renderStatusTable(read, painter(colorEnabled(io))));
    for (const o of outcomes)
        if (!o.ok)
            io.stderr.write(`pim-alerts status: reading ${targetScope(o.target)}: ${printable(o.error.message)}\n`);
    return failed ? EXIT_FAILURE : EXIT_OK;
}
