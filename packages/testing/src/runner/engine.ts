/**
 * The part of the Pulumi engine the runner needs: for each registered dynamic resource it runs
 * Check, Diff and Create/Update (or replacement) against the provider host, refreshes with Read,
 * and deletes what the program no longer declares — recording every step and the new state.
 */
import type { ProviderHost } from "../host/providerHost";
import { diffProperties } from "./propertyDiff";
import type { ResourceState, StackState } from "./stackState";
import { shortType, type Step } from "./steps";

/** The provider host calls the engine makes. */
export type EngineHost = Pick<ProviderHost, "check" | "diff" | "create" | "read" | "update" | "delete">;

/** What the host reports when a write reached Azure but the operation did not finish. */
interface InitFailure {
    readonly id: string;
    readonly properties: Record<string, unknown>;
    readonly reasons: readonly string[];
}

export interface EngineOptions {
    readonly host: EngineHost;
    readonly state: StackState;
    /** Plan only: Check and Diff, no Create/Update/Delete. */
    readonly preview: boolean;
    /** Called as each step completes (for streaming display). */
    readonly onStep?: (step: Step) => void;
}

/** Runs resource operations and keeps the resulting state. */
export class Engine {
    readonly steps: Step[] = [];
    /** Set when the program failed: then nothing is deleted for not having been registered. */
    failedProgram = false;
    private readonly resources = new Map<string, ResourceState>();
    private readonly registered = new Set<string>();
    private readonly order: string[] = [];

    constructor(private readonly options: EngineOptions) {
        for (const r of options.state.resources) {
            this.resources.set(r.urn, r);
            this.order.push(r.urn);
        }
    }

    /** The state after the operations so far. */
    state(): StackState {
        return { version: 1, resources: this.order.map((urn) => this.resources.get(urn)).filter((r): r is ResourceState => r !== undefined) };
    }

    /** True when some step failed. */
    get failed(): boolean {
        return this.steps.some((s) => s.error !== undefined);
    }

    /** Registers one resource of the program; returns the id and state the program sees. */
    async register(urn: string, type: string, name: string, inputs: Record<string, unknown>): Promise<{ id: string; state: Record<string, unknown> }> {
        this.registered.add(urn);
        try {
            return await this.apply(urn, type, name, inputs);
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            const step = this.steps.find((s) => s.urn === urn && s.op !== "refresh");
            if (step && step.error === undefined) this.record({ ...step, error: message });
            throw error;
        }
    }

    private async apply(urn: string, type: string, name: string, inputs: Record<string, unknown>): Promise<{ id: string; state: Record<string, unknown> }> {
        const old = this.resources.get(urn);
        const { host, preview } = this.options;
        const checked = await host.check(type, name, old?.inputs ?? {}, inputs);
        if (checked.failures.length > 0) {
            const message = checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ");
            this.record({ urn, type: shortType(type), name, op: old ? "update" : "create", diffs: [], error: `check failed: ${message}` });
            throw new Error(`${name}: ${message}`);
        }
        const news = checked.inputs as Record<string, unknown>;
        if (!old) {
            this.record({ urn, type: shortType(type), name, op: "create", diffs: diffProperties({}, news) });
            if (preview) return { id: "", state: news };
            const created = await this.write(urn, type, name, news, () => host.create(type, name, news));
            return { id: created.id, state: created.outputs };
        }
        const diff = await host.diff(type, name, old.id, old.outputs, news, old.inputs);
        const mustUpdate = diff.changes === "some" || (old.initErrors?.length ?? 0) > 0;
        if (!mustUpdate) {
            this.record({ urn, type: shortType(type), name, op: "same", diffs: [] });
            this.resources.set(urn, { ...old, inputs: news });
            return { id: old.id, state: old.outputs };
        }
        const replacing = diff.replaces.length > 0;
        this.record({ urn, type: shortType(type), name, op: replacing ? "replace" : "update", diffs: diffProperties(old.inputs, news, diff.replaces) });
        if (preview) return { id: old.id, state: { ...old.outputs, ...news } };
        if (replacing) {
            // Create-before-delete, as the engine does by default.
            const created = await this.write(urn, type, name, news, () => host.create(type, name, news));
            await host.delete(type, name, old.id, old.outputs, old.inputs);
            return { id: created.id, state: created.outputs };
        }
        const updated = await this.write(urn, type, name, news, async () => ({
            id: old.id,
            ...(await host.update(type, name, old.id, old.outputs, news, old.inputs)),
        }));
        return { id: old.id, state: updated.outputs };
    }

    /** Reads every resource in the state (what `--refresh` does), recording what changed in Azure. */
    async refreshAll(): Promise<void> {
        for (const urn of [...this.order]) {
            const r = this.resources.get(urn);
            if (!r) continue;
            const read = await this.options.host.read(r.type, r.name, r.id, r.outputs, r.inputs);
            if (read.id === "") {
                this.resources.delete(urn);
                this.record({
                    urn,
                    type: shortType(r.type),
                    name: r.name,
                    op: "refresh",
                    diffs: [{ key: "(resource)", kind: "delete", old: JSON.stringify(r.id), replaces: false }],
                });
                continue;
            }
            const inputs = (read.inputs ?? r.inputs) as Record<string, unknown>;
            this.resources.set(urn, { ...r, id: read.id, outputs: read.properties as Record<string, unknown>, inputs });
            this.record({ urn, type: shortType(r.type), name: r.name, op: "refresh", diffs: diffProperties(r.inputs, inputs) });
        }
    }

    /** Deletes (or, in a preview, plans deleting) every resource the program did not register. */
    async deleteUnregistered(): Promise<void> {
        for (const urn of [...this.order].reverse()) {
            const r = this.resources.get(urn);
            if (!r || this.registered.has(urn)) continue;
            if (this.failedProgram) continue; // never delete because a failed program did not get far
            this.record({ urn, type: shortType(r.type), name: r.name, op: "delete", diffs: [] });
            if (this.options.preview) continue;
            await this.options.host.delete(r.type, r.name, r.id, r.outputs, r.inputs);
            this.resources.delete(urn);
        }
    }

    private async write(
        urn: string,
        type: string,
        name: string,
        inputs: Record<string, unknown>,
        call: () => Promise<{ id: string; properties: Record<string, unknown> }>,
    ): Promise<{ id: string; outputs: Record<string, unknown> }> {
        try {
            const { id, properties } = await call();
            this.put({ urn, type, name, id, inputs, outputs: properties });
            return { id, outputs: properties };
        } catch (error) {
            const failure = (error as { initFailure?: InitFailure }).initFailure;
            // The write reached Azure: keep the state the provider reported, marked for another update.
            if (failure) this.put({ urn, type, name, id: failure.id, inputs, outputs: failure.properties, initErrors: failure.reasons });
            throw error;
        }
    }

    private put(r: ResourceState): void {
        if (!this.resources.has(r.urn)) this.order.push(r.urn);
        this.resources.set(r.urn, r);
    }

    private record(step: Step): void {
        const index = this.steps.findIndex((s) => s.urn === step.urn && s.op !== "refresh" && step.op !== "refresh");
        if (index >= 0) this.steps[index] = step;
        else this.steps.push(step);
        this.options.onStep?.(step);
    }
}
