/**
 * An in-memory DirectoryAlertsClient for provider tests: holds configurations and alerts, records every
 * call, and can fail one call of a method.
 */
import type { DirectoryAlertsClient } from "../../../src/graph/alertsClient";
import { DIRECTORY_ALERTS, type DirectoryAlertId } from "../../../src/graph/catalog";
import { formatDirectoryAlertId, type DirectoryAlertRef } from "../../../src/graph/directoryId";
import type { DirectoryAlertState, DirectoryValues } from "../../../src/graph/payload";

export const TENANT = "aaaabbbb-0000-1111-2222-ccccddddeeee";

type Method = keyof DirectoryAlertsClient;

export interface FakeDirectoryGraph extends DirectoryAlertsClient {
    readonly configurations: Map<DirectoryAlertId, Record<string, boolean | number | string>>;
    readonly alerts: Map<DirectoryAlertId, DirectoryAlertState>;
    readonly calls: Array<[Method, DirectoryAlertId | undefined, unknown?]>;
    /** Fails one call of `method`: the next one, or the one after `skip` successful calls. */
    failNext(method: Method, error: Error, skip?: number): void;
}

/** A fake with Graph-like defaults; durations come back in hours, as a service may spell them. */
export function fakeDirectoryGraph(): FakeDirectoryGraph {
    const configurations = new Map<DirectoryAlertId, Record<string, boolean | number | string>>([
        ["InvalidLicenseAlert", { isEnabled: true }],
        ["NoMfaOnRoleActivationAlert", { isEnabled: true }],
        ["RedundantAssignmentAlert", { isEnabled: true, duration: "PT480H" }],
        ["RolesAssignedOutsidePimAlert", { isEnabled: true }],
        [
            "SequentialActivationRenewalsAlert",
            { isEnabled: false, sequentialActivationCounterThreshold: 3, timeIntervalBetweenActivations: "PT10S" },
        ],
        ["StaleSignInAlert", { isEnabled: true, duration: "PT720H" }],
        [
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { isEnabled: true, globalAdminCountThreshold: 3, percentageOfGlobalAdminsOutOfRolesThreshold: 10 },
        ],
    ]);
    const alerts = new Map<DirectoryAlertId, DirectoryAlertState>();
    for (const id of configurations.keys())
        alerts.set(id, {
            id: formatDirectoryAlertId({ tenantId: TENANT, alertId: id }),
            isActive: true,
            incidentCount: 2,
            lastScannedDateTime: "2026-01-01T00:00:00Z",
        });
    const calls: FakeDirectoryGraph["calls"] = [];
    const failures = new Map<Method, { skip: number; error: Error }>();
    const enter = (method: Method, ref?: DirectoryAlertRef, body?: unknown) => {
        calls.push(body === undefined ? [method, ref?.alertId] : [method, ref?.alertId, body]);
        const failure = failures.get(method);
        if (failure && failure.skip-- === 0) {
            failures.delete(method);
            throw failure.error;
        }
    };
    return {
        configurations,
        alerts,
        calls,
        failNext: (method, error, skip = 0) => failures.set(method, { skip, error }),
        async getConfiguration(ref) {
            enter("getConfiguration", ref);
            const values = { ...configurations.get(ref.alertId) } as DirectoryValues;
            return {
                id: formatDirectoryAlertId(ref),
                alertId: ref.alertId,
                odataType: DIRECTORY_ALERTS[ref.alertId].odataType,
                values,
            };
        },
        async listConfigurationIds() {
            enter("listConfigurationIds");
            return [...configurations.keys()].map((alertId) => formatDirectoryAlertId({ tenantId: TENANT, alertId }));
        },
        async patchConfiguration(ref, values) {
            enter("patchConfiguration", ref, values);
            configurations.set(ref.alertId, { ...configurations.get(ref.alertId), ...values });
        },
        async getAlert(ref) {
            enter("getAlert", ref);
            return { ...(alerts.get(ref.alertId) as DirectoryAlertState) };
        },
        async patchAlert(ref, isActive) {
            enter("patchAlert", ref, isActive);
            alerts.set(ref.alertId, { ...(alerts.get(ref.alertId) as DirectoryAlertState), isActive });
        },
    };
}
