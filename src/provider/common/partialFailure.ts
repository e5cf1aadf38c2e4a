/**
 * Running the step after a write: if it fails, the error tells the Pulumi engine the object exists
 * and what state to record (see {@link PartialFailureError}); the next `up` finishes the job.
 */
import { PartialFailureError } from "../../errors";

/** Runs `step`; if it fails, throws a {@link PartialFailureError} that records `properties` for `id`. */
export async function afterWrite<T>(id: string, properties: Record<string, unknown>, whatSucceeded: string, step: () => Promise<T>): Promise<T> {
    try {
        return await step();
    } catch (error) {
        throw new PartialFailureError(id, properties, error, whatSucceeded);
    }
}
