import type { DirectoryConfiguration } from "../../../src/graph/payload";
import { valuesToWrite } from "../../../src/provider/common/declaredState";
import {
    declaredDirectoryValues,
    diffDirectoryConfiguration,
    directoryConfigurationOutputs,
    inSpelling,
    refreshedDirectoryInputs,
    sameDirectoryValue,
} from "../../../src/provider/directory/configurationState";

const tenantId = "aaaabbbb-0000-1111-2222-ccccddddeeee";
const stored = {
    alertId: "StaleSignInAlert",
    tenantId,
    onDelete: "retain",
    odataType: "#microsoft.graph.staleSignInAlertConfiguration",
    declaredProperties: ["isEnabled", "duration"],
    initialProperties: { isEnabled: false, duration: "PT1440H" },
    isEnabled: true,
    duration: "P30D",
};
const inputs = { alertId: "StaleSignInAlert", onDelete: "retain", isEnabled: true, duration: "P30D" };

describe("diffDirectoryConfiguration", () => {
    test.each<[string, Record<string, unknown>]>([
        ["the same values", inputs],
        ["the same duration in hours", { ...inputs, duration: "PT720H" }],
        ["the same duration in weeks and days", { ...inputs, duration: "P4W2D" }],
    ])("no change for %s", (_what, news) => {
        expect(diffDirectoryConfiguration(stored, news)).toEqual({ changes: false, replaces: [], changed: [] });
    });

    test.each<[string, Record<string, unknown>, string[]]>([
        ["a longer duration", { ...inputs, duration: "P31D" }, ["duration"]],
        ["a duration one hour shorter", { ...inputs, duration: "PT719H" }, ["duration"]],
        ["isEnabled", { ...inputs, isEnabled: false }, ["isEnabled"]],
        [
            "a property no longer declared (recorded, never written)",
            { alertId: "StaleSignInAlert", onDelete: "retain", isEnabled: true },
            ["duration"],
        ],
        ["onDelete", { ...inputs, onDelete: "restore" }, ["onDelete"]],
    ])("an update for %s", (_what, news, changed) => {
        expect(diffDirectoryConfiguration(stored, news)).toEqual({ changes: true, replaces: [], changed });
    });

    test("an undeclared property that differs is not a change", () => {
        const sequential = {
            ...stored,
            alertId: "SequentialActivationRenewalsAlert",
            declaredProperties: ["sequentialActivationCounterThreshold"],
            sequentialActivationCounterThreshold: 3,
            timeIntervalBetweenActivations: "PT10S",
        };
        const news = {
            alertId: "SequentialActivationRenewalsAlert",
            onDelete: "retain",
            sequentialActivationCounterThreshold: 3,
        };
        expect(diffDirectoryConfiguration(sequential, news).changes).toBe(false);
    });

    test("a new alert id replaces", () => {
        expect(diffDirectoryConfiguration(stored, { ...inputs, alertId: "RedundantAssignmentAlert" })).toEqual({
            changes: true,
            replaces: ["alertId"],
            changed: ["alertId"],
        });
    });
});

describe("values and spelling", () => {
    test.each<[string, unknown, unknown, boolean]>([
        ["duration", "P30D", "PT720H", true],
        ["timeIntervalBetweenActivations", "PT1H", "PT60M", true],
        ["timeIntervalBetweenActivations", "PT1H", "PT61M", false],
        ["globalAdminCountThreshold", 3, 3, true],
        ["globalAdminCountThreshold", 3, "3", false],
        ["isEnabled", true, "true", false],
    ])("%s: %j and %j are the same: %s", (property, a, b, same) => {
        expect(sameDirectoryValue(property, a, b)).toBe(same);
    });

    test("only declared values that differ by meaning are written", () => {
        const declared = declaredDirectoryValues("StaleSignInAlert", {
            ...inputs,
            duration: "P4W2D",
            globalAdminCountThreshold: 3,
        });
        expect(declared).toEqual({ isEnabled: true, duration: "P4W2D" });
        expect(valuesToWrite(declared, { isEnabled: false, duration: "PT720H" }, sameDirectoryValue)).toEqual({
            isEnabled: true,
        });
        expect(valuesToWrite(declared, { isEnabled: true, duration: "P31D" }, sameDirectoryValue)).toEqual({
            duration: "P4W2D",
        });
    });

    test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
        [
            "a live duration equal by meaning is reported in the program's spelling",
            { duration: "P30D" },
            { isEnabled: true, duration: "P30D" },
        ],
        [
            "a live duration that differs is reported as Graph spells it",
            { duration: "P31D" },
            { isEnabled: true, duration: "PT720H" },
        ],
        ["with no spelling, Graph's", {}, { isEnabled: true, duration: "PT720H" }],
    ])("%s", (_what, spelling, expected) => {
        expect(inSpelling({ isEnabled: true, duration: "PT720H" }, spelling)).toEqual(expected);
    });
});

describe("outputs and refreshed inputs", () => {
    const live: DirectoryConfiguration = {
        id: `DirectoryRole_${tenantId}_StaleSignInAlert`,
        alertId: "StaleSignInAlert",
        odataType: "#microsoft.graph.staleSignInAlertConfiguration",
        values: { isEnabled: true, duration: "PT720H" },
    };

    test("outputs hold identity, management, initial values and live values in the program's spelling", () => {
        const outs = directoryConfigurationOutputs(
            live,
            tenantId,
            { onDelete: "restore", declaredProperties: ["duration"] },
            { isEnabled: false, duration: "P7D" },
            { duration: "P4W2D" },
        );
        expect(outs).toEqual({
            alertId: "StaleSignInAlert",
            tenantId,
            onDelete: "restore",
            odataType: "#microsoft.graph.staleSignInAlertConfiguration",
            declaredProperties: ["duration"],
            initialProperties: { isEnabled: false, duration: "P7D" },
            isEnabled: true,
            duration: "P4W2D",
        });
    });

    test("read reports the live values of the declared properties only", () => {
        const outs = directoryConfigurationOutputs(
            live,
            tenantId,
            { onDelete: "retain", declaredProperties: ["duration"] },
            {},
            { duration: "P31D" },
        );
        expect(refreshedDirectoryInputs(outs, { ...inputs, isEnabled: false })).toEqual({
            alertId: "StaleSignInAlert",
            onDelete: "retain",
            duration: "PT720H",
        });
    });
});
