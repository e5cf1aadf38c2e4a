/**
 * Running the step after a write: if it fails, the error tells the Pulumi engine the object exists
 * and what state to record (see {@link PartialFailureError}); the next `up` finishes the job.
 */
import { isAzureApiError, PartialFailureError } from "../../errors";

/** Runs `step`; if it fails, throws a {@link PartialFailureError} that records `properties` for `id`. */
export async function afterWrite<T>(
    id: string,
    properties: Record<string, unknown>,
    whatSucceeded: string,
    step: () => Promise<T>,
): Promise<T> {
    try {
        return await step();
    } catch (error) {
        throw new PartialFailureError(id, properties, error, whatSucceeded);
    }
}

/**
 * Whether a failed write may have been applied. Only an answer that refuses it (a 4xx status other
 * than 408) says it was not; a lost answer, a 5xx, a timeout or a body this package cannot read may
 * all follow a write that landed.
 */
export function writeMayHaveLanded(error: unknown): boolean {
    return !(isAzureApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 408);
}
