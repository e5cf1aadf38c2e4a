/**
 * The dynamic provider of {@link DirectoryAlertConfiguration}. This module's exports ARE the provider:
 * Pulumi serializes it as one `require(...)` of this file, so no code and no secret lands in state.
 *
 * Same lifecycle as the ARM AlertConfiguration, over Microsoft Graph beta: the seven configurations
 * always exist, so create adopts one (GET, PATCH what the program declares, GET: Graph's PATCH answers
 * 204 with no body); delete leaves it as it is, or puts the declared properties back to their adopted
 * values when `onDelete` is "restore". The Pulumi id is Graph's id, `DirectoryRole_<tenantId>_<alertId>`.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isDirectoryAlertId } from "../graph/catalog";
import {
    describeDirectoryAlert,
    formatDirectoryAlertId,
    directoryAlertRefOf,
    type DirectoryAlertRef,
} from "../graph/directoryId";
import { isAzureApiError } from "../errors";
import { isRecord, managementFromState, managementOf, valuesToWrite, type DeclaredValue } from "./common/declaredState";
import { checkDirectoryAlertConfiguration } from "./directory/configurationCheck";
import {
    declaredDirectoryValues,
    diffDirectoryConfiguration,
    directoryConfigurationOutputs,
    refreshedDirectoryInputs,
    sameDirectoryValue,
} from "./directory/configurationState";
import { adopt } from "./common/adoption";
import { afterWrite } from "./common/partialFailure";
import { configureRuntime, directoryAlertsClient, directoryTenantId } from "./runtime";

type Props = Record<string, unknown>;

/** Receives the stack config once per provider process. */
export function configure(request: dynamic.ConfigureRequest): Promise<void> {
    configureRuntime((key) => request.config.get(key));
    return Promise.resolve();
}

/** Validates inputs without any network call. */
export function check(_olds: Props, news: Props): Promise<dynamic.CheckResult<Props>> {
    return Promise.resolve(checkDirectoryAlertConfiguration(news));
}

/** No change when the declared values mean what the stored ones mean; an alertId change replaces. */
export function diff(_id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
    const result = diffDirectoryConfiguration(olds, news);
    return Promise.resolve({ changes: result.changes, replaces: result.replaces, deleteBeforeReplace: false });
}

/**
 * Adopts the configuration: GET (kept as initialProperties), PATCH the declared values that differ (durations
 * by meaning), GET. A PATCH whose outcome is unknown fails as a partial failure that keeps the originals.
 */
export async function create(inputs: Props): Promise<dynamic.CreateResult<Props>> {
    const alertId = inputs["alertId"];
    if (!isDirectoryAlertId(alertId)) throw new Error("internal-error: inputs have no validated alertId");
    const ref: DirectoryAlertRef = { tenantId: await directoryTenantId(), alertId };
    const graph = directoryAlertsClient();
    const before = await graph.getConfiguration(ref);
    const id = formatDirectoryAlertId(ref);
    const declared = declaredDirectoryValues(ref.alertId, inputs);
    const management = managementOf(inputs, Object.keys(declared));
    const { initialProperties, after } = await adopt({
        id,
        description: describeDirectoryAlert("alertConfigurations", ref),
        live: before.values,
        declared,
        same: sameDirectoryValue,
        recordBefore: (initial) => ({
            ...directoryConfigurationOutputs(before, ref.tenantId, management, initial, inputs),
            __provider: inputs["__provider"],
        }),
        write: (values) => graph.patchConfiguration(ref, values),
        readBack: () => graph.getConfiguration(ref),
    });
    return {
        id,
        outs: directoryConfigurationOutputs(after ?? before, ref.tenantId, management, initialProperties, inputs),
    };
}

/** Reads live values; works from the id alone; a configuration that is gone returns an empty id. */
export async function read(id: string, props: Props): Promise<dynamic.ReadResult<Props>> {
    const ref = directoryAlertRefOf(id);
    let live;
    try {
        live = await directoryAlertsClient().getConfiguration(ref);
    } catch (error) {
        if (isAzureApiError(error) && error.status === 404) return { id: "", props: {} };
        throw error;
    }
    const initial = isRecord(props["initialProperties"])
        ? (props["initialProperties"] as Record<string, DeclaredValue>)
        : { ...live.values };
    // The stored values carry the program's spelling of each duration.
    const outs = directoryConfigurationOutputs(live, ref.tenantId, managementFromState(props), initial, props);
    return { id, props: outs, inputs: refreshedDirectoryInputs(outs, props) };
}

/** PATCHes only the declared values that changed (durations by meaning), then GETs. */
export async function update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult<Props>> {
    const ref = directoryAlertRefOf(id);
    const declared = declaredDirectoryValues(ref.alertId, news);
    const management = managementOf(news, Object.keys(declared));
    const initial = isRecord(olds["initialProperties"])
        ? (olds["initialProperties"] as Record<string, DeclaredValue>)
        : {};
    const toWrite = valuesToWrite(declared, olds, sameDirectoryValue);
    // Nothing to write means every declared value means what the stored one means: record the program's spelling.
    if (Object.keys(toWrite).length === 0)
        return {
            outs: {
                ...olds,
                ...declared,
                onDelete: management.onDelete,
                declaredProperties: management.declaredProperties,
            },
        };

    const graph = directoryAlertsClient();
    await graph.patchConfiguration(ref, toWrite);
    const recorded = {
        ...olds,
        declaredProperties: management.declaredProperties,
        onDelete: management.onDelete,
        __provider: news["__provider"],
    };
    const after = await afterWrite(id, recorded, `updated ${describeDirectoryAlert("alertConfigurations", ref)}`, () =>
        graph.getConfiguration(ref),
    );
    return { outs: directoryConfigurationOutputs(after, ref.tenantId, management, initial, { ...olds, ...news }) };
}

/**
 * "retain" (the default) leaves Graph as it is: a destroy must never weaken a security control.
 * "restore" PATCHes the declared properties back to their values at adoption; undeclared ones are never written.
 */
export async function deleteResource(id: string, props: Props): Promise<void> {
    if (props["onDelete"] !== "restore") return;
    const ref = directoryAlertRefOf(id);
    const initial = isRecord(props["initialProperties"]) ? props["initialProperties"] : {};
    const restore: Record<string, DeclaredValue> = {};
    for (const name of managementFromState(props).declaredProperties) {
        const value = initial[name];
        if (typeof value === "boolean" || typeof value === "number" || typeof value === "string") restore[name] = value;
    }
    if (Object.keys(restore).length > 0) await directoryAlertsClient().patchConfiguration(ref, restore);
}

export { deleteResource as delete };
