/**
 * The part of the Pulumi engine the runner plays (pkg/resource/deploy: step_generator.go,
 * step_executor.go, step.go): each registration of the program becomes a step (same, create,
 * update or replace) planned one at a time with the provider's Check and Diff, and executed in
 * parallel up to `parallel` operations; refresh and deletes are in ./refreshPhase and
 * ./deletePhase. Resource options: `protect`, `retainOnDelete`, `aliases` (names and parents),
 * `ignoreChanges`, `deleteBeforeReplace`, `dependsOn`/`parent` (ordering), `replaceOnChanges`.
 * The first failed step stops the run: no new step starts, nothing is deleted.
 *
 * @packageDocumentation
 */
import { randomUUID } from "node:crypto";
import type { InitFailure } from "../host/initFailure";
import { findSecretPath, redactSecrets, type Properties, type ResourceState, type StackState } from "./checkpoint";
import { deleteResources } from "./deletePhase";
import type { Goal } from "./goal";
import { applyIgnoreChanges, IgnoreChangesPathError } from "./ignoreChanges";
import { diffProperties } from "./propertyDiff";
import { refreshResources } from "./refreshPhase";
import { RunSnapshot, type Persist } from "./snapshot";
import {
    DYNAMIC_PROVIDER_TYPE,
    StepFailedError,
    stepFor,
    type Diagnostic,
    type EngineHost,
    type StepContext,
} from "./stepContext";
import { StepPool } from "./stepPool";
import type { Step } from "./steps";
import { aliasUrns, createUrn, generateUrn } from "./urns";
import { changedKeys, sameJson } from "./values";

export type { EngineHost } from "./stepContext";

/** The id the engine uses for a value not known before the update. */
export const UNKNOWN_ID = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Options of an {@link Engine}. */
export interface EngineOptions {
    readonly host: EngineHost;
    /** The state the run starts from. */
    readonly previous: StackState;
    readonly project: string;
    readonly stack: string;
    /** Plan only: Check and Diff, no Create/Update/Delete. */
    readonly preview: boolean;
    /** Provider operations in flight at most. @default Infinity */
    readonly parallel?: number;
    /** Writes the state after every change. @default nothing */
    readonly persist?: Persist;
    /** Called as each step finishes (for a streaming display). */
    readonly onStep?: (step: Step) => void;
    readonly onDiagnostic?: (diagnostic: Diagnostic) => void;
    /** The message of a failed provider call. @default the error's message */
    readonly failureMessage?: (error: unknown, operation: string) => string | Promise<string>;
    /** @default the system clock */
    readonly clock?: () => Date;
}

/** What the program gets back for a registration. */
export interface Registered {
    readonly urn: string;
    /** `""` when not known (a preview of a create). */
    readonly id: string;
    readonly outputs: Properties;
}

/** A registration after the first failed step: the engine does not start new steps. */
export class EngineStoppedError extends Error {
    override name = "EngineStoppedError" as const;
}

type Plan =
    | { readonly kind: "same"; readonly old: ResourceState; readonly new: ResourceState }
    | { readonly kind: "create"; readonly new: ResourceState }
    | {
          readonly kind: "update";
          readonly old: ResourceState;
          readonly new: ResourceState;
          readonly diffReasons: readonly string[];
      }
    | {
          readonly kind: "replace";
          readonly old: ResourceState;
          readonly new: ResourceState;
          readonly diffReasons: readonly string[];
          readonly replaceReasons: readonly string[];
          readonly deleteBeforeReplace: boolean;
      };

/** Runs resource operations and keeps the resulting state. */
export class Engine implements StepContext {
    readonly steps: Step[] = [];
    readonly diagnostics: Diagnostic[] = [];
    readonly snapshot: RunSnapshot;
    readonly pool: StepPool;
    readonly host: EngineHost;
    readonly preview: boolean;
    private stopped = false;
    private readonly registered = new Set<string>();
    /** Old URN -> the new URN of the resource an alias matched it to. */
    private readonly aliasedTo = new Map<string, string>();
    /** New URN -> the old URN its alias matched. */
    private readonly aliasOf = new Map<string, string>();
    private planning: Promise<unknown> = Promise.resolve();
    private defaultProvider: string | undefined;

