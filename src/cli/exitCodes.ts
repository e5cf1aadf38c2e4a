/**
 * Exit codes of `pim-alerts`, for pipelines:
 * - 0: the command did what was asked;
 * - 1: it failed (Azure or Graph answered an error, sign-in failed, a scan failed, a file could not be written);
 * - 2: it was called wrong (unknown command or option, missing or invalid --scope, an output file that exists);
 * - 3, 4, 5: `review --fail-on` found what it was asked to fail on: a change that weakens the alert
 *   policy (or cannot be judged), drift, any other change. Distinct from 1, so a pipeline can tell
 *   "the policy is weakened: ask for an approval" from "the review itself failed".
 */
export { UsageError } from "../errors";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** `review --fail-on weakening|any`: a change weakens the alert policy, or its effect is unknown. */
export const EXIT_WEAKENED = 3;
/** `review --fail-on drift|any`: what Azure holds differs from the last `up`. */
export const EXIT_DRIFT = 4;
/** `review --fail-on any`: a change concerns PIM alerts (none weakens, no drift). */
export const EXIT_CHANGED = 5;
