/**
 * Exit codes of `pim-alerts`, for pipelines:
 * - 0: the command did what was asked;
 * - 1: it failed (Azure or Graph answered an error, sign-in failed, a scan failed, a file could not be written);
 * - 2: it was called wrong (unknown command or option, missing or invalid --scope, an output file that exists).
 */
import { PimAlertsError } from "../http/errors";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The command line is wrong; the message says how to call it instead. */
export class UsageError extends PimAlertsError {
    override name = "UsageError" as const;
    /** The command whose help to point at, if any. */
    readonly command: string | undefined;

    constructor(message: string, command?: string) {
        super(message);
        this.command = command;
    }
}
