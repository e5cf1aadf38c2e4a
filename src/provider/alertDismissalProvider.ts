/**
 * The dynamic provider of {@link AlertDismissal}; this module's exports are the provider.
 *
 * A dismissal is desired state, not a one-shot action: when PIM raises the alert again (a rescan or
 * a refresh re-activates it), `read` reports `isActive: true`, preview shows the drift and `up`
 * dismisses it again. The provider itself never triggers a refresh.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isArmAlertId, type ArmAlertId } from "../arm/catalog";
import { describeAlertResource, formatAlertResourceId, alertResourceIdOf } from "../arm/configurationId";
import type { ArmAlertState } from "../arm/payload";
import { checkAlertDismissal } from "./arm/dismissalCheck";
import { identityReplaces } from "./arm/resourceIdentity";
import { diffDismissal, isActiveAgain } from "./common/dismissalState";
import { afterWrite } from "./common/partialFailure";
import { onDeleteOf } from "./common/commonProperties";
import { armAlertsClient, configureRuntime } from "./runtime";

type Props = Record<string, unknown>;

/** Receives the stack config once per provider process. */
export function configure(request: dynamic.ConfigureRequest): Promise<void> {
    configureRuntime((key) => request.config.get(key));
    return Promise.resolve();
}

/** Validates inputs without any network call. */
export function check(olds: Props, news: Props): Promise<dynamic.CheckResult<Props>> {
    return Promise.resolve(checkAlertDismissal(olds ?? {}, news));
}

/** Replaces on a new scope or alert; otherwise changes when the alert is active again or onDelete changed. */
export function diff(_id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
    const replaces = identityReplaces(olds, news);
    return Promise.resolve(diffDismissal(olds, news, replaces));
}

/** Dismisses the alert (PATCH isActive=false) and reads it back. */
export async function create(inputs: Props): Promise<dynamic.CreateResult<Props>> {
    const { scope, alertId } = identity(inputs);
    const id = formatAlertResourceId({ scope, alertId, collection: "roleManagementAlerts" });
    return { id, outs: await dismiss(id, scope, alertId, inputs) };
}

/**
 * Reports isActive, incidentCount and lastScannedDateTime; an alert that is gone (404) returns an empty id.
 * Reads at one scope share one list of its alerts (arm/readCoalescing.ts).
 */
export async function read(id: string, props: Props): Promise<dynamic.ReadResult<Props>> {
    const parsed = alertResourceIdOf(id, "roleManagementAlerts");
    const scope = typeof props["scope"] === "string" ? props["scope"] : parsed.scope;
    const alert = await armAlertsClient().readAlert(scope, parsed.alertId);
    if (alert === undefined) return { id: "", props: {} };
    const onDelete = typeof props["onDelete"] === "string" ? props["onDelete"] : "retain";
    const outs = dismissalOutputs(scope, parsed.alertId, onDelete, alert);
    return { id, props: outs, inputs: { scope, alertId: parsed.alertId, onDelete, isActive: alert.isActive } };
}

/** Dismisses again (when the alert fired again) or records a new onDelete. */
export async function update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult<Props>> {
    const { scope, alertId } = identity(olds);
    if (!isActiveAgain(olds)) return { outs: { ...olds, onDelete: news["onDelete"] } };
    return { outs: await dismiss(id, scope, alertId, news) };
}

/** "retain" (default) leaves the alert dismissed; "reactivate" sets isActive back to true. */
export async function deleteResource(_id: string, props: Props): Promise<void> {
    if (props["onDelete"] !== "reactivate") return;
    const { scope, alertId } = identity(props);
    await armAlertsClient().patchAlert(scope, alertId, true);
}

export { deleteResource as delete };

async function dismiss(id: string, scope: string, alertId: ArmAlertId, inputs: Props): Promise<Props> {
    const arm = armAlertsClient();
    const onDelete = onDeleteOf(inputs);
    await arm.patchAlert(scope, alertId, false);
    // The PATCH succeeded: if the read-back fails, record the alert as still active so the next `up` retries.
    const recorded = {
        scope,
        alertId,
        onDelete,
        isActive: true,
        incidentCount: 0,
        lastScannedDateTime: "",
        __provider: inputs["__provider"],
    };
    const alert = await afterWrite(
        id,
        recorded,
        `dismissed ${describeAlertResource({ scope, alertId, collection: "roleManagementAlerts" })}`,
        () => arm.getAlert(scope, alertId),
    );
    return dismissalOutputs(scope, alertId, onDelete, alert);
}

function dismissalOutputs(scope: string, alertId: ArmAlertId, onDelete: string, alert: ArmAlertState): Props {
    return {
        scope,
        alertId,
        onDelete,
        isActive: alert.isActive,
        incidentCount: alert.incidentCount,
        lastScannedDateTime: alert.lastScannedDateTime,
    };
}

function identity(props: Props): { scope: string; alertId: ArmAlertId } {
    const scope = props["scope"];
    const alertId = props["alertId"];
    if (typeof scope !== "string" || !isArmAlertId(alertId))
        throw new Error("internal-error: inputs have no validated scope and alertId");
    return { scope, alertId };
}