    constructor(private readonly options: EngineOptions) {
        this.host = options.host;
        this.preview = options.preview;
        this.pool = new StepPool(options.parallel ?? Infinity);
        this.snapshot = new RunSnapshot(options.previous, options.persist ?? (() => undefined));
    }

    /** True once a step failed. */
    get failed(): boolean {
        return this.steps.some((s) => s.error !== undefined);
    }

    /** The state after the operations so far. */
    state(): StackState {
        return this.snapshot.state();
    }

    record(step: Step): void {
        const index =
            step.op === "refresh" ? -1 : this.steps.findIndex((s) => s.urn === step.urn && s.op !== "refresh");
        if (index >= 0) this.steps[index] = step;
        else this.steps.push(step);
        if (step.error !== undefined) this.stopped = true;
        this.options.onStep?.(step);
    }

    diagnose(diagnostic: Diagnostic): void {
        this.diagnostics.push(diagnostic);
        this.options.onDiagnostic?.(diagnostic);
    }

    async failureMessage(error: unknown, operation: string): Promise<string> {
        return (
            (await this.options.failureMessage?.(error, operation)) ??
            (error instanceof Error ? error.message : String(error))
        );
    }

    now(): string {
        return (this.options.clock?.() ?? new Date()).toISOString();
    }

    /** Reads every resource in the state (`--refresh`, `pulumi refresh`), in parallel. A failure stops the run. */
    async refresh(): Promise<void> {
        await refreshResources(this).catch((error: unknown) => this.swallowStepFailure(error));
    }

    /**
     * Deletes what no registration took over (every resource, for a destroy), unless a step failed.
     */
    async deleteRemaining(): Promise<void> {
        if (this.stopped) return;
        await deleteResources(this, this.snapshot.remainingResources()).catch((error: unknown) =>
            this.swallowStepFailure(error),
        );
    }

    /** Stops the run without deleting anything (the program failed). */
    stop(): void {
        this.stopped = true;
    }

    /** Records a registration the runner refuses (an option it does not implement) as a failed step. */
    refuse(goal: Goal, message: string): never {
        const urn = this.urnOf(goal);
        const old = this.snapshot.findRemaining(urn);
        return this.failStep(
            {
                ...stepFor(old ? "update" : "create", this.initialState(goal, urn, old, undefined)),
                ...(old ? { old } : {}),
            },
            message,
        );
    }

    /** Notes the URN of a resource the runner mocks (another package's), so it can be a parent. */
    noteForeign(urn: string): void {
        this.registered.add(urn);
    }

    /** The URN the engine gives a registration. */
    urnOf(goal: Pick<Goal, "parent" | "type" | "name">): string {
        return generateUrn(this.options.stack, this.options.project, goal.parent, goal.type, goal.name);
    }

    /**
     * Registers one resource of the program: plans its step (one registration at a time, as the
     * engine's step generator), then runs it.
     *
     * @throws StepFailedError when its step failed; EngineStoppedError after an earlier failure
     */
    async register(goal: Goal): Promise<Registered> {
        if (this.stopped) throw new EngineStoppedError("the update stopped at an earlier failure");
        const urn = this.urnOf(goal);
        const planned = this.planning.then(() => this.plan(goal, urn));
        this.planning = planned.catch(() => undefined);
        return this.execute(await planned);
    }

    /** The outputs a component (or the stack) registered; stack outputs are stored without secrets. */
    registerOutputs(urn: string, outputs: Properties): void {
        const state = this.snapshot.producedResources().find((r) => r.urn === urn);
        if (state) this.snapshot.produce({ ...state, outputs: redactSecrets(outputs) as Properties });
    }

    private swallowStepFailure(error: unknown): void {
        if (!(error instanceof StepFailedError)) throw error;
    }

