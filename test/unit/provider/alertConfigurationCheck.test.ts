import { checkAlertConfiguration } from "../../../src/provider/arm/configurationCheck";
import { UNKNOWN_VALUE } from "../../../src/provider/common/checkFailures";

const scope = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const owners = { scope, alertId: "TooManyOwnersAssignedToResource" };

describe("AlertConfiguration check", () => {
    test("normalises the scope and fills the default onDelete", () => {
        const result = checkAlertConfiguration(
            {},
            { ...owners, scope: scope.slice(1).toUpperCase() + "/", thresholdNumberOfOwners: 3 },
        );
        expect(result.failures).toEqual([]);
        expect(result.inputs).toEqual({ ...owners, thresholdNumberOfOwners: 3, onDelete: "retain" });
    });

    test("keeps the stored spelling of a scope that differs only in case", () => {
        const stored = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f/resourceGroups/RG";
        const result = checkAlertConfiguration({ scope: stored }, { ...owners, scope: stored.toLowerCase() });
        expect(result.inputs["scope"]).toBe(stored);
    });

    test.each<[string, Record<string, unknown>, string, string]>([
        [
            "an unknown alert id, listing the valid ones",
            { alertId: "TooManyOwners" },
            "alertId",
            'must be one of TooManyOwnersAssignedToResource, TooManyPermanentOwnersAssignedToResource, DuplicateRoleCreated, AzureRolesAssignedOutsidePimAlert; got "TooManyOwners"',
        ],
        [
            "a threshold the alert does not have",
            { alertId: "DuplicateRoleCreated", thresholdNumberOfOwners: 3 },
            "thresholdNumberOfOwners",
            "not a threshold of DuplicateRoleCreated; this alert has no thresholds",
        ],
        [
            "a threshold of the sibling alert",
            { thresholdNumberOfPermanentOwners: 3 },
            "thresholdNumberOfPermanentOwners",
            "its thresholds are thresholdNumberOfOwners, thresholdPercentageOfOwnersOutOfAllRoleMembers",
        ],
        [
            "a fractional count",
            { thresholdNumberOfOwners: 2.5 },
            "thresholdNumberOfOwners",
            "must be a whole number (a count, 0..2147483647); got 2.5",
        ],
        [
            "a negative count",
            { thresholdNumberOfOwners: -1 },
            "thresholdNumberOfOwners",
            "must be between 0 and 2147483647 (a count); got -1",
        ],
        [
            "a percentage above 100",
            { thresholdPercentageOfOwnersOutOfAllRoleMembers: 101 },
            "thresholdPercentageOfOwnersOutOfAllRoleMembers",
            "between 0 and 100 (a percentage); got 101",
        ],
        [
            "a string where a number belongs",
            { thresholdNumberOfOwners: "3" },
            "thresholdNumberOfOwners",
            'must be a number (a count, 0..2147483647); got string "3"',
        ],
        [
            "a malformed scope",
            { scope: "/subscriptions/abc" },
            "scope",
            'scope "/subscriptions/abc" is not valid: the subscription id must be a GUID',
        ],
        [
            "a non-boolean isEnabled",
            { isEnabled: "yes" },
            "isEnabled",
            'isEnabled must be true or false; got string "yes"',
        ],
        [
            "an unknown property",
            { thresholdOwners: 3 },
            "thresholdOwners",
            "thresholdOwners (3) is not a property of AlertConfiguration; allowed: scope, alertId, isEnabled, onDelete",
        ],
        ["a bad onDelete", { onDelete: "reset" }, "onDelete", 'onDelete must be one of retain, restore; got "reset"'],
    ])("rejects %s", (_what, change, property, reason) => {
        const { failures } = checkAlertConfiguration({}, { ...owners, ...change });
        expect(failures).toHaveLength(1);
        expect(failures[0]?.property).toBe(property);
        expect(failures[0]?.reason).toContain(reason);
    });

    test("values unknown during preview pass through unchecked", () => {
        const result = checkAlertConfiguration(
            {},
            {
                scope: UNKNOWN_VALUE,
                alertId: "TooManyOwnersAssignedToResource",
                thresholdNumberOfOwners: UNKNOWN_VALUE,
            },
        );
        expect(result.failures).toEqual([]);
        expect(result.inputs["scope"]).toBe(UNKNOWN_VALUE);
    });

    test("a missing scope and alert id are both reported", () => {
        const properties = checkAlertConfiguration({}, {}).failures.map((f) => f.property);
        expect(properties).toEqual(["scope", "alertId"]);
    });
});
