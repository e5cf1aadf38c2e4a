/**
 * An error that tells the Pulumi engine the object exists and what state to record
 * (the dynamic host turns `id` + `properties` into ErrorResourceInitFailed). The engine
 * keeps the resource, marks it as failed to initialise, and the next `up` updates it again.
 */
import { PimAlertsError } from "../../http/errors";

/** Thrown when a write reached Azure but a later step of the same operation failed. */
export class PartialFailureError extends PimAlertsError {
    override name = "PartialFailureError" as const;
    /** Read by @pulumi/pulumi's dynamic provider host. */
    readonly id: string;
    readonly properties: Record<string, unknown>;
    readonly reasons: string[];

    constructor(id: string, properties: Record<string, unknown>, cause: unknown, whatSucceeded: string) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        super(`${whatSucceeded}, then: ${reason}. The state is kept; run \`pulumi up\` again to finish.`);
        this.id = id;
        this.properties = properties;
        this.reasons = [reason];
    }
}

/** Runs `step`; if it fails, throws a {@link PartialFailureError} that records `properties` for `id`. */
export async function afterWrite<T>(id: string, properties: Record<string, unknown>, whatSucceeded: string, step: () => Promise<T>): Promise<T> {
    try {
        return await step();
    } catch (error) {
        throw new PartialFailureError(id, properties, error, whatSucceeded);
    }
}
