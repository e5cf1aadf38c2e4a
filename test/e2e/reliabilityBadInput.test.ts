/**
 * A corpus of malformed inputs for all four resources, each sent through `check` over gRPC as the
 * engine does: every one is rejected with a message that names the offending property, and none
 * reaches the network (no API call, no token request).
 */
import { startEmulator } from "pulumi-pim-alerts-emulator";
import {
    capturedDirectoryProviders,
    DIRECTORY_CONFIGURATION,
    DIRECTORY_DISMISSAL,
    type DirectoryProviders,
} from "./support/directorySession";
import {
    capturedArmProviders,
    CONFIGURATION,
    DISMISSAL,
    startArmSession,
    type ArmSession,
    type SerializedProviders,
} from "./support/armSession";

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const OWNERS = "TooManyOwnersAssignedToResource";
const owners = (change: Record<string, unknown>) => ({
    scope: SUB,
    alertId: OWNERS,
    thresholdNumberOfOwners: 3,
    ...change,
});
const dismissal = (change: Record<string, unknown>) => ({ scope: SUB, alertId: "DuplicateRoleCreated", ...change });
const stale = (change: Record<string, unknown>) => ({ alertId: "StaleSignInAlert", duration: "P30D", ...change });
const sequential = (change: Record<string, unknown>) => ({ alertId: "SequentialActivationRenewalsAlert", ...change });
const globalAdmins = (change: Record<string, unknown>) => ({
    alertId: "TooManyGlobalAdminsAssignedToTenantAlert",
    ...change,
});
const noMfa = (change: Record<string, unknown>) => ({ alertId: "NoMfaOnRoleActivationAlert", ...change });

type Case = [what: string, type: string, inputs: Record<string, unknown>, property: string, reason: string];