    private async plan(goal: Goal, urn: string): Promise<Plan> {
        let old: ResourceState | undefined;
        const fail = (message: string): never => {
            const state = old ?? this.initialState(goal, urn, undefined, undefined);
            this.record({ ...stepFor(old ? "update" : "create", state), ...(old ? { old } : {}), error: message });
            throw new StepFailedError(message);
        };
        const label = `${goal.type} resource '${goal.name}'`;
        if (this.stopped) throw new EngineStoppedError("the update stopped at an earlier failure");
        if (this.registered.has(urn)) fail(`Duplicate resource URN '${urn}'; try giving it a unique name`);
        this.registered.add(urn);
        if (goal.parent !== "" && !this.registered.has(goal.parent))
            fail(`${label}: could not find parent resource ${goal.parent}`);
        const secretAt = findSecretPath(goal.inputs, "inputs");
        if (secretAt)
            fail(
                `${label}: ${secretAt} is a secret; the offline runner keeps its state in a plain JSON file and writes no secret to it`,
            );
        const found = this.findOld(urn, goal);
        if (typeof found === "string") fail(found);
        else old = found.old;
        const alias = typeof found === "string" ? undefined : found.alias;
        const state = this.initialState(goal, urn, old, alias);
        if (!goal.custom) {
            if (!old) return { kind: "create", new: state };
            return sameJson(old.inputs, state.inputs)
                ? { kind: "same", old, new: state }
                : { kind: "update", old, new: state, diffReasons: [] };
        }
        return this.planCustom(goal, { ...state, provider: this.ensureDefaultProvider() }, old, fail);
    }

    private async planCustom(
        goal: Goal,
        state: ResourceState,
        old: ResourceState | undefined,
        fail: (message: string) => never,
    ): Promise<Plan> {
        const { host } = this;
        const label = `${goal.type} resource '${goal.name}'`;
        let inputs = goal.inputs;
        if (old) {
            try {
                const reset = applyIgnoreChanges(goal.inputs, old.inputs, goal.ignoreChanges);
                inputs = reset.inputs;
                if (reset.invalid.length > 0) {
                    this.diagnose({
                        severity: "info",
                        urn: state.urn,
                        message: `cannot ignore changes in added or removed elements of the path: "${reset.invalid.join(", ")}"`,
                    });
                }
            } catch (error) {
                if (error instanceof IgnoreChangesPathError) fail(`${label}: ${error.message}`);
                throw error;
            }
        }
        const check = async (olds: Properties, news: Properties): Promise<Properties> => {
            const checked = await host
                .check(goal.type, goal.name, olds, news)
                .catch(async (error: unknown) => fail(await this.failureMessage(error, "checking")));
            if (checked.failures.length > 0) {
                fail(
                    checked.failures
                        .map(
                            (f) =>
                                `${label}: property ${f.property} value {${display(news[f.property])}} has a problem: ${f.reason}`,
                        )
                        .join("\n"),
                );
            }
            return checked.inputs;
        };
        const checked = { ...state, inputs: await check(old ? old.inputs : {}, inputs) };
        if (!old) return { kind: "create", new: checked };

        const diff = await host
            .diff(goal.type, goal.name, old.id, old.outputs, checked.inputs, old.inputs)
            .catch(async (error: unknown) => fail(await this.failureMessage(error, "diffing")));
        // The Node dynamic provider names no changed properties; the engine computes them only when the provider cannot tell.
        const diffReasons = diff.changes === "unknown" ? changedKeys(old.inputs, checked.inputs) : [];
        const changes = diff.changes === "some" || diffReasons.length > 0;
        const replaceOnChanges = diffReasons.filter((key) =>
            goal.replaceOnChanges.some((path) => path === "*" || path === key),
        );
        const replaceReasons = [...new Set([...diff.replaces, ...replaceOnChanges])];
        if (changes && replaceReasons.length === 0 && goal.replaceOnChanges.length > 0 && diff.changes !== "unknown") {
            this.diagnose({
                severity: "warning",
                urn: state.urn,
                message:
                    `replaceOnChanges (${goal.replaceOnChanges.join(", ")}) had no effect: the engine matches it against the changed properties ` +
                    "a provider's diff names, and Pulumi's Node dynamic provider names none (the same happens under the Pulumi CLI)",
            });
        }
        if (!changes && !old.pendingReplacement) {
            return old.initErrors.length > 0
                ? { kind: "update", old, new: checked, diffReasons }
                : { kind: "same", old, new: checked };
        }
        if (replaceReasons.length === 0 && !old.pendingReplacement)
            return { kind: "update", old, new: checked, diffReasons };
        if (checked.protect && old.protect) {
            fail(
                `unable to replace resource "${state.urn}"\nas it is currently marked for protection. To unprotect the resource, ` +
                    "remove the `protect` flag from the resource in your Pulumi program and run `pulumi up`",
            );
        }
        const deleteBeforeReplace = goal.deleteBeforeReplace ?? diff.deleteBeforeReplace;
        if (deleteBeforeReplace) this.refuseDependentReplacements(old, fail);
        // A replacement starts from the program's inputs alone, so Check recomputes every default.
        const rechecked = { ...checked, inputs: await check({}, goal.inputs) };
        return { kind: "replace", old, new: rechecked, diffReasons, replaceReasons, deleteBeforeReplace };
    }

