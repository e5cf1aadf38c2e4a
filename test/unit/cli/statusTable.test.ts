import { formatScanTime, renderStatusTable, type ScopeAlerts } from "../../../src/cli/statusTable";
import { painter } from "../../../src/cli/style";
import type { AlertInfo } from "../../../src/functions/results";

const alert = (
    alertId: string,
    severity: string,
    isActive: boolean,
    incidentCount: number,
    lastScannedDateTime = "2024-05-06T10:02:11.4Z",
): AlertInfo => ({
    id: alertId,
    alertId,
    displayName: alertId,
    severity,
    isActive,
    incidentCount,
    lastScannedDateTime,
    lastModifiedDateTime: "",
});

const scopes: ScopeAlerts[] = [
    {
        scope: "/subscriptions/1",
        alerts: [
            alert("DuplicateRoleCreated", "Medium", false, 0),
            alert("AzureRolesAssignedOutsidePimAlert", "High", true, 2),
        ],
    },
    { scope: "directory", alerts: [alert("StaleSignInAlert", "Medium", true, 1, "0001-01-01T08:00:00Z")] },
];

test.each([
    ["2024-05-06T10:02:11.4Z", "2024-05-06 10:02 UTC"],
    ["2022-04-06T18:25:00.38+02:00", "2022-04-06 16:25 UTC"],
    ["0001-01-01T08:00:00Z", "never"],
    ["", "never"],
    ["not a date", "never"],
])("scan time %j => %s", (iso, expected) => {
    expect(formatScanTime(iso)).toBe(expected);
});

test("plain: aligned columns, High first within a scope, and a summary", () => {
    expect(renderStatusTable(scopes, painter(false))).toBe(
        [
            "SCOPE             ALERT                              SEVERITY  ACTIVE  INCIDENTS  LAST SCAN",
            "/subscriptions/1  AzureRolesAssignedOutsidePimAlert  High      yes     2          2024-05-06 10:02 UTC",
            "/subscriptions/1  DuplicateRoleCreated               Medium    no      0          2024-05-06 10:02 UTC",
            "directory         StaleSignInAlert                   Medium    yes     1          never",
            "",
            "2 of 3 alerts active, 3 incidents, 2 scopes",
            "",
        ].join("\n"),
    );
});

test("coloured: same layout once the colour codes are removed, severity and activity coloured", () => {
    const coloured = renderStatusTable(scopes, painter(true));
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, "")).toBe(renderStatusTable(scopes, painter(false)));
    expect(coloured).toContain("\u001b[31mHigh\u001b[39m");
    expect(coloured).toContain("\u001b[33mMedium\u001b[39m");
    expect(coloured).toContain("\u001b[1m\u001b[31myes\u001b[39m\u001b[22m");
    expect(coloured).toContain("\u001b[32mno\u001b[39m");
});
