/**
 * The bound on resource operations in flight, like the engine's step executor with `--parallel`:
 * at most `parallel` provider operations run at once (unbounded by default, as the CLI's).
 *
 * @packageDocumentation
 */

/** Runs tasks with at most `parallel` of them in flight. */
export class StepPool {
    private running = 0;
    private readonly waiting: Array<() => void> = [];

    /**
     * @param parallel - the bound; `Infinity` for none
     * @throws RangeError unless `parallel` is a positive whole number or `Infinity`
     */
    constructor(readonly parallel: number) {
        if (!(parallel === Infinity || (Number.isInteger(parallel) && parallel > 0))) {
            throw new RangeError(`parallel must be a positive whole number (or unbounded); got ${String(parallel)}`);
        }
    }

    /** Runs `task` when a slot is free; resolves or rejects with it. */
    async run<T>(task: () => Promise<T>): Promise<T> {
        // A finishing task hands its slot straight to the next waiter, so the bound holds at every moment.
        if (this.running >= this.parallel) await new Promise<void>((resolve) => this.waiting.push(resolve));
        else this.running += 1;
        try {
            return await task();
        } finally {
            const next = this.waiting.shift();
            if (next) next();
            else this.running -= 1;
        }
    }

    /** Runs every task (bounded), waits for all, and rejects with the first failure once all have ended. */
    async all<T>(tasks: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
        const settled = await Promise.allSettled(tasks.map((task) => this.run(task)));
        const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
        if (failed) throw failed.reason;
        return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
    }
}
