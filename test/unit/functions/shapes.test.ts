// Pure helpers of the data functions: targets, severities, values, incidents, operation details.
import { describeOperationDetail } from "../../../src/arm/operationDetail";
import { typedIncident } from "../../../src/functions/incidentTypes";
import { joinDefinitions, normalizeSeverity, shortDirectoryAlertId, splitValues } from "../../../src/functions/shapes";
import { parseIncidentId, parseTarget, parseTargetAlert, targetScope } from "../../../src/functions/target";

const TENANT = "8d3c7a2e-5b1f-4c6e-9a0d-e71f2b4c9a10";

test.each([
    ["directory", { kind: "directory" }],
    [" Directory ", { kind: "directory" }],
    [
        "subscriptions/AFA2A084-766F-4003-8AE1-C4AEB893A99F/",
        { kind: "arm", scope: "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f" },
    ],
    [
        "providers/Microsoft.Management/managementGroups/platform",
        { kind: "arm", scope: "/providers/Microsoft.Management/managementGroups/platform" },
    ],
])("parseTarget(%j)", (scope, expected) => {
    expect(parseTarget(scope)).toEqual(expected);
});

test.each([
    [42, /scope must be a string: "directory" or an ARM scope .*; got number/],
    ["", /scope "" is neither "directory" nor an ARM scope: the scope is empty/],
    ["/tenants/x", /must start with subscriptions\/ or providers\/Microsoft.Management\/managementGroups\//],
])("parseTarget(%j) fails: %s", (scope, message) => {
    expect(() => parseTarget(scope)).toThrow(message);
});

test("targetScope gives the canonical scope or directory", () => {
    expect(targetScope(parseTarget("subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f"))).toBe(
        "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f",
    );
    expect(targetScope(parseTarget("DIRECTORY"))).toBe("directory");
});

test.each([
    ["StaleSignInAlert", { kind: "directory", alertId: "StaleSignInAlert", tenantId: undefined }],
    [`DirectoryRole_${TENANT}_StaleSignInAlert`, { kind: "directory", alertId: "StaleSignInAlert", tenantId: TENANT }],
])("parseTargetAlert(directory, %j)", (alertId, expected) => {
    expect(parseTargetAlert(parseTarget("directory"), alertId)).toEqual(expected);
});

test.each([
    ["a GUID", "a9f38501-74ec-43ea-8663-6c538602150d", true],
    ["a Graph operation-style id", "refresh:abc", true],
    ["a path", "a/b", false],
    ["a query", "a?b", false],
    ["empty", "", false],
])("parseIncidentId accepts %s: %s", (_what, id, ok) => {
    if (ok) expect(parseIncidentId(id)).toBe(id);
    else expect(() => parseIncidentId(id)).toThrow("is not an incident id");
});

test.each([
    ["High", "High"],
    ["high", "High"],
    ["informational", "Informational"],
    ["unknownFutureValue", "UnknownFutureValue"],
    ["", ""],
])("normalizeSeverity(%j) = %j", (input, expected) => {
    expect(normalizeSeverity(input)).toBe(expected);
});

test.each([
    [
        { isEnabled: true, thresholdNumberOfOwners: 3 },
        { isEnabled: true, settings: { thresholdNumberOfOwners: 3 } },
    ],
    [
        { isEnabled: false, duration: "P30D" },
        { isEnabled: false, settings: { duration: "P30D" } },
    ],
    [{ isEnabled: true }, { isEnabled: true, settings: {} }],
])("splitValues(%j)", (values, expected) => {
    expect(splitValues(values)).toEqual(expected);
});

test.each([
    [`DirectoryRole_${TENANT}_StaleSignInAlert`, "StaleSignInAlert"],
    [`DirectoryRole_${TENANT}_SomeFutureAlert`, "SomeFutureAlert"],
    ["SomethingElse", "SomethingElse"],
])("shortDirectoryAlertId(%j) = %j", (id, expected) => {
    expect(shortDirectoryAlertId(id)).toBe(expected);
});

test("joinDefinitions matches on alertId ignoring case; an alert without definition gets empty strings", () => {
    const base = { isActive: true, incidentCount: 1, lastScannedDateTime: "t", lastModifiedDateTime: "" };
    const definition = {
        id: "d",
        alertId: "DuplicateRoleCreated",
        displayName: "Duplicate role created",
        severity: "Medium",
        description: "",
        securityImpact: "",
        mitigationSteps: "",
        howToPrevent: "",
        isConfigurable: false,
        isRemediatable: true,
    };
    expect(
        joinDefinitions(
            [
                { id: "a", alertId: "duplicateRoleCreated", ...base },
                { id: "b", alertId: "New", ...base },
            ],
            [definition],
        ),
    ).toEqual([
        {
            id: "a",
            alertId: "duplicateRoleCreated",
            displayName: "Duplicate role created",
            severity: "Medium",
            ...base,
        },
        { id: "b", alertId: "New", displayName: "", severity: "", ...base },
    ]);
});

test.each([
    [
        '{"result":[{"name":"DuplicateRoleCreated","statusDetail":"Alert scan failed."}]}',
        "DuplicateRoleCreated: Alert scan failed.",
    ],
    ['{"result":[{"name":"A","statusDetail":"ok"},{"name":"B","statusDetail":"failed"}]}', "A: ok; B: failed"],
    ['{"result":[]}', '{"result":[]}'],
    ["The alert scan failed.", "The alert scan failed."],
    ["", ""],
])("describeOperationDetail(%j) = %j", (detail, expected) => {
    expect(describeOperationDetail(detail)).toBe(expected);
});

describe("typedIncident", () => {
    test("fills every property of the type; missing strings are empty, missing numbers zero", () => {
        expect(
            typedIncident("i1", "sequentialActivationRenewalsAlertIncident", {
                assigneeId: "u1",
                roleDisplayName: null,
            }),
        ).toEqual({
            incidentId: "i1",
            incidentType: "sequentialActivationRenewalsAlertIncident",
            assigneeDisplayName: "",
            assigneeId: "u1",
            assigneeUserPrincipalName: "",
            roleDefinitionId: "",
            roleDisplayName: "",
            roleTemplateId: "",
            activationCount: 0,
            sequenceStartDateTime: "",
            sequenceEndDateTime: "",
        });
    });

    test("drops properties its type does not define", () => {
        expect(
            typedIncident("i2", "TooManyOwnersAssignedToResourceAlertIncident", {
                assigneeName: "x",
                assigneeType: "User",
                extra: 1,
            }),
        ).toEqual({
            incidentId: "i2",
            incidentType: "TooManyOwnersAssignedToResourceAlertIncident",
            assigneeName: "x",
            assigneeType: "User",
        });
    });

    test.each([
        [
            "an unknown type",
            "futureAlertIncident",
            {},
            'reading incident i3: its type "futureAlertIncident" is not one this version of pulumi-pim-alerts knows (a newer API?); upgrade the package',
        ],
        [
            "a number where a string belongs",
            "invalidLicenseAlertIncident",
            { tenantLicenseStatus: 3 },
            "reading incident i3 (invalidLicenseAlertIncident): tenantLicenseStatus is 3, not a string",
        ],
    ])("%s is an error naming the incident", (_what, type, properties, message) => {
        expect(() => typedIncident("i3", type, properties)).toThrow(message);
    });
});
