/**
 * What `pim-alerts export` declares for one scope, built from what the APIs returned. Every value
 * that will become code is checked against its grammar first: an ARM scope in canonical form, a
 * Graph id `DirectoryRole_<tenant GUID>_<known alert id>`, a known alert id, a catalog setting with a
 * finite number or an ISO-8601 duration. A value that does not fit is refused with an
 * {@link ExportRefusedError} naming it: API text never becomes code.
 */
import { ARM_ALERTS, isArmAlertId, type ArmAlertId } from "../arm/catalog";
import { parseScope } from "../arm/scope";
import type { AlertConfigurationInfo, AlertInfo } from "../functions/results";
import type { AlertTarget } from "../functions/target";
import { DIRECTORY_ALERTS, type DirectoryAlertId } from "../graph/catalog";
import { parseDirectoryAlertId } from "../graph/directoryId";
import { parseDuration } from "../graph/duration";
import { excerpt, ExportRefusedError } from "../errors";
import { printable } from "./terminalText";

/** A value of a declared configuration: a number, or (Graph) an ISO-8601 duration. */
export type DeclaredSetting = readonly [name: string, value: number | string];

/** One resource the exported program declares. */
export type Declaration =
    | {
          readonly kind: "AlertConfiguration";
          readonly scope: string;
          readonly alertId: ArmAlertId;
          readonly isEnabled: boolean;
          /** In the catalog's order. */
          readonly settings: readonly DeclaredSetting[];
      }
    | { readonly kind: "AlertDismissal"; readonly scope: string; readonly alertId: ArmAlertId }
    | {
          readonly kind: "DirectoryAlertConfiguration";
          readonly tenantId: string;
          readonly alertId: DirectoryAlertId;
          readonly isEnabled: boolean;
          readonly settings: readonly DeclaredSetting[];
      }
    | { readonly kind: "DirectoryAlertDismissal"; readonly tenantId: string; readonly alertId: DirectoryAlertId };

/** What the APIs returned for one scope. */
export interface ScopePolicy {
    readonly target: AlertTarget;
    readonly configurations: readonly AlertConfigurationInfo[];
    /** The alerts with their state; the dismissed ones are declared as dismissals. */
    readonly alerts: readonly Pick<AlertInfo, "id" | "alertId" | "isActive" | "incidentCount">[];
}

/** The value as JSON, cut to a readable length, with control characters and separators escaped. */
function shown(value: unknown): string {
    return printable(excerpt(value));
}

function refuse(what: string, value: unknown, allowed: string): never {
    throw new ExportRefusedError(`refusing to write ${what} ${shown(value)} into the program: it is not ${allowed}`);
}

/**
 * An alert counts as dismissed when it is not active while it has incidents: PIM keeps an alert with
 * incidents active until someone dismisses it (an alert with no incident is simply inactive).
 */
export function isDismissed(alert: Pick<AlertInfo, "isActive" | "incidentCount">): boolean {
    return !alert.isActive && alert.incidentCount > 0;
}

/** The declarations of one scope: its configurations (sorted by alert id), then its dismissals. */
export function declarationsOf(policy: ScopePolicy): Declaration[] {
    const byAlert = <T extends { alertId: string }>(items: readonly T[]) =>
        [...items].sort((a, b) => a.alertId.localeCompare(b.alertId));
    const dismissed = policy.alerts.filter(isDismissed);
    if (policy.target.kind === "arm") {
        const scope = checkedScope(policy.target.scope);
        return [
            ...byAlert(policy.configurations).map((c) => armConfiguration(scope, c)),
            ...byAlert(dismissed).map((a): Declaration => ({
                kind: "AlertDismissal",
                scope,
                alertId: armAlertId(a.alertId),
            })),
        ];
    }
    return [
        ...byAlert(policy.configurations).map(directoryConfiguration),
        ...byAlert(dismissed).map((a): Declaration => ({ kind: "DirectoryAlertDismissal", ...directoryRef(a.id) })),
    ];
}

function checkedScope(scope: string): string {
    const parsed = parseScope(scope);
    if (!parsed.ok || parsed.value.id !== scope) refuse("the scope", scope, "an ARM scope in canonical form");
    return scope;
}

function armAlertId(alertId: string): ArmAlertId {
    if (!isArmAlertId(alertId)) refuse("the alert id", alertId, "an ARM PIM alert this version knows");
    return alertId;
}

function armConfiguration(scope: string, c: AlertConfigurationInfo): Declaration {
    const alertId = armAlertId(c.alertId);
    const settings = Object.keys(ARM_ALERTS[alertId].thresholds).flatMap((name) => {
        const value = c.settings[name];
        if (value === undefined) return [];
        if (typeof value !== "number" || !Number.isFinite(value)) refuse(`${name} of ${alertId}`, value, "a number");
        return [[name, value] as const];
    });
    return { kind: "AlertConfiguration", scope, alertId, isEnabled: c.isEnabled === true, settings };
}

function directoryRef(id: string): { tenantId: string; alertId: DirectoryAlertId } {
    const parsed = parseDirectoryAlertId(id);
    if (!parsed.ok) refuse("the Graph id", id, "DirectoryRole_<tenant GUID>_<directory alert id this version knows>");
    return parsed.value;
}

function directoryConfiguration(c: AlertConfigurationInfo): Declaration {
    const ref = directoryRef(c.id);
    if (ref.alertId !== c.alertId) refuse("the Graph id", c.id, `the id of ${c.alertId}`);
    const settings = Object.entries(DIRECTORY_ALERTS[ref.alertId].settings).flatMap(([name, setting]) => {
        const value = c.settings[name];
        if (value === undefined) return [];
        const what = `${name} of ${ref.alertId}`;
        if (setting.kind === "integer" && (typeof value !== "number" || !Number.isFinite(value)))
            refuse(what, value, "a number");
        // The duration grammar (luxon's ISO-8601 parser, anchored) admits only P, T, digits, designators and a decimal point.
        if (
            setting.kind === "duration" &&
            (typeof value !== "string" || !/^P[0-9A-Z.,]+$/.test(value) || !parseDuration(value).ok)
        )
            refuse(what, value, 'an ISO-8601 duration such as "P30D"');
        return [[name, value] as const];
    });
    return { kind: "DirectoryAlertConfiguration", ...ref, isEnabled: c.isEnabled === true, settings };
}
