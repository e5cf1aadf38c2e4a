/**
 * Reads many scopes a few at a time (so a long list is quick without flooding the API), reporting
 * progress, and keeps every scope's result or error in the order the scopes were given.
 */
import type { AlertTarget } from "../functions/target";
import { targetScope } from "../functions/target";
import type { Progress } from "./progress";

/** One scope's outcome. */
export type ScopeOutcome<T> =
    | { readonly target: AlertTarget; readonly ok: true; readonly value: T }
    | { readonly target: AlertTarget; readonly ok: false; readonly error: Error };

/** How many scopes are read at once. */
export const SCOPE_CONCURRENCY = 4;

/** Runs `read` for each target, at most {@link SCOPE_CONCURRENCY} at a time; never rejects. */
export async function readScopes<T>(
    targets: readonly AlertTarget[],
    read: (target: AlertTarget) => Promise<T>,
    progress: Progress,
): Promise<ScopeOutcome<T>[]> {
    const outcomes = new Array<ScopeOutcome<T>>(targets.length);
    let next = 0;
    const worker = async () => {
        while (next < targets.length) {
            const index = next++;
            const target = targets[index];
            const label = targetScope(target);
            progress.started(label);
            try {
                outcomes[index] = { target, ok: true, value: await read(target) };
            } catch (error) {
                outcomes[index] = {
                    target,
                    ok: false,
                    error: error instanceof Error ? error : new Error(String(error)),
                };
            } finally {
                progress.finished(label);
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(SCOPE_CONCURRENCY, targets.length) }, worker));
    progress.close();
    return outcomes;
}
