import {
    diffConfiguration,
    refreshedInputs,
    valuesToWrite,
    type AlertConfigurationOutputs,
} from "../../../src/provider/arm/configurationState";

const scope = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const stored = {
    scope,
    alertId: "TooManyOwnersAssignedToResource",
    onDelete: "retain",
    alertConfigurationType: "TooManyOwnersAssignedToResourceAlertConfiguration",
    declaredProperties: ["thresholdNumberOfOwners"],
    initialProperties: {
        isEnabled: true,
        thresholdNumberOfOwners: 2,
        thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,
    },
    isEnabled: true,
    thresholdNumberOfOwners: 3,
    thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,
};
const inputs = { scope, alertId: "TooManyOwnersAssignedToResource", onDelete: "retain", thresholdNumberOfOwners: 3 };

describe("diffConfiguration", () => {
    test("no change when the declared values equal the stored ones", () => {
        expect(diffConfiguration(stored, inputs)).toEqual({ changes: false, replaces: [], changed: [] });
    });
    test("an undeclared property that differs is not a change", () => {
        expect(
            diffConfiguration(
                { ...stored, thresholdPercentageOfOwnersOutOfAllRoleMembers: 50, isEnabled: false },
                inputs,
            ).changes,
        ).toBe(false);
    });
    test("a changed threshold is an update, never a replacement", () => {
        expect(diffConfiguration(stored, { ...inputs, thresholdNumberOfOwners: 5 })).toEqual({
            changes: true,
            replaces: [],
            changed: ["thresholdNumberOfOwners"],
        });
    });
    test("a new scope or alert id replaces; a scope in another case does not", () => {
        expect(diffConfiguration(stored, { ...inputs, scope: `${scope}/resourceGroups/rg` }).replaces).toEqual([
            "scope",
        ]);
        expect(diffConfiguration(stored, { ...inputs, alertId: "DuplicateRoleCreated" }).replaces).toEqual(["alertId"]);
        expect(diffConfiguration(stored, { ...inputs, scope: scope.toUpperCase() }).changes).toBe(false);
    });
    test("a property no longer declared is recorded as a change without a write", () => {
        const result = diffConfiguration(stored, {
            scope,
            alertId: "TooManyOwnersAssignedToResource",
            onDelete: "retain",
        });
        expect(result).toEqual({ changes: true, replaces: [], changed: ["thresholdNumberOfOwners"] });
    });
    test("onDelete changes are updates", () => {
        expect(diffConfiguration(stored, { ...inputs, onDelete: "restore" }).changed).toEqual(["onDelete"]);
    });
});

describe("valuesToWrite", () => {
    test("only the declared values that differ", () => {
        expect(valuesToWrite({ isEnabled: true, thresholdNumberOfOwners: 4 }, stored)).toEqual({
            thresholdNumberOfOwners: 4,
        });
    });
});

describe("refreshedInputs", () => {
    test("reports the live values of the declared properties only", () => {
        const live = { ...stored, thresholdNumberOfOwners: 5 } as AlertConfigurationOutputs;
        expect(refreshedInputs(live, inputs)).toEqual({
            scope,
            alertId: "TooManyOwnersAssignedToResource",
            onDelete: "retain",
            thresholdNumberOfOwners: 5,
        });
    });
});
