/**
 * The dynamic provider of {@link AlertConfiguration}. This module's exports ARE the provider:
 * Pulumi serializes it as one `require(...)` of this file, so no code and no secret lands in state.
 *
 * Lifecycle of a configuration that always exists in Azure (like azurerm's role management policy):
 * create adopts it (GET, PATCH what the program declares, GET); delete leaves it as it is, or puts
 * the declared properties back to their adopted values when `onDelete` is "restore".
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isArmAlertId, type ArmAlertId } from "../arm/catalog";
import { describeAlertResource, formatAlertResourceId, alertResourceIdOf } from "../arm/configurationId";
import { checkAlertConfiguration } from "./arm/configurationCheck";
import {
    configurationOutputs,
    declaredValues,
    diffConfiguration,
    managementFromState,
    managementOf,
    refreshedInputs,
    valuesToWrite,
} from "./arm/configurationState";
import { isRecord } from "./common/declaredState";
import { adopt } from "./common/adoption";
import { afterWrite } from "./common/partialFailure";
import { armAlertsClient, configureRuntime } from "./runtime";

type Props = Record<string, unknown>;

/** Receives the stack config once per provider process. */
export function configure(request: dynamic.ConfigureRequest): Promise<void> {
    configureRuntime((key) => request.config.get(key));
    return Promise.resolve();
}

/** Validates inputs without any network call. */
export function check(olds: Props, news: Props): Promise<dynamic.CheckResult<Props>> {
    return Promise.resolve(checkAlertConfiguration(olds ?? {}, news));
}

/** No change when the declared values equal the stored ones; scope or alertId changes replace. */
export function diff(_id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
    const result = diffConfiguration(olds, news);
    return Promise.resolve({ changes: result.changes, replaces: result.replaces, deleteBeforeReplace: false });
}

/**
 * Adopts the configuration: GET (kept as initialProperties), PATCH the declared values that differ, GET.
 * A PATCH whose outcome is unknown fails as a partial failure that keeps the originals (common/adoption.ts).
 */
export async function create(inputs: Props): Promise<dynamic.CreateResult<Props>> {
    const scope = inputs["scope"] as string;
    const alertId = inputs["alertId"] as ArmAlertId;
    const arm = armAlertsClient();
    const before = await arm.getConfiguration(scope, alertId);
    const management = managementOf(alertId, inputs);
    const ref = { scope, alertId, collection: "roleManagementAlertConfigurations" } as const;
    const id = formatAlertResourceId(ref);
    const { initialProperties, after } = await adopt({
        id,
        description: describeAlertResource(ref),
        live: before.values,
        declared: declaredValues(alertId, inputs),
        recordBefore: (initial) => ({
            ...configurationOutputs(before, scope, management, initial),
            __provider: inputs["__provider"],
        }),
        write: (values) => arm.patchConfiguration(scope, alertId, values),
        readBack: () => arm.getConfiguration(scope, alertId),
    });
    return { id, outs: configurationOutputs(after ?? before, scope, management, initialProperties) };
}

/**
 * Reads live values; works from the id alone; an object that is gone (404) returns an empty id.
 * Reads at one scope share one list call (arm/readCoalescing.ts): a refresh costs one call per scope.
 */
export async function read(id: string, props: Props): Promise<dynamic.ReadResult<Props>> {
    const parsed = alertResourceIdOf(id, "roleManagementAlertConfigurations");
    const scope = typeof props["scope"] === "string" ? props["scope"] : parsed.scope;
    const live = await armAlertsClient().readConfiguration(scope, parsed.alertId);
    if (live === undefined) return { id: "", props: {} };
    const initial = isRecord(props["initialProperties"])
        ? (props["initialProperties"] as Record<string, boolean | number>)
        : { ...live.values };
    const outs = configurationOutputs(live, scope, managementFromState(props), initial);
    return { id, props: outs, inputs: refreshedInputs(outs, props) };
}

/** PATCHes only the declared values that changed, then GETs. */
export async function update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult<Props>> {
    const alertId = news["alertId"] as ArmAlertId;
    const scope = olds["scope"] as string;
    const management = managementOf(alertId, news);
    const initial = isRecord(olds["initialProperties"])
        ? (olds["initialProperties"] as Record<string, boolean | number>)
        : {};
    const toWrite = valuesToWrite(declaredValues(alertId, news), olds);
    if (Object.keys(toWrite).length === 0)
        return { outs: { ...olds, onDelete: management.onDelete, declaredProperties: management.declaredProperties } };

    const arm = armAlertsClient();
    await arm.patchConfiguration(scope, alertId, toWrite);
    const recorded = {
        ...olds,
        declaredProperties: management.declaredProperties,
        onDelete: management.onDelete,
        __provider: news["__provider"],
    };
    const after = await afterWrite(
        id,
        recorded,
        `updated ${describeAlertResource({ scope, alertId, collection: "roleManagementAlertConfigurations" })}`,
        () => arm.getConfiguration(scope, alertId),
    );
    return { outs: configurationOutputs(after, scope, management, initial) };
}

/**
 * "retain" (the default) leaves Azure as it is: a destroy must never weaken a security control.
 * "restore" PATCHes the declared properties back to their values at adoption; undeclared ones are never written.
 */
export async function deleteResource(id: string, props: Props): Promise<void> {
    if (props["onDelete"] !== "restore") return;
    const alertId = props["alertId"];
    const scope = props["scope"];
    if (!isArmAlertId(alertId) || typeof scope !== "string")
        throw new Error(`internal-error: state of ${id} has no alertId or scope`);
    const initial = isRecord(props["initialProperties"]) ? props["initialProperties"] : {};
    const restore: Record<string, boolean | number> = {};
    for (const name of managementFromState(props).declaredProperties) {
        const value = initial[name];
        if (typeof value === "boolean" || typeof value === "number") restore[name] = value;
    }
    if (Object.keys(restore).length > 0) await armAlertsClient().patchConfiguration(scope, alertId, restore);
}

export { deleteResource as delete };
