/**
 * The actions behind `refreshAlerts` and `remediateIncident`, for either kind of scope. Arguments are
 * checked before any request; remediation checks the alert's definition before its one write.
 */
import { refreshAlerts as refreshArmAlerts, remediateIncident as remediateArmIncident } from "../arm/alertActions";
import { ARM_ALERT_IDS } from "../arm/catalog";
import { DIRECTORY_ALERT_IDS } from "../graph/catalog";
import { refreshDirectoryAlerts, remediateDirectoryIncident } from "../graph/alertActions";
import type { PollOptions } from "../http/longRunningOperation";
import { describeOperationDetail } from "../arm/operationDetail";
import type { PimClients } from "../clients/apiClients";
import { directoryRef } from "./lookups";
import { excerpt, InvalidArgumentError } from "../errors";
import { parseIncidentId, parseTarget, parseTargetAlert, targetScope } from "./target";

/** How long a refresh may take. */
export interface RefreshWaitOptions {
    /** Give up waiting after this many seconds (the scan may still finish in Azure). @default 600 */
    readonly timeoutSeconds?: number;
    /** Seconds between polls when the service sends no Retry-After. @default 5 */
    readonly pollIntervalSeconds?: number;
}

/** The final state of a refresh scan. */
export interface RefreshAlertsResult {
    /** The canonical ARM scope, or `"directory"`. */
    readonly scope: string;
    /** The alerts that were scanned. */
    readonly alertIds: string[];
    readonly operationId: string;
    /** The terminal status as the API spells it: `Succeeded` (ARM) or `succeeded` (Graph). */
    readonly status: string;
    /** The service's detail, readable (ARM's JSON-encoded statusDetail is turned into text); "" when none. */
    readonly detail: string;
    readonly createdDateTime: string;
    readonly lastActionDateTime: string;
}

/** What was remediated. */
export interface RemediateIncidentResult {
    readonly scope: string;
    readonly alertId: string;
    readonly incidentId: string;
}

/** Starts a scan, follows its Location (honouring Retry-After) and returns its terminal state; a failed scan throws saying why. */
export async function runRefresh(
    clients: PimClients,
    scope: unknown,
    alertId: unknown,
    wait: RefreshWaitOptions = {},
): Promise<RefreshAlertsResult> {
    const target = parseTarget(scope);
    const poll = pollOptions(wait);
    const alert = alertId === undefined ? undefined : parseTargetAlert(target, alertId);
    if (target.kind === "arm") {
        const op = await refreshArmAlerts(clients.arm, target.scope, alert?.alertId, poll);
        return {
            scope: target.scope,
            alertIds: alert ? [alert.alertId] : [...ARM_ALERT_IDS],
            ...operationFields({ ...op, detail: describeOperationDetail(op.statusDetail) }),
        };
    }
    const ref = alert?.kind === "directory" ? await directoryRef(clients, alert) : undefined;
    const op = await refreshDirectoryAlerts(clients.graph, ref, poll);
    return {
        scope: targetScope(target),
        alertIds: ref ? [ref.alertId] : [...DIRECTORY_ALERT_IDS],
        ...operationFields({ ...op, detail: op.statusDetail }),
    };
}

/** Remediates one incident; refuses, before any write, when the alert is not remediatable. */
export async function runRemediation(
    clients: PimClients,
    scope: unknown,
    alertId: unknown,
    incidentId: unknown,
): Promise<RemediateIncidentResult> {
    const target = parseTarget(scope);
    const alert = parseTargetAlert(target, alertId);
    const incident = parseIncidentId(incidentId);
    if (alert.kind === "arm") await remediateArmIncident(clients.arm, alert.scope, alert.alertId, incident);
    else await remediateDirectoryIncident(clients.graph, await directoryRef(clients, alert), incident);
    return { scope: targetScope(target), alertId: alert.alertId, incidentId: incident };
}

type OperationFields = Pick<
    RefreshAlertsResult,
    "operationId" | "status" | "detail" | "createdDateTime" | "lastActionDateTime"
>;

function operationFields(op: OperationFields): OperationFields {
    return {
        operationId: op.operationId,
        status: op.status,
        detail: op.detail,
        createdDateTime: op.createdDateTime,
        lastActionDateTime: op.lastActionDateTime,
    };
}

function pollOptions(wait: RefreshWaitOptions): PollOptions {
    const seconds = (name: string, value: number | undefined, min: number, max: number, fallback: number): number => {
        if (value === undefined) return fallback * 1000;
        if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
            throw new InvalidArgumentError(
                `${name} is ${excerpt(value)}; allowed: a number of seconds from ${min} to ${max}`,
            );
        }
        return value * 1000;
    };
    return {
        timeoutMs: seconds("timeoutSeconds", wait.timeoutSeconds, 1, 86_400, 600),
        defaultIntervalMs: seconds("pollIntervalSeconds", wait.pollIntervalSeconds, 0, 3_600, 5),
    };
}