    /** The engine would also replace resources whose inputs come from a delete-before-replace resource: not implemented. */
    private refuseDependentReplacements(old: ResourceState, fail: (message: string) => never): void {
        const dependent = this.snapshot
            .remainingResources()
            .find(
                (r) =>
                    r !== old &&
                    r.custom &&
                    !this.registered.has(r.urn) &&
                    Object.values(r.propertyDependencies).flat().includes(old.urn),
            );
        if (dependent) {
            fail(
                `replacing "${old.urn}" with deleteBeforeReplace would also replace "${dependent.urn}", whose inputs come from it: ` +
                    "the offline runner does not implement replacing dependents",
            );
        }
    }

    private async execute(plan: Plan): Promise<Registered> {
        switch (plan.kind) {
            case "same":
                return this.executeSame(plan.old, plan.new);
            case "create":
                return this.executeCreate(plan.new);
            case "update":
                return this.executeUpdate(plan.old, plan.new, plan.diffReasons);
            case "replace":
                return this.executeReplace(plan);
        }
    }

    private executeSame(old: ResourceState, planned: ResourceState): Registered {
        const next: ResourceState = {
            ...planned,
            id: old.id,
            outputs: old.outputs,
            initErrors: [],
            ...times(old.created, old.modified),
        };
        this.snapshot.produce(next, old);
        this.record({ ...stepFor("same", next), old, new: next });
        return { urn: next.urn, id: next.id, outputs: next.outputs };
    }

    private async executeCreate(planned: ResourceState): Promise<Registered> {
        const diffs = diffProperties({}, planned.inputs);
        if (!planned.custom || this.preview) {
            const next: ResourceState = {
                ...planned,
                outputs: planned.custom ? planned.inputs : {},
                ...times(this.now(), this.now()),
            };
            this.snapshot.produce(next);
            this.record({ ...stepFor("create", next), new: next, diffs });
            return { urn: next.urn, id: "", outputs: next.outputs };
        }
        return this.pool.run(async () => {
            const end = this.snapshot.begin({ resource: planned, type: "creating" });
            try {
                const created = await this.host.create(planned.type, planned.name, planned.inputs);
                const next: ResourceState = {
                    ...planned,
                    id: created.id,
                    outputs: created.properties,
                    ...times(this.now(), this.now()),
                };
                this.snapshot.produce(next);
                this.record({ ...stepFor("create", next), new: next, diffs });
                return { urn: next.urn, id: next.id, outputs: next.outputs };
            } catch (error) {
                const failure = initFailureOf(error);
                // The object exists: keep it, marked for another update.
                if (failure)
                    this.snapshot.produce({
                        ...planned,
                        id: failure.id,
                        outputs: failure.properties,
                        initErrors: failure.reasons,
                        ...times(this.now(), this.now()),
                    });
                return this.failStep(
                    { ...stepFor("create", planned), new: planned, diffs },
                    await this.failureMessage(error, "creating"),
                );
            } finally {
                end();
            }
        });
    }

