/**
 * Exit codes of `pim-alerts`, for pipelines:
 * - 0: the command did what was asked;
 * - 1: it failed (Azure or Graph answered an error, sign-in failed, a scan failed, a file could not be written);
 * - 2: it was called wrong (unknown command or option, missing or invalid --scope, an output file that exists).
 */
export { UsageError } from "../errors";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
