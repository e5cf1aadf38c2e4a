/**
 * The effects table covers every setting of both catalogs (the list is derived from the catalogs, so
 * a setting added to a catalog without an effect fails here), agrees with each setting's kind, and
 * cites Microsoft for each entry.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ARM_ALERT_IDS, ARM_ALERTS, managedPropertyNames } from "../../../src/arm/catalog";
import { DIRECTORY_ALERT_IDS, DIRECTORY_ALERTS, directoryManagedPropertyNames } from "../../../src/graph/catalog";
import { alertEffects, DISMISSAL_EFFECTS, type AlertApi, type SettingEffect } from "../../../src/review/effects";

const armSettings = ARM_ALERT_IDS.flatMap((alertId) =>
    managedPropertyNames(alertId).map((setting) => ["arm", alertId, setting] as const),
);
const directorySettings = DIRECTORY_ALERT_IDS.flatMap((alertId) =>
    directoryManagedPropertyNames(alertId).map((setting) => ["directory", alertId, setting] as const),
);
const everySetting: ReadonlyArray<readonly [AlertApi, string, string]> = [...armSettings, ...directorySettings];

test("the catalogs have 4 ARM and 7 directory alerts, 21 settings in all (isEnabled of each alert included)", () => {
    expect([ARM_ALERT_IDS.length, DIRECTORY_ALERT_IDS.length, everySetting.length]).toEqual([4, 7, 21]);
});

test.each(everySetting)("%s %s: %s has an effect citing Microsoft", (api, alertId, setting) => {
    const effect = alertEffects(api, alertId)?.settings[setting];
    expect(effect).toBeDefined();
    expect((effect as SettingEffect).microsoft.quote.length).toBeGreaterThan(10);
    expect((effect as SettingEffect).microsoft.source).toMatch(
        /RoleManagementAlerts\.json|Microsoft Graph beta reference/,
    );
});

test("the table has no entry for a setting the catalogs do not have", () => {
    const tabled = [
        ...ARM_ALERT_IDS.map((id) => ["arm", id] as const),
        ...DIRECTORY_ALERT_IDS.map((id) => ["directory", id] as const),
    ].flatMap(([api, id]) =>
        Object.keys(alertEffects(api, id)?.settings ?? {}).map((setting) => `${api} ${id} ${setting}`),
    );
    expect(tabled.sort()).toEqual(everySetting.map((s) => s.join(" ")).sort());
});

test("each entry's kind matches the catalog: ARM counts and percentages, Graph integers and durations", () => {
    for (const alertId of ARM_ALERT_IDS) {
        for (const [setting, kind] of Object.entries(ARM_ALERTS[alertId].thresholds)) {
            expect(alertEffects("arm", alertId)?.settings[setting]).toMatchObject({
                kind: "number",
                weakensWhen: "higher",
                unit: kind === "percentage" ? "%" : "",
            });
        }
    }
    for (const alertId of DIRECTORY_ALERT_IDS) {
        for (const [setting, spec] of Object.entries(DIRECTORY_ALERTS[alertId].settings)) {
            expect(alertEffects("directory", alertId)?.settings[setting]?.kind).toBe(
                spec.kind === "integer" ? "number" : "duration",
            );
        }
    }
    for (const api of ["arm", "directory"] as const) expect(DISMISSAL_EFFECTS[api].kind).toBe("switch");
});

test("a shorter activation window weakens; every other duration and number weakens when it grows", () => {
    const directions = everySetting.flatMap(([api, alertId, setting]) => {
        const effect = alertEffects(api, alertId)?.settings[setting];
        return effect && effect.kind !== "switch" ? [`${setting} ${effect.weakensWhen}`] : [];
    });
    expect(new Set(directions)).toEqual(
        new Set([
            "thresholdNumberOfOwners higher",
            "thresholdPercentageOfOwnersOutOfAllRoleMembers higher",
            "thresholdNumberOfPermanentOwners higher",
            "thresholdPercentageOfPermanentOwnersOutOfAllOwners higher",
            "duration higher",
            "sequentialActivationCounterThreshold higher",
            "timeIntervalBetweenActivations lower",
            "globalAdminCountThreshold higher",
            "percentageOfGlobalAdminsOutOfRolesThreshold higher",
        ]),
    );
});

test("the ARM display names are Microsoft's (the spec's GetAlertDefinitions example)", () => {
    const example = JSON.parse(
        fs.readFileSync(
            path.resolve(__dirname, "../../../packages/emulator/test/fixtures/GetAlertDefinitions.json"),
            "utf8",
        ),
    ) as {
        responses: { 200: { body: { value: Array<{ name: string; properties: { displayName: string } }> } } };
    };
    const names = Object.fromEntries(example.responses[200].body.value.map((d) => [d.name, d.properties.displayName]));
    for (const alertId of ARM_ALERT_IDS) expect(alertEffects("arm", alertId)?.displayName).toBe(names[alertId]);
});

test("an alert this version does not know has no effects (and no prototype key counts as one)", () => {
    expect(alertEffects("arm", "SomeFutureAlert")).toBeUndefined();
    expect(alertEffects("directory", "constructor")).toBeUndefined();
});