    private async executeUpdate(
        old: ResourceState,
        planned: ResourceState,
        diffReasons: readonly string[],
    ): Promise<Registered> {
        const step = {
            ...stepFor("update", planned),
            old,
            diffs: diffProperties(old.inputs, planned.inputs),
            diffReasons,
        };
        if (!planned.custom || this.preview) {
            const outputs = planned.custom ? planned.inputs : old.outputs;
            const next: ResourceState = { ...planned, id: old.id, outputs, ...times(old.created, this.now()) };
            this.snapshot.produce(next, old);
            this.record({ ...step, new: next });
            return { urn: next.urn, id: next.id, outputs };
        }
        return this.pool.run(async () => {
            const end = this.snapshot.begin({ resource: planned, type: "updating" });
            try {
                const updated = await this.host.update(
                    planned.type,
                    planned.name,
                    old.id,
                    old.outputs,
                    planned.inputs,
                    old.inputs,
                );
                const next: ResourceState = {
                    ...planned,
                    id: old.id,
                    outputs: updated.properties,
                    initErrors: [],
                    ...times(old.created, this.now()),
                };
                this.snapshot.produce(next, old);
                this.record({ ...step, new: next });
                return { urn: next.urn, id: next.id, outputs: next.outputs };
            } catch (error) {
                const failure = initFailureOf(error);
                // A partly failed update keeps the old inputs with the outputs the provider reported, as the engine does.
                if (failure) {
                    const kept = {
                        ...planned,
                        inputs: old.inputs,
                        id: old.id,
                        outputs: failure.properties,
                        initErrors: failure.reasons,
                        ...times(old.created, this.now()),
                    };
                    this.snapshot.produce(kept, old);
                }
                return this.failStep({ ...step, new: planned }, await this.failureMessage(error, "updating"));
            } finally {
                end();
            }
        });
    }

    private async executeReplace(plan: Extract<Plan, { kind: "replace" }>): Promise<Registered> {
        const { old } = plan;
        const step = {
            ...stepFor("replace", plan.new),
            old,
            new: plan.new,
            diffs: diffProperties(old.inputs, plan.new.inputs, plan.replaceReasons),
            diffReasons: plan.diffReasons,
            replaceReasons: plan.replaceReasons,
        };
        if (this.preview) {
            const next: ResourceState = { ...plan.new, outputs: plan.new.inputs, ...times(this.now(), this.now()) };
            this.snapshot.produce(next, old);
            this.record({ ...step, new: next });
            return { urn: next.urn, id: "", outputs: next.outputs };
        }
        return this.pool.run(async () => {
            let replaced = old;
            if (plan.deleteBeforeReplace && !old.pendingReplacement) {
                const end = this.snapshot.begin({ resource: old, type: "deleting" });
                try {
                    if (!old.retainOnDelete)
                        await this.host.delete(old.type, old.name, old.id, old.outputs, old.inputs);
                } catch (error) {
                    return this.failStep(step, await this.failureMessage(error, "deleting"));
                } finally {
                    end();
                }
                // Deleted, not yet created again: the record says so until the create succeeds.
                replaced = { ...old, pendingReplacement: true };
                this.snapshot.replaceRemaining(old, replaced);
            }
            const end = this.snapshot.begin({ resource: plan.new, type: "creating" });
            try {
                const created = await this.host.create(plan.new.type, plan.new.name, plan.new.inputs);
                const next: ResourceState = {
                    ...plan.new,
                    id: created.id,
                    outputs: created.properties,
                    ...times(this.now(), this.now()),
                };
                if (plan.deleteBeforeReplace) this.snapshot.produce(next, replaced);
                else {
                    this.snapshot.produce(next);
                    // Create-before-delete: the old one is deleted with the other deletes, at the end.
                    this.snapshot.replaceRemaining(old, { ...old, delete: true });
                }
                this.record({ ...step, new: next });
                return { urn: next.urn, id: next.id, outputs: next.outputs };
            } catch (error) {
                return this.failStep(step, await this.failureMessage(error, "creating"));
            } finally {
                end();
            }
        });
    }

    private failStep(step: Step, message: string): never {
        this.record({ ...step, error: message });
        throw new StepFailedError(message);
    }

