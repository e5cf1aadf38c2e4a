/**
 * `remediateIncident`: let PIM fix one incident (e.g. remove the extra owner's assignment).
 */
import type { RemediateIncidentResult } from "./actions";
import { programClients } from "./programClients";

/** Arguments of {@link remediateIncident}. */
export interface RemediateIncidentArgs {
    /** An ARM scope, or `"directory"` for the Entra directory roles (see `GetAlertDefinitionsArgs.scope`). */
    readonly scope: string;
    /** The alert the incident belongs to (as in `GetAlertIncidentsArgs.alertId`). */
    readonly alertId: string;
    /** The incident, as `getAlertIncidents` returns it (`incidentId`). */
    readonly incidentId: string;
}

/**
 * Remediates one incident: PIM applies the alert's mitigation (typically it removes the offending role
 * assignment). First reads the alert's definition and, when the alert is not remediatable, fails with
 * its mitigation steps before anything is written. A remediation cannot be undone by this package.
 *
 * This is an action, not a read: called in a Pulumi program it runs on every `preview` and `up`;
 * prefer a script or a pipeline step. Needs write access (see `refreshAlerts`).
 *
 * @example
 * ```ts
 * const { incidents } = await pim.getAlertIncidents({ scope, alertId: "TooManyOwnersAssignedToResource" });
 * for (const i of incidents) await pim.remediateIncident({ scope, alertId: "TooManyOwnersAssignedToResource", incidentId: i.incidentId });
 * ```
 * @param args - The scope, the alert and the incident.
 */
export async function remediateIncident(args: RemediateIncidentArgs): Promise<RemediateIncidentResult> {
    // Loaded on first call: a program that only declares resources loads no client code.
    const { runRemediation } = await import("./actions");
    return runRemediation(await programClients(), args.scope, args.alertId, args.incidentId);
}
