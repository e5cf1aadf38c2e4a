/**
 * Refresh as the engine does it before a program runs (`deploymentExecutor.refresh`, `RefreshStep`):
 * every resource in the state is read in parallel (bounded by `parallel`); a custom resource's Read
 * gives its live state, the provider's Diff of the live state against the recorded inputs says
 * whether it drifted; an empty id means it is gone and leaves the state. Components and providers
 * never change on a refresh.
 *
 * @packageDocumentation
 */
import type { ResourceState } from "./checkpoint";
import { diffProperties } from "./propertyDiff";
import { isProviderType, stepFor, StepFailedError, type StepContext } from "./stepContext";
import type { RefreshResult } from "./steps";
import { sameJson } from "./values";

/**
 * Refreshes the previous resources still in the snapshot.
 *
 * @throws StepFailedError when a read failed (after every read in flight has ended)
 */
export async function refreshResources(context: StepContext): Promise<void> {
    const targets = context.snapshot.remainingResources().filter((r) => !isDefaultProvider(r));
    await context.pool.all(targets.map((old) => () => refreshOne(context, old)));
}

function isDefaultProvider(r: ResourceState): boolean {
    return isProviderType(r.type) && r.name === "default";
}

async function refreshOne(context: StepContext, old: ResourceState): Promise<void> {
    if (!old.custom || isProviderType(old.type) || old.pendingReplacement) {
        context.record({ ...stepFor("refresh", old), old, new: old, refreshResult: "same" });
        return;
    }
    const { host } = context;
    let read;
    try {
        read = await host.read(old.type, old.name, old.id, old.outputs, old.inputs);
    } catch (error) {
        const message = await context.failureMessage(error, "reading");
        context.record({ ...stepFor("refresh", old), old, error: message });
        throw new StepFailedError(message);
    }
    if (read.id === "") {
        context.snapshot.remove(old);
        context.record({
            ...stepFor("refresh", old),
            old,
            diffs: [{ key: "(resource)", kind: "delete", old: JSON.stringify(old.id), replaces: false }],
            refreshResult: "delete",
        });
        return;
    }
    const inputs = (read.inputs ?? old.inputs) as Record<string, unknown>;
    const outputs = read.properties as Record<string, unknown>;
    const changed = !sameJson(inputs, old.inputs) || !sameJson(outputs, old.outputs);
    const refreshed: ResourceState = {
        ...old,
        id: read.id,
        inputs,
        outputs,
        ...(changed ? { modified: context.now() } : {}),
    };
    let result: RefreshResult;
    try {
        // The diff `up` would make right after this refresh, framed the other way round: live state
        // as the old side, the recorded inputs as the new side.
        const diff = await host.diff(old.type, old.name, refreshed.id, refreshed.outputs, old.inputs, refreshed.inputs);
        result =
            diff.changes === "some" || (diff.changes === "unknown" && !sameJson(inputs, old.inputs))
                ? "update"
                : "same";
    } catch (error) {
        const message = await context.failureMessage(error, "diffing");
        context.record({ ...stepFor("refresh", old), old, error: message });
        throw new StepFailedError(message);
    }
    context.snapshot.replaceRemaining(old, refreshed);
    context.record({
        ...stepFor("refresh", old),
        old,
        new: refreshed,
        diffs: diffProperties(old.inputs, inputs),
        refreshResult: result,
    });
}