    /** The previous resource this registration takes over (by URN, then by alias), or an error message. */
    private findOld(urn: string, goal: Goal): { old?: ResourceState; alias?: string } | string {
        const { stack, project } = this.options;
        const aliases = aliasUrns(
            { stack, project, aliasOf: (u) => this.aliasOf.get(u) },
            goal.name,
            goal.type,
            goal.parent,
            goal.aliases,
        );
        const claimedBy = this.aliasedTo.get(urn);
        if (claimedBy !== undefined)
            return `Duplicate resource URN '${urn}' conflicting with alias on resource with URN '${claimedBy}'`;
        for (const candidate of [urn, ...aliases]) {
            if (candidate !== urn) {
                // An old resource another registration already took, by its URN or by an alias.
                const wasPrevious = this.snapshot.previous.resources.some((r) => r.urn === candidate && !r.delete);
                const other =
                    this.aliasedTo.get(candidate) ??
                    (wasPrevious && this.registered.has(candidate) ? candidate : undefined);
                if (other !== undefined) {
                    return `Duplicate resource alias '${candidate}' applied to resource with URN '${urn}' conflicting with resource with URN '${other}'`;
                }
            }
            const old = this.snapshot.findRemaining(candidate);
            if (!old) continue;
            if (candidate === urn) return { old };
            this.aliasedTo.set(candidate, urn);
            this.aliasOf.set(urn, candidate);
            this.snapshot.renameReferences(candidate, urn);
            return { old, alias: candidate };
        }
        return {};
    }

    private initialState(
        goal: Goal,
        urn: string,
        old: ResourceState | undefined,
        alias: string | undefined,
    ): ResourceState {
        return {
            urn,
            name: goal.name,
            type: goal.type,
            custom: goal.custom,
            delete: false,
            id: "",
            inputs: goal.inputs,
            outputs: {},
            parent: goal.parent,
            protect: goal.protect ?? false,
            dependencies: goal.dependencies,
            initErrors: [],
            provider: "",
            propertyDependencies: goal.propertyDependencies,
            pendingReplacement: false,
            aliases: alias === undefined ? [] : [alias],
            retainOnDelete: goal.retainOnDelete ?? false,
            ignoreChanges: goal.ignoreChanges,
            replaceOnChanges: goal.replaceOnChanges,
            ...times(old?.created, old?.modified),
        };
    }

    /** The reference to the default provider of dynamic resources, registered (internally) on first use. */
    private ensureDefaultProvider(): string {
        if (this.defaultProvider !== undefined) return this.defaultProvider;
        const urn = createUrn(this.options.stack, this.options.project, DYNAMIC_PROVIDER_TYPE, "default");
        const old = this.snapshot.findRemaining(urn);
        const id = old?.id ?? (this.preview ? UNKNOWN_ID : randomUUID());
        const provider: ResourceState = old ?? {
            ...this.initialState(
                {
                    type: DYNAMIC_PROVIDER_TYPE,
                    name: "default",
                    parent: "",
                    custom: true,
                    inputs: {},
                    protect: undefined,
                    retainOnDelete: undefined,
                    deleteBeforeReplace: undefined,
                    dependencies: [],
                    propertyDependencies: {},
                    ignoreChanges: [],
                    replaceOnChanges: [],
                    aliases: [],
                },
                urn,
                undefined,
                undefined,
            ),
            id,
            ...times(this.now(), this.now()),
        };
        this.snapshot.produce(provider, old);
        this.registered.add(urn);
        this.defaultProvider = `${urn}::${id}`;
        return this.defaultProvider;
    }
}

function times(created: string | undefined, modified: string | undefined): { created?: string; modified?: string } {
    return { ...(created !== undefined ? { created } : {}), ...(modified !== undefined ? { modified } : {}) };
}

function initFailureOf(error: unknown): InitFailure | undefined {
    return typeof error === "object" && error !== null
        ? (error as { initFailure?: InitFailure }).initFailure
        : undefined;
}

/** A value the way the engine prints a property value in a check failure (`%v` of a Go PropertyValue). */
function display(value: unknown): string {
    return typeof value === "string" ? value : (JSON.stringify(value) ?? "null");
}
