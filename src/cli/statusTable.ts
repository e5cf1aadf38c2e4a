/**
 * The table of `pim-alerts status`: one row per alert, aligned columns, severity and activity
 * coloured when colour is on, and a one-line summary.
 */
import type { AlertInfo } from "../functions/results";
import { visibleLength, type Paint, type Style } from "./style";
import { printable } from "./terminalText";

/** The alerts of one scope. */
export interface ScopeAlerts {
    readonly scope: string;
    readonly alerts: readonly AlertInfo[];
}

const HEADERS = ["SCOPE", "ALERT", "SEVERITY", "ACTIVE", "INCIDENTS", "LAST SCAN"] as const;
const SEVERITY_RANK: Readonly<Record<string, number>> = { High: 0, Medium: 1, Low: 2, Informational: 3 };
const SEVERITY_STYLE: Readonly<Record<string, Style>> = { High: "red", Medium: "yellow", Low: "cyan" };

/** `2024-05-06T10:02:11.4Z` => `2024-05-06 10:02 UTC`; "" or year 0001 (Graph's "never") => `never`. */
export function formatScanTime(iso: string): string {
    const time = Date.parse(iso);
    if (iso === "" || Number.isNaN(time) || new Date(time).getUTCFullYear() < 1900) return "never";
    return `${new Date(time).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Rows sorted by scope (as given), then severity (High first), then alert id. */
function rows(scopes: readonly ScopeAlerts[], paint: Paint): string[][] {
    return scopes.flatMap(({ scope, alerts }) =>
        [...alerts]
            .sort(
                (a, b) =>
                    (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) ||
                    a.alertId.localeCompare(b.alertId),
            )
            .map((a) => {
                // Ids and severities are the APIs' text: escaped before any colour is painted around them.
                const severityStyle = SEVERITY_STYLE[a.severity];
                const severity = printable(a.severity) || "-";
                return [
                    printable(scope),
                    printable(a.alertId),
                    severityStyle ? paint(severityStyle, severity) : severity,
                    a.isActive ? paint("bold", paint("red", "yes")) : paint("green", "no"),
                    String(a.incidentCount),
                    paint("dim", formatScanTime(a.lastScannedDateTime)),
                ];
            }),
    );
}

/** The table and its summary line, each line ending in a newline. */
export function renderStatusTable(scopes: readonly ScopeAlerts[], paint: Paint): string {
    const body = rows(scopes, paint);
    const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((r) => visibleLength(r[i] ?? ""))));
    const line = (cells: readonly string[]) =>
        cells
            .map((cell, i) =>
                i === cells.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - visibleLength(cell)),
            )
            .join("  ")
            .trimEnd();
    const alerts = scopes.flatMap((s) => s.alerts);
    const active = alerts.filter((a) => a.isActive);
    const incidents = alerts.reduce((sum, a) => sum + a.incidentCount, 0);
    const summary = `${active.length} of ${alerts.length} alerts active, ${incidents} incidents, ${scopes.length} scope${scopes.length === 1 ? "" : "s"}`;
    return [line(HEADERS.map((h) => paint("bold", h))), ...body.map(line), "", summary].map((l) => `${l}\n`).join("");
}