const CASES: Case[] = [
    // AlertConfiguration: wrong types
    [
        "alertId as a number",
        CONFIGURATION,
        owners({ alertId: 42 }),
        "alertId",
        "alertId must be one of TooManyOwnersAssignedToResource",
    ],
    [
        "alertId in the wrong case",
        CONFIGURATION,
        owners({ alertId: "toomanyownersassignedtoresource" }),
        "alertId",
        "alertId must be one of",
    ],
    [
        "alertId empty",
        CONFIGURATION,
        owners({ alertId: "" }),
        "alertId",
        'alertId must be one of TooManyOwnersAssignedToResource, TooManyPermanentOwnersAssignedToResource, DuplicateRoleCreated, AzureRolesAssignedOutsidePimAlert; got ""',
    ],
    [
        "isEnabled as a string",
        CONFIGURATION,
        owners({ isEnabled: "true" }),
        "isEnabled",
        'isEnabled must be true or false; got string "true"',
    ],
    [
        "isEnabled as 1",
        CONFIGURATION,
        owners({ isEnabled: 1 }),
        "isEnabled",
        "isEnabled must be true or false; got number 1",
    ],
    [
        "a string where a number belongs",
        CONFIGURATION,
        owners({ thresholdNumberOfOwners: "3" }),
        "thresholdNumberOfOwners",
        'thresholdNumberOfOwners must be a number (a count, 0..2147483647); got string "3"',
    ],
    [
        "null for a threshold",
        CONFIGURATION,
        owners({ thresholdNumberOfOwners: null }),
        "thresholdNumberOfOwners",
        "thresholdNumberOfOwners must be a number",
    ],
    [
        "an array for a threshold",
        CONFIGURATION,
        owners({ thresholdNumberOfOwners: [3] }),
        "thresholdNumberOfOwners",
        "got object [3]",
    ],
    [
        "an object for a threshold",
        CONFIGURATION,
        owners({ thresholdNumberOfOwners: { value: 3 } }),
        "thresholdNumberOfOwners",
        'got object {"value":3}',
    ],
    // AlertConfiguration: numbers out of range or fractional
    [
        "a fractional count",
        CONFIGURATION,
        owners({ thresholdNumberOfOwners: 2.5 }),
        "thresholdNumberOfOwners",
        "thresholdNumberOfOwners must be a whole number (a count, 0..2147483647); got 2.5",
    ],
    [
        "a negative count",
        CONFIGURATION,
        owners({ thresholdNumberOfOwners: -1 }),
        "thresholdNumberOfOwners",
        "must be between 0 and 2147483647 (a count); got -1",
    ],
    [
        "a count just over int32",
        CONFIGURATION,
        owners({ thresholdNumberOfOwners: 2147483648 }),
        "thresholdNumberOfOwners",
        "got 2147483648",
    ],
    [
        "a huge count",
        CONFIGURATION,
        owners({ thresholdNumberOfOwners: 1e308 }),
        "thresholdNumberOfOwners",
        "must be between 0 and 2147483647",
    ],
    [
        "a fractional percentage",
        CONFIGURATION,
        owners({ thresholdPercentageOfOwnersOutOfAllRoleMembers: 99.5 }),
        "thresholdPercentageOfOwnersOutOfAllRoleMembers",
        "must be a whole number (a percentage, 0..100)",
    ],
    [
        "a percentage over 100",
        CONFIGURATION,
        owners({ thresholdPercentageOfOwnersOutOfAllRoleMembers: 101 }),
        "thresholdPercentageOfOwnersOutOfAllRoleMembers",
        "must be between 0 and 100 (a percentage); got 101",
    ],
    // AlertConfiguration: unknown properties
    [
        "a misspelt threshold",
        CONFIGURATION,
        owners({ thresholdNumberOfOwner: 3 }),
        "thresholdNumberOfOwner",
        "thresholdNumberOfOwner (3) is not a property of AlertConfiguration",
    ],
    [
        "the API's properties envelope",
        CONFIGURATION,
        owners({ properties: { isEnabled: true } }),
        "properties",
        'properties ({"isEnabled":true}) is not a property of AlertConfiguration',
    ],
    [
        "a threshold of another alert",
        CONFIGURATION,
        owners({ thresholdNumberOfPermanentOwners: 3 }),
        "thresholdNumberOfPermanentOwners",
        "is not a threshold of TooManyOwnersAssignedToResource; its thresholds are thresholdNumberOfOwners, thresholdPercentageOfOwnersOutOfAllRoleMembers",
    ],
    [
        "onDelete not a choice",
        CONFIGURATION,
        owners({ onDelete: "wipe" }),
        "onDelete",
        'onDelete must be one of retain, restore; got "wipe"',
    ],
    [
        "onDelete as a boolean",
        CONFIGURATION,
        owners({ onDelete: true }),
        "onDelete",
        "onDelete must be one of retain, restore; got true",
    ],
    // Scopes: malformed, empty, huge, injection-looking
    ["scope empty", CONFIGURATION, owners({ scope: "" }), "scope", "the scope is empty"],
    ["scope only spaces", CONFIGURATION, owners({ scope: "   " }), "scope", "the scope is empty"],
    ["scope as a number", CONFIGURATION, owners({ scope: 123 }), "scope", "scope must be an ARM scope string; got 123"],
    [
        "scope with a subscription that is not a GUID",
        CONFIGURATION,
        owners({ scope: "/subscriptions/not-a-guid" }),
        "scope",
        "the subscription id must be a GUID",
    ],
    [
        "scope ending after resourceGroups",
        CONFIGURATION,
        owners({ scope: `${SUB}/resourceGroups/` }),
        "scope",
        "only resourceGroups/{name} may follow",
    ],
    [
        "scope as a full URL",
        CONFIGURATION,
        owners({ scope: `https://management.azure.com${SUB}` }),
        "scope",
        "is not valid",
    ],
    [
        "scope carrying a query string",
        CONFIGURATION,
        owners({ scope: `${SUB}?api-version=2015-01-01` }),
        "scope",
        "has characters that are not allowed",
    ],
    [
        "scope with a path traversal",
        CONFIGURATION,
        owners({ scope: `${SUB}/resourceGroups/rg/../../../providers` }),
        "scope",
        '"..',
    ],
    [
        "scope with an encoded traversal",
        CONFIGURATION,
        owners({ scope: `${SUB}/resourceGroups/%2e%2e` }),
        "scope",
        '"%2e%2e" has characters that are not allowed',
    ],
    [
        "scope with a header injection",
        CONFIGURATION,
        owners({ scope: `${SUB}\r\nHost: evil.example` }),
        "scope",
        "has characters that are not allowed",
    ],
    [
        "scope with a fragment",
        CONFIGURATION,
        owners({ scope: `${SUB}#frag` }),
        "scope",
        "has characters that are not allowed",
    ],
    [
        "scope of 10 000 characters",
        CONFIGURATION,
        owners({ scope: `/subscriptions/${"a".repeat(10_000)}` }),
        "scope",
        "...",
    ],
    [
        "scope in full-width letters",
        CONFIGURATION,
        owners({ scope: "/ｓｕｂｓｃｒｉｐｔｉｏｎｓ/afa2a084-766f-4003-8ae1-c4aeb893a99f" }),
        "scope",
        "has characters that are not allowed",
    ],
    [
        "scope not starting with subscriptions or a management group",
        CONFIGURATION,
        owners({ scope: "/tenants/afa2a084-766f-4003-8ae1-c4aeb893a99f" }),
        "scope",
        "the scope must start with subscriptions/",
    ],
    // AlertDismissal
    [
        "dismissal of an unknown alert",
        DISMISSAL,
        dismissal({ alertId: "TooManyOwners" }),
        "alertId",
        "alertId must be one of",
    ],
    [
        "dismissal declared active",
        DISMISSAL,
        dismissal({ isActive: true }),
        "isActive",
        "isActive can only be false on a dismissal; got true",
    ],
    ["dismissal isActive as a string", DISMISSAL, dismissal({ isActive: "false" }), "isActive", 'got "false"'],
    [
        "dismissal with a threshold",
        DISMISSAL,
        dismissal({ thresholdNumberOfOwners: 3 }),
        "thresholdNumberOfOwners",
        "is not a property of AlertDismissal",
    ],
    [
        "dismissal onDelete restore (a configuration's choice)",
        DISMISSAL,
        dismissal({ onDelete: "restore" }),
        "onDelete",
        "onDelete must be one of retain, reactivate",
    ],
    [
        "dismissal with a malformed scope",
        DISMISSAL,
        dismissal({ scope: "subscriptions/123" }),
        "scope",
        "the subscription id must be a GUID",
    ],
    // DirectoryAlertConfiguration
    [
        "directory alert id of ARM",
        DIRECTORY_CONFIGURATION,
        stale({ alertId: OWNERS, duration: undefined }),
        "alertId",
        "alertId must be one of",
    ],
    ["duration in words", DIRECTORY_CONFIGURATION, stale({ duration: "30 days" }), "duration", "duration is not valid"],
    ["duration in months", DIRECTORY_CONFIGURATION, stale({ duration: "P1M" }), "duration", "duration is not valid"],
    ["duration empty", DIRECTORY_CONFIGURATION, stale({ duration: "" }), "duration", "duration is not valid"],
    [
        "duration as a number",
        DIRECTORY_CONFIGURATION,
        stale({ duration: 30 }),
        "duration",
        "duration must be an ISO-8601 duration string",
    ],
    [
        "duration under the portal's range",
        DIRECTORY_CONFIGURATION,
        stale({ duration: "P0D" }),
        "duration",
        "duration must be between P1D and P365D",
    ],
    [
        "duration over the portal's range",
        DIRECTORY_CONFIGURATION,
        stale({ duration: "P366D" }),
        "duration",
        "duration must be between P1D and P365D",
    ],
    [
        "duration not in whole days",
        DIRECTORY_CONFIGURATION,
        stale({ duration: "PT12H" }),
        "duration",
        "duration must be a whole number of days",
    ],
    [
        "counter under its range",
        DIRECTORY_CONFIGURATION,
        sequential({ sequentialActivationCounterThreshold: 1 }),
        "sequentialActivationCounterThreshold",
        "sequentialActivationCounterThreshold must be between 2 and 100",
    ],
    [
        "fractional counter",
        DIRECTORY_CONFIGURATION,
        sequential({ sequentialActivationCounterThreshold: 2.5 }),
        "sequentialActivationCounterThreshold",
        "must be a whole number",
    ],
    [
        "counter as a string",
        DIRECTORY_CONFIGURATION,
        sequential({ sequentialActivationCounterThreshold: "5" }),
        "sequentialActivationCounterThreshold",
        "must be a number",
    ],
    [
        "interval over its range",
        DIRECTORY_CONFIGURATION,
        sequential({ timeIntervalBetweenActivations: "P31D" }),
        "timeIntervalBetweenActivations",
        "timeIntervalBetweenActivations must be between",
    ],
    [
        "global admin count over 100",
        DIRECTORY_CONFIGURATION,
        globalAdmins({ globalAdminCountThreshold: 101 }),
        "globalAdminCountThreshold",
        "globalAdminCountThreshold must be between 2 and 100",
    ],
    [
        "negative percentage",
        DIRECTORY_CONFIGURATION,
        globalAdmins({ percentageOfGlobalAdminsOutOfRolesThreshold: -1 }),
        "percentageOfGlobalAdminsOutOfRolesThreshold",
        "must be between 0 and 100",
    ],
    [
        "a setting on an alert without settings",
        DIRECTORY_CONFIGURATION,
        noMfa({ duration: "P30D" }),
        "duration",
        "is not a setting of NoMfaOnRoleActivationAlert; this alert has no settings",
    ],
    [
        "an ARM scope on a directory alert",
        DIRECTORY_CONFIGURATION,
        stale({ scope: SUB }),
        "scope",
        'scope ("/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f") is not a property of DirectoryAlertConfiguration',
    ],
    // DirectoryAlertDismissal
    [
        "directory dismissal id with a trailing space",
        DIRECTORY_DISMISSAL,
        noMfa({ alertId: "NoMfaOnRoleActivationAlert " }),
        "alertId",
        'got "NoMfaOnRoleActivationAlert "',
    ],
    [
        "directory dismissal declared active",
        DIRECTORY_DISMISSAL,
        noMfa({ isActive: true }),
        "isActive",
        "isActive can only be false",
    ],
    [
        "directory dismissal onDelete restore",
        DIRECTORY_DISMISSAL,
        noMfa({ onDelete: "restore" }),
        "onDelete",
        "onDelete must be one of retain, reactivate",
    ],
];

