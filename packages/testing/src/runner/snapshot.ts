/**
 * The state of a stack while a run changes it, written after every change the way the engine's
 * snapshot manager journals steps: resources this run produced (in the order their steps finished)
 * followed by the previous resources no step has taken over yet; an operation is recorded as
 * pending when it starts and cleared when it ends, so a run that is killed leaves a record of what
 * was in flight. A pending create of an earlier run is carried forward until cleared (it needs a
 * person to decide); the other pending operations of an earlier run are dropped once reported.
 *
 * @packageDocumentation
 */
import type { PendingOperation, ResourceState, StackState } from "./checkpoint";

/** Writes the state somewhere (the state file), or nowhere in a preview. */
export type Persist = (state: StackState) => void;

/** The stack's state during a run. */
export class RunSnapshot {
    private readonly produced: ResourceState[] = [];
    private readonly remaining: ResourceState[];
    private readonly inFlight: PendingOperation[] = [];
    private carriedPendingCreates: PendingOperation[];

    /**
     * @param previous - the state the run starts from
     * @param persist - called with the whole state after every change
     */
    constructor(
        readonly previous: StackState,
        private readonly persist: Persist,
    ) {
        this.remaining = [...previous.resources];
        this.carriedPendingCreates = previous.pendingOperations.filter((op) => op.type === "creating");
    }

    /** The state as it would be written now. */
    state(): StackState {
        return {
            resources: [...this.produced, ...this.remaining],
            pendingOperations: [...this.carriedPendingCreates, ...this.inFlight],
        };
    }

    /** The previous resources no step has taken over or deleted yet, in state order. */
    remainingResources(): readonly ResourceState[] {
        return this.remaining;
    }

    /** The resources this run produced, in the order their steps finished. */
    producedResources(): readonly ResourceState[] {
        return this.produced;
    }

    /** The live (not pending-delete) previous resource with `urn`, if still there. */
    findRemaining(urn: string): ResourceState | undefined {
        return this.remaining.find((r) => r.urn === urn && !r.delete);
    }

    /** Records `state` as produced by this run, taking over `old` (a previous resource) if given. */
    produce(state: ResourceState, old?: ResourceState): void {
        if (old) this.drop(old);
        const index = this.produced.findIndex((r) => r.urn === state.urn);
        if (index >= 0) this.produced[index] = state;
        else this.produced.push(state);
        this.write();
    }

    /** Replaces the previous resource `old` by `state` where it stands (a refresh, a mark for deletion). */
    replaceRemaining(old: ResourceState, state: ResourceState): void {
        const index = this.indexOf(old);
        if (index >= 0) this.remaining[index] = state;
        this.write();
    }

    /** Removes a previous resource (deleted, or taken over). */
    remove(old: ResourceState): void {
        this.drop(old);
        this.write();
    }

    /** Rewrites references to `from` (parent, dependencies) in the previous resources to `to`: an alias matched. */
    renameReferences(from: string, to: string): void {
        const rename = (urn: string): string => (urn === from ? to : urn);
        for (const [i, r] of this.remaining.entries()) {
            const refers =
                r.parent === from ||
                r.dependencies.includes(from) ||
                Object.values(r.propertyDependencies).some((urns) => urns.includes(from));
            if (!refers) continue;
            this.remaining[i] = {
                ...r,
                parent: rename(r.parent),
                dependencies: r.dependencies.map(rename),
                propertyDependencies: Object.fromEntries(
                    Object.entries(r.propertyDependencies).map(([k, urns]) => [k, urns.map(rename)]),
                ),
            };
        }
    }

    /** Records an operation as started; returns the function that records its end. */
    begin(operation: PendingOperation): () => void {
        this.inFlight.push(operation);
        this.write();
        return () => {
            const index = this.inFlight.indexOf(operation);
            if (index >= 0) this.inFlight.splice(index, 1);
            this.write();
        };
    }

    /** Forgets the pending creates of earlier runs (`refresh --clear-pending-creates`). */
    clearPendingCreates(): void {
        this.carriedPendingCreates = [];
        this.write();
    }

    /** Writes the state (after a step that changes nothing else, e.g. outputs). */
    write(): void {
        this.persist(this.state());
    }

    private drop(old: ResourceState): void {
        const index = this.indexOf(old);
        if (index >= 0) this.remaining.splice(index, 1);
    }

    /** Where `old` stands: the same object, or the one a rename or refresh put in its place. */
    private indexOf(old: ResourceState): number {
        const same = this.remaining.indexOf(old);
        return same >= 0
            ? same
            : this.remaining.findIndex((r) => r.urn === old.urn && r.id === old.id && r.delete === old.delete);
    }
}
