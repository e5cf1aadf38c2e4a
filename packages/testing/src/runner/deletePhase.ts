/**
 * Deletes as the engine makes them (`GenerateDeletes`, `ScheduleDeletes`, `DeleteStep`): the
 * resources to delete are split into antichains (sets of resources none of which depends on
 * another, parents and providers counting as dependencies), run one antichain after the other,
 * dependents first, each antichain in parallel (bounded by `parallel`). A protected resource is
 * refused, in a preview too; a resource with `retainOnDelete` leaves the state without a call to
 * the provider; a component or a provider has no provider call either.
 *
 * @packageDocumentation
 */
import type { ResourceState } from "./checkpoint";
import { isProviderType, providerUrn, stepFor, StepFailedError, type StepContext } from "./stepContext";

/** The message of the engine's `deleteProtectedError`. */
export function deleteProtectedMessage(urn: string): string {
    return (
        `resource "${urn}" cannot be deleted\nbecause it is protected. To unprotect the resource, either remove the \`protect\` flag ` +
        `from the resource in your Pulumi program and run \`pulumi up\`, or use the command:\n\`pulumi state unprotect '${urn}'\``
    );
}

/** The URNs `r` depends on: parent, dependencies, property dependencies and provider. */
export function dependenciesOf(r: ResourceState): string[] {
    const all = [r.parent, ...r.dependencies, ...Object.values(r.propertyDependencies).flat()];
    if (r.provider !== "") all.push(providerUrn(r.provider));
    return all.filter((urn) => urn !== "");
}

/**
 * The antichains in which `condemned` can be deleted: a resource only after every resource of
 * `condemned` that depends on it.
 */
export function scheduleDeletes(condemned: readonly ResourceState[]): ResourceState[][] {
    const left = new Set(condemned);
    const byUrn = new Map<string, ResourceState[]>();
    for (const r of condemned) byUrn.set(r.urn, [...(byUrn.get(r.urn) ?? []), r]);
    const layers: ResourceState[][] = [];
    while (left.size > 0) {
        // Resources whose dependencies are all out of the set: deleted after everything that depends on them.
        const layer = [...left].filter((r) =>
            dependenciesOf(r).every((urn) => !(byUrn.get(urn) ?? []).some((d) => d !== r && left.has(d))),
        );
        // A dependency cycle cannot come from a program; take the rest as one layer rather than loop.
        const taken = layer.length > 0 ? layer : [...left];
        for (const r of taken) left.delete(r);
        layers.push(taken);
    }
    return layers.reverse();
}

/**
 * Deletes `condemned` (previous resources) in dependency order.
 *
 * @throws StepFailedError when a delete failed (after the deletes in flight have ended; later
 *   antichains do not start)
 */
export async function deleteResources(context: StepContext, condemned: readonly ResourceState[]): Promise<void> {
    for (const antichain of scheduleDeletes(condemned)) {
        await context.pool.all(antichain.map((old) => () => deleteOne(context, old)));
    }
}

/** The step that deletes `old` (a replaced resource when `old.delete`). */
export async function deleteOne(context: StepContext, old: ResourceState): Promise<void> {
    const replacing = old.delete;
    const internal = isProviderType(old.type) && old.name === "default";
    const op = replacing ? "replace" : "delete";
    const fail = (message: string): never => {
        context.record({ ...stepFor(op, old), old, error: message });
        throw new StepFailedError(message);
    };
    if (old.protect && !replacing) fail(deleteProtectedMessage(old.urn));
    if (old.pendingReplacement) {
        // Deleted by an earlier delete-before-replace: only the record is left to remove.
        if (!context.preview) context.snapshot.remove(old);
        return;
    }
    if (!context.preview) {
        const end = context.snapshot.begin({ resource: old, type: "deleting" });
        try {
            if (old.custom && !old.retainOnDelete && !isProviderType(old.type)) {
                await context.host.delete(old.type, old.name, old.id, old.outputs, old.inputs);
            }
        } catch (error) {
            fail(await context.failureMessage(error, "deleting"));
        } finally {
            end();
        }
        context.snapshot.remove(old);
    }
    if (!internal && !replacing)
        context.record({ ...stepFor("delete", old), old, ...(old.retainOnDelete ? { retained: true } : {}) });
}
