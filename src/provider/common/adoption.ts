/**
 * The create of a configuration resource, for both APIs: adopt what the service holds. Read (done by
 * the caller), keep the original values, write the declared values that differ, read back.
 *
 * Nothing is lost whatever fails after the write is sent:
 * - the write refused (a 4xx answer): the create fails, no state (nothing changed);
 * - the write's outcome unknown (no answer on any attempt, a 5xx, an unreadable body): the create fails
 *   as a partial failure whose state holds the values from before the write, originals included;
 * - the read-back fails: the same partial failure;
 * - the process killed before any answer: the adoption journal (adoptionJournal.ts) keeps the originals
 *   for the next create of the same configuration.
 */
import { AdoptionJournal, originalValues } from "./adoptionJournal";
import { strictlyEqual, valuesToWrite, type DeclaredValue, type SameValue } from "./declaredState";
import { PartialFailureError } from "../../errors";
import { afterWrite, writeMayHaveLanded } from "./partialFailure";

/** What one adoption needs from its provider. */
export interface Adoption<V extends DeclaredValue, T> {
    /** The resource id (also the journal's key). */
    readonly id: string;
    /** For messages: `alert configuration TooManyOwnersAssignedToResource at /subscriptions/...`. */
    readonly description: string;
    /** The values the service holds now (the adoption's first read). */
    readonly live: Readonly<Record<string, V>>;
    /** The values the program declares. */
    readonly declared: Readonly<Record<string, V>>;
    /** How two values of one property compare. @default strict equality */
    readonly same?: SameValue;
    /** The state to record, from the first read, with these originals (kept when a step after the write fails). */
    recordBefore(initialProperties: Record<string, V>): Record<string, unknown>;
    /** Sends the write. */
    write(values: Record<string, V>): Promise<void>;
    /** Reads the configuration again after the write. */
    readBack(): Promise<T>;
}

/** The outcome of an adoption: the originals, and the read-back (undefined when there was nothing to write). */
export interface Adopted<V extends DeclaredValue, T> {
    readonly initialProperties: Record<string, V>;
    readonly after: T | undefined;
}

/** Adopts a configuration; see the module comment for what each failure leaves behind. */
export async function adopt<V extends DeclaredValue, T>(
    adoption: Adoption<V, T>,
    journal: AdoptionJournal = new AdoptionJournal(),
): Promise<Adopted<V, T>> {
    const same = adoption.same ?? strictlyEqual;
    const { id } = adoption;
    const pending = journal.pending(id);
    const initialProperties = originalValues(adoption.live, pending, same);
    const toWrite = valuesToWrite(adoption.declared, adoption.live, same);
    if (Object.keys(toWrite).length === 0) {
        journal.forget(id);
        return { initialProperties, after: undefined };
    }

    journal.recordAttempt(id, initialProperties, toWrite);
    // If the write may have landed, or the read-back fails, record the values from before it: the next `up` writes again.
    const recorded = adoption.recordBefore(initialProperties);
    try {
        await adoption.write(toWrite).catch((error: unknown) => {
            if (!writeMayHaveLanded(error)) throw error;
            throw new PartialFailureError(id, recorded, error, `updating ${adoption.description}`, "unknown");
        });
        const after = await afterWrite(id, recorded, `updated ${adoption.description}`, () => adoption.readBack());
        journal.forget(id);
        return { initialProperties, after };
    } catch (error) {
        // A partial failure carries the originals to the engine; a refused first write changed nothing. Only a
        // refusal after an earlier unrecorded attempt keeps the entry (that attempt may have landed).
        if (error instanceof PartialFailureError || pending === undefined) journal.forget(id);
        throw error;
    }
}
