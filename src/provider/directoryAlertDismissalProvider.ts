/**
 * The dynamic provider of {@link DirectoryAlertDismissal}; this module's exports are the provider.
 *
 * A dismissal is desired state, not a one-shot action: when PIM raises the alert again (a rescan, or
 * anyone's refresh re-activates it), `read` reports `isActive: true`, preview shows the drift and `up`
 * dismisses it again. The provider itself never triggers a refresh (that would re-activate the alert).
 * The Pulumi id is Graph's alert id, `DirectoryRole_<tenantId>_<alertId>`.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isDirectoryAlertId } from "../graph/catalog";
import {
    describeDirectoryAlert,
    formatDirectoryAlertId,
    directoryAlertRefOf,
    type DirectoryAlertRef,
} from "../graph/directoryId";
import type { DirectoryAlertState } from "../graph/payload";
import { isAzureApiError } from "../errors";
import { checkDirectoryAlertDismissal } from "./directory/dismissalCheck";
import { diffDismissal, isActiveAgain } from "./common/dismissalState";
import { onDeleteOf } from "./common/commonProperties";
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
    return Promise.resolve(checkDirectoryAlertDismissal(news));
}

/** Replaces on a new alert; otherwise changes when the alert is active again or onDelete changed. */
export function diff(_id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
    return Promise.resolve(diffDismissal(olds, news, olds["alertId"] !== news["alertId"] ? ["alertId"] : []));
}

/** Dismisses the alert (PATCH isActive=false, which answers 204) and reads it back. */
export async function create(inputs: Props): Promise<dynamic.CreateResult<Props>> {
    const alertId = inputs["alertId"];
    if (!isDirectoryAlertId(alertId)) throw new Error("internal-error: inputs have no validated alertId");
    const ref: DirectoryAlertRef = { tenantId: await directoryTenantId(), alertId };
    const id = formatDirectoryAlertId(ref);
    return { id, outs: await dismiss(id, ref, inputs) };
}

/** Reports isActive, incidentCount and lastScannedDateTime; an alert that is gone returns an empty id. */
export async function read(id: string, props: Props): Promise<dynamic.ReadResult<Props>> {
    const ref = directoryAlertRefOf(id);
    let alert: DirectoryAlertState;
    try {
        alert = await directoryAlertsClient().getAlert(ref);
    } catch (error) {
        if (isAzureApiError(error) && error.status === 404) return { id: "", props: {} };
        throw error;
    }
    const onDelete = onDeleteOf(props);
    return {
        id,
        props: dismissalOutputs(ref, onDelete, alert),
        inputs: { alertId: ref.alertId, onDelete, isActive: alert.isActive },
    };
}

/** Dismisses again (when the alert is active again) or records a new onDelete. */
export async function update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult<Props>> {
    if (!isActiveAgain(olds)) return { outs: { ...olds, onDelete: news["onDelete"] } };
    return { outs: await dismiss(id, directoryAlertRefOf(id), news) };
}

/** "retain" (default) leaves the alert dismissed; "reactivate" sets isActive back to true. */
export async function deleteResource(id: string, props: Props): Promise<void> {
    if (props["onDelete"] !== "reactivate") return;
    await directoryAlertsClient().patchAlert(directoryAlertRefOf(id), true);
}

export { deleteResource as delete };

async function dismiss(id: string, ref: DirectoryAlertRef, inputs: Props): Promise<Props> {
    const graph = directoryAlertsClient();
    const onDelete = onDeleteOf(inputs);
    await graph.patchAlert(ref, false);
    // The PATCH succeeded: if the read-back fails, record the alert as still active so the next `up` retries.
    const recorded = {
        alertId: ref.alertId,
        tenantId: ref.tenantId,
        onDelete,
        isActive: true,
        incidentCount: 0,
        lastScannedDateTime: "",
        __provider: inputs["__provider"],
    };
    const alert = await afterWrite(id, recorded, `dismissed ${describeDirectoryAlert("alerts", ref)}`, () =>
        graph.getAlert(ref),
    );
    return dismissalOutputs(ref, onDelete, alert);
}

function dismissalOutputs(ref: DirectoryAlertRef, onDelete: string, alert: DirectoryAlertState): Props {
    return {
        alertId: ref.alertId,
        tenantId: ref.tenantId,
        onDelete,
        isActive: alert.isActive,
        incidentCount: alert.incidentCount,
        lastScannedDateTime: alert.lastScannedDateTime,
    };
}
