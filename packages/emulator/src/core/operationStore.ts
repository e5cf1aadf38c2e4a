import { randomUUID } from "node:crypto";

/** Where a refresh operation stands. */
export type OperationPhase = "running" | "succeeded" | "failed";

/** A long-running refresh operation; `info` is what the owning API needs to describe it. */
export interface StoredOperation<TInfo> {
    readonly id: string;
    readonly info: TInfo;
    readonly createdAt: Date;
    readonly lastActionAt: Date;
    readonly phase: OperationPhase;
    /** Polls still answered with `running` before the final phase. */
    readonly pollsRemaining: number;
    /** The final phase decided at start (admin `failNextOperation` makes it `failed`). */
    readonly outcome: "succeeded" | "failed";
}

/** How to start an operation. */
export interface OperationStart<TInfo> {
    /** Operation id; a fresh GUID when absent. Starting an id again replaces the earlier operation. */
    readonly id?: string;
    readonly info: TInfo;
    readonly pollsUntilDone: number;
    readonly fail: boolean;
    /** Applied once, when the operation reaches `succeeded` (the refresh takes effect then). */
    readonly onSucceeded: () => void;
}

/** Refresh operations of one API, advanced by polling (deterministic: no timers). */
export class OperationStore<TInfo> {
    private readonly operations = new Map<string, StoredOperation<TInfo>>();
    private readonly completions = new Map<string, () => void>();

    /**
     * Starts an operation in phase `running`.
     * @param start - Its description, poll count, outcome and completion effect.
     * @param now - Creation time.
     */
    start(start: OperationStart<TInfo>, now: Date): StoredOperation<TInfo> {
        const operation: StoredOperation<TInfo> = {
            id: start.id ?? randomUUID(),
            info: start.info,
            createdAt: now,
            lastActionAt: now,
            phase: "running",
            pollsRemaining: Math.max(0, Math.floor(start.pollsUntilDone)),
            outcome: start.fail ? "failed" : "succeeded",
        };
        this.operations.set(operation.id.toLowerCase(), operation);
        this.completions.set(operation.id.toLowerCase(), start.onSucceeded);
        return operation;
    }

    /**
     * Records one poll and returns the operation as that poll sees it: `running` while polls remain,
     * then the final phase (applying the success effect exactly once).
     * @param id - Operation id (case-insensitive).
     * @param now - Poll time.
     */
    poll(id: string, now: Date): StoredOperation<TInfo> | undefined {
        const current = this.find(id);
        if (current === undefined || current.phase !== "running") return current;
        const next: StoredOperation<TInfo> =
            current.pollsRemaining > 0
                ? { ...current, pollsRemaining: current.pollsRemaining - 1 }
                : { ...current, phase: current.outcome, lastActionAt: now };
        this.operations.set(next.id.toLowerCase(), next);
        if (next.phase === "succeeded") this.completions.get(next.id.toLowerCase())?.();
        return next;
    }

    /**
     * The operation with this id, without polling it.
     * @param id - Operation id (case-insensitive).
     */
    find(id: string): StoredOperation<TInfo> | undefined {
        return this.operations.get(id.toLowerCase());
    }

    /** Forgets every operation. */
    clear(): void {
        this.operations.clear();
        this.completions.clear();
    }
}