let arm: SerializedProviders;
let directory: DirectoryProviders;
let session: ArmSession;

beforeAll(async () => {
    arm = capturedArmProviders();
    directory = capturedDirectoryProviders();
    const emulator = await startEmulator({ retryAfterSeconds: 0 });
    session = await startArmSession({ emulator, config: { "pim-alerts:graphEndpoint": `${emulator.url}/beta` } });
});
afterAll(async () => {
    await session.stop();
});

const providerOf: Record<string, () => string> = {
    [CONFIGURATION]: () => arm.configuration,
    [DISMISSAL]: () => arm.dismissal,
    [DIRECTORY_CONFIGURATION]: () => directory.configuration,
    [DIRECTORY_DISMISSAL]: () => directory.dismissal,
};

test("the corpus covers all four resources with at least 30 inputs", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map(([, type]) => type))).toEqual(new Set(Object.keys(providerOf)));
});

test.each(CASES)("%s is rejected by check, naming the property", async (_what, type, inputs, property, reason) => {
    const defined = Object.fromEntries(Object.entries(inputs).filter(([, v]) => v !== undefined));
    const result = await session.host.check(type, "bad", {}, { __provider: providerOf[type]?.() ?? "", ...defined });
    expect(result.failures).toEqual([{ property, reason: expect.stringContaining(reason) }]);
    expect(result.failures[0]?.reason).toContain(property);
    expect(session.emulator.admin.requests()).toEqual([]);
});

test("none of them reached the network, and the host still answers", async () => {
    const ok = await session.host.check(CONFIGURATION, "good", {}, { __provider: arm.configuration, ...owners({}) });
    expect(ok.failures).toEqual([]);
    expect(session.emulator.admin.requests()).toEqual([]);
    expect(session.host.isRunning()).toBe(true);
});
