/**
 * Judging, table by table: each row is one preview step (built as `pulumi preview --json` writes it)
 * and the findings a reviewer must see: property, before, after, effect, kind.
 */
import { reviewPreview } from "../../../src/review/review";
import { armConfiguration, directoryConfiguration, dismissal, preview, step, SUB } from "./previewBuilder";

type Row = [property: string, before: unknown, after: unknown, effect: string, kind: string];

function findings(...steps: Array<Record<string, unknown>>): Row[] {
    return reviewPreview(preview(...steps), "preview.json").findings.map((f) => [
        f.property,
        f.before,
        f.after,
        f.effect,
        f.kind,
    ]);
}

function reasons(...steps: Array<Record<string, unknown>>): string[] {
    return reviewPreview(preview(...steps), "preview.json").findings.map((f) => f.reason);
}

const OWNERS = "TooManyOwnersAssignedToResource";
const PERMANENT = "TooManyPermanentOwnersAssignedToResource";
const cfgUpdate = (
    alertId: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    live: Record<string, unknown> = {},
) =>
    step(
        "update",
        "AlertConfiguration",
        "c",
        armConfiguration(alertId, before, live),
        armConfiguration(alertId, after),
    );
const dirUpdate = (alertId: string, before: Record<string, unknown>, after: Record<string, unknown>) =>
    step(
        "update",
        "DirectoryAlertConfiguration",
        "d",
        directoryConfiguration(alertId, before),
        directoryConfiguration(alertId, after),
    );

describe("an update of an ARM configuration", () => {
    test.each<[string, Record<string, unknown>, Row[]]>([
        [
            "a higher owner count weakens",
            cfgUpdate(OWNERS, { thresholdNumberOfOwners: 3 }, { thresholdNumberOfOwners: 10 }),
            [["thresholdNumberOfOwners", 3, 10, "weakens", "change"]],
        ],
        [
            "a lower owner count strengthens",
            cfgUpdate(OWNERS, { thresholdNumberOfOwners: 10 }, { thresholdNumberOfOwners: 3 }),
            [["thresholdNumberOfOwners", 10, 3, "strengthens", "change"]],
        ],
        [
            "a higher percentage weakens",
            cfgUpdate(
                PERMANENT,
                { thresholdPercentageOfPermanentOwnersOutOfAllOwners: 10 },
                { thresholdPercentageOfPermanentOwnersOutOfAllOwners: 20 },
            ),
            [["thresholdPercentageOfPermanentOwnersOutOfAllOwners", 10, 20, "weakens", "change"]],
        ],
        [
            "disabling weakens",
            cfgUpdate(OWNERS, { isEnabled: true }, { isEnabled: false }),
            [["isEnabled", true, false, "weakens", "change"]],
        ],
        [
            "enabling strengthens",
            cfgUpdate(OWNERS, { isEnabled: false }, { isEnabled: true }),
            [["isEnabled", false, true, "strengthens", "change"]],
        ],
        [
            "a newly declared setting is judged from its live value",
            cfgUpdate(
                OWNERS,
                { isEnabled: true },
                { isEnabled: true, thresholdPercentageOfOwnersOutOfAllRoleMembers: 40 },
                { thresholdPercentageOfOwnersOutOfAllRoleMembers: 25 },
            ),
            [["thresholdPercentageOfOwnersOutOfAllRoleMembers", 25, 40, "weakens", "change"]],
        ],
        [
            "a newly declared setting whose value the state lacks is unknown",
            cfgUpdate(OWNERS, { isEnabled: true }, { isEnabled: true, thresholdNumberOfOwners: 4 }),
            [["thresholdNumberOfOwners", null, 4, "unknown", "change"]],
        ],
        [
            "a setting no longer declared is neutral",
            cfgUpdate(OWNERS, { isEnabled: true, thresholdNumberOfOwners: 3 }, { isEnabled: true }),
            [["thresholdNumberOfOwners", 3, null, "neutral", "change"]],
        ],
        [
            "nothing but the provider text changed: no finding",
            cfgUpdate(OWNERS, { thresholdNumberOfOwners: 3 }, { thresholdNumberOfOwners: 3 }),
            [],
        ],
        [
            "onDelete retain to restore is neutral",
            cfgUpdate(OWNERS, { onDelete: "retain" }, { onDelete: "restore" }),
            [["onDelete", "retain", "restore", "neutral", "change"]],
        ],
        [
            "a secret new value is unknown",
            cfgUpdate(OWNERS, { thresholdNumberOfOwners: 3 }, { thresholdNumberOfOwners: "[secret]" }),
            [["thresholdNumberOfOwners", 3, "[secret]", "unknown", "change"]],
        ],
        [
            "a secret old value is unknown",
            cfgUpdate(OWNERS, { thresholdNumberOfOwners: "[secret]" }, { thresholdNumberOfOwners: 3 }),
            [["thresholdNumberOfOwners", "[secret]", 3, "unknown", "change"]],
        ],
        [
            "a value known only at update time is unknown",
            cfgUpdate(OWNERS, { isEnabled: true }, { isEnabled: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }),
            [["isEnabled", true, "[unknown]", "unknown", "change"]],
        ],
        [
            "a number as a string is unknown",
            cfgUpdate(OWNERS, { thresholdNumberOfOwners: 3 }, { thresholdNumberOfOwners: "10" }),
            [["thresholdNumberOfOwners", 3, "10", "unknown", "change"]],
        ],
        [
            "a switch as a string is unknown",
            cfgUpdate(OWNERS, { isEnabled: true }, { isEnabled: "false" }),
            [["isEnabled", true, "false", "unknown", "change"]],
        ],
        [
            "an alert this version does not know is unknown",
            cfgUpdate("SomeFutureAlert", { isEnabled: true }, { isEnabled: false }),
            [["isEnabled", true, false, "unknown", "change"]],
        ],
        [
            "a setting this version does not know is unknown",
            cfgUpdate(OWNERS, { futureThreshold: 1 }, { futureThreshold: 2 }),
            [["futureThreshold", 1, 2, "unknown", "change"]],
        ],
    ])("%s", (_, stepJson, expected) => {
        expect(findings(stepJson)).toEqual(expected);
    });

    test("the reasons say what the alert now does", () => {
        expect(
            reasons(
                cfgUpdate(
                    OWNERS,
                    { thresholdNumberOfOwners: 3, thresholdPercentageOfOwnersOutOfAllRoleMembers: 10 },
                    { thresholdNumberOfOwners: 10, thresholdPercentageOfOwnersOutOfAllRoleMembers: 5 },
                ),
            ),
        ).toEqual([
            "the alert now only fires from 10 owners instead of 3",
            "the alert now fires from 5% owners among all role members instead of 10%",
        ]);
        expect(reasons(cfgUpdate(OWNERS, { isEnabled: true }, { isEnabled: false }))).toEqual([
            "the alert is disabled, so PIM stops scanning for it",
        ]);
        expect(reasons(cfgUpdate("SomeFutureAlert", { isEnabled: true }, { isEnabled: false }))).toEqual([
            "this version of pulumi-pim-alerts does not know the alert SomeFutureAlert",
        ]);
    });
});

describe("an update of a directory configuration (durations by meaning)", () => {
    test.each<[string, Record<string, unknown>, Row[]]>([
        [
            "a longer stale sign-in period weakens",
            dirUpdate("StaleSignInAlert", { duration: "P30D" }, { duration: "P90D" }),
            [["duration", "P30D", "P90D", "weakens", "change"]],
        ],
        [
            "a shorter stale sign-in period strengthens",
            dirUpdate("StaleSignInAlert", { duration: "P30D" }, { duration: "P7D" }),
            [["duration", "P30D", "P7D", "strengthens", "change"]],
        ],
        [
            "the same period spelled differently is no change",
            dirUpdate("StaleSignInAlert", { duration: "P30D" }, { duration: "PT720H" }),
            [],
        ],
        [
            "P4W2D to P31D is one day longer: weakens",
            dirUpdate("StaleSignInAlert", { duration: "P4W2D" }, { duration: "P31D" }),
            [["duration", "P4W2D", "P31D", "weakens", "change"]],
        ],
        [
            "a longer unused-role period weakens",
            dirUpdate("RedundantAssignmentAlert", { duration: "P14D" }, { duration: "P60D" }),
            [["duration", "P14D", "P60D", "weakens", "change"]],
        ],
        [
            "more activations before the alert weakens",
            dirUpdate(
                "SequentialActivationRenewalsAlert",
                { sequentialActivationCounterThreshold: 3 },
                { sequentialActivationCounterThreshold: 5 },
            ),
            [["sequentialActivationCounterThreshold", 3, 5, "weakens", "change"]],
        ],
        [
            "a shorter activation window weakens",
            dirUpdate(
                "SequentialActivationRenewalsAlert",
                { timeIntervalBetweenActivations: "PT1H" },
                { timeIntervalBetweenActivations: "PT10M" },
            ),
            [["timeIntervalBetweenActivations", "PT1H", "PT10M", "weakens", "change"]],
        ],
        [
            "a longer activation window strengthens",
            dirUpdate(
                "SequentialActivationRenewalsAlert",
                { timeIntervalBetweenActivations: "PT10M" },
                { timeIntervalBetweenActivations: "P1D" },
            ),
            [["timeIntervalBetweenActivations", "PT10M", "P1D", "strengthens", "change"]],
        ],
        [
            "more global administrators weakens, a lower percentage strengthens",
            dirUpdate(
                "TooManyGlobalAdminsAssignedToTenantAlert",
                { globalAdminCountThreshold: 4, percentageOfGlobalAdminsOutOfRolesThreshold: 10 },
                { globalAdminCountThreshold: 5, percentageOfGlobalAdminsOutOfRolesThreshold: 5 },
            ),
            [
                ["globalAdminCountThreshold", 4, 5, "weakens", "change"],
                ["percentageOfGlobalAdminsOutOfRolesThreshold", 10, 5, "strengthens", "change"],
            ],
        ],
        [
            "a month cannot be compared: unknown",
            dirUpdate("StaleSignInAlert", { duration: "P30D" }, { duration: "P1M" }),
            [["duration", "P30D", "P1M", "unknown", "change"]],
        ],
        [
            "a duration as a number is unknown",
            dirUpdate("StaleSignInAlert", { duration: "P30D" }, { duration: 30 }),
            [["duration", "P30D", 30, "unknown", "change"]],
        ],
    ])("%s", (_, stepJson, expected) => {
        expect(findings(stepJson)).toEqual(expected);
    });

    test("duration reasons read as lengths", () => {
        expect(reasons(dirUpdate("StaleSignInAlert", { duration: "P30D" }, { duration: "P90D" }))).toEqual([
            "the alert now only reports accounts without a sign-in for 90 days instead of 30 days",
        ]);
        expect(
            reasons(
                dirUpdate(
                    "SequentialActivationRenewalsAlert",
                    { timeIntervalBetweenActivations: "PT1H" },
                    { timeIntervalBetweenActivations: "PT10M" },
                ),
            ),
        ).toEqual(["the alert now only counts activations of one role within 10 minutes instead of 1 hour"]);
    });
});

describe("a configuration added, removed or replaced", () => {
    test("added: adopted (neutral); enabling cannot weaken; a threshold's effect is unknown (Azure's value is not in the preview)", () => {
        const created = step(
            "create",
            "AlertConfiguration",
            "c",
            undefined,
            armConfiguration(OWNERS, { isEnabled: true, thresholdNumberOfOwners: 4 }),
        );
        expect(findings(created)).toEqual([
            ["(resource)", null, null, "neutral", "change"],
            ["isEnabled", null, true, "neutral", "change"],
            ["thresholdNumberOfOwners", null, 4, "unknown", "change"],
        ]);
        const disabled = step(
            "create",
            "AlertConfiguration",
            "c",
            undefined,
            armConfiguration(OWNERS, { isEnabled: false }),
        );
        expect(findings(disabled)[1]).toEqual(["isEnabled", null, false, "unknown", "change"]);
    });

    test('removed with onDelete "retain": nothing changes in Azure, and the reason names what stops being managed', () => {
        const removed = step(
            "delete",
            "AlertConfiguration",
            "c",
            armConfiguration(OWNERS, { isEnabled: true, thresholdNumberOfOwners: 3 }),
        );
        expect(findings(removed)).toEqual([["(resource)", null, null, "neutral", "change"]]);
        expect(reasons(removed)[0]).toBe(
            'removed from the program; onDelete "retain": nothing changes in Azure, but isEnabled, thresholdNumberOfOwners are no longer managed: a later change is neither reported as drift nor repaired',
        );
    });

    test('removed with onDelete "restore": the values it goes back to are judged', () => {
        const state = armConfiguration(
            OWNERS,
            { isEnabled: true, thresholdNumberOfOwners: 3, onDelete: "restore" },
            {},
            { initialProperties: { isEnabled: false, thresholdNumberOfOwners: 2 } },
        );
        expect(findings(step("delete", "AlertConfiguration", "c", state))).toEqual([
            ["(resource)", null, null, "neutral", "change"],
            ["isEnabled", true, false, "weakens", "change"],
            ["thresholdNumberOfOwners", 3, 2, "strengthens", "change"],
        ]);
        const noInitial = armConfiguration(
            OWNERS,
            { thresholdNumberOfOwners: 3, onDelete: "restore" },
            {},
            { initialProperties: {} },
        );
        expect(findings(step("delete", "AlertConfiguration", "c", noInitial))[1]).toEqual([
            "thresholdNumberOfOwners",
            3,
            null,
            "unknown",
            "change",
        ]);
        const secretInitial = armConfiguration(
            OWNERS,
            { thresholdNumberOfOwners: 3, onDelete: "restore" },
            {},
            { initialProperties: "[secret]" },
        );
        expect(findings(step("delete", "AlertConfiguration", "c", secretInitial))[1]).toEqual([
            "thresholdNumberOfOwners",
            3,
            "[secret]",
            "unknown",
            "change",
        ]);
    });

    test("an onDelete this version does not know is unknown", () => {
        expect(
            findings(step("delete", "AlertConfiguration", "c", armConfiguration(OWNERS, { onDelete: "explode" }))),
        ).toEqual([["(resource)", null, null, "unknown", "change"]]);
    });

    test("a replace (scope changed) is judged as the delete of the old plus the create of the new, each at its own scope", () => {
        const other = "/subscriptions/7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
        const old = armConfiguration(OWNERS, { thresholdNumberOfOwners: 3 });
        const replaced = step("replace", "AlertConfiguration", "c", old, { inputs: { ...old.inputs, scope: other } });
        const review = reviewPreview(preview(replaced), "p");
        expect(review.findings.map((f) => [f.op, f.scope, f.property, f.effect])).toEqual([
            ["delete-replaced", SUB, "(resource)", "neutral"],
            ["create-replacement", other, "(resource)", "neutral"],
            ["create-replacement", other, "thresholdNumberOfOwners", "unknown"],
        ]);
        expect(review.findings.every((f) => f.reason.startsWith("replaced (scope changed): "))).toBe(true);
    });

    test("create-replacement and delete-replaced are judged alone, or skipped when the logical replace is there too", () => {
        const old = armConfiguration(OWNERS, { isEnabled: true });
        const renamed = { inputs: { ...old.inputs, alertId: "DuplicateRoleCreated" } };
        const halves = [
            step("create-replacement", "AlertConfiguration", "c", old, renamed),
            step("delete-replaced", "AlertConfiguration", "c", old, renamed),
        ];
        expect(findings(...halves).map((r) => r[0])).toEqual(["(resource)", "isEnabled", "(resource)"]);
        const all = [halves[0], step("replace", "AlertConfiguration", "c", old, renamed), halves[1]];
        expect(reviewPreview(preview(...all), "p").findings.map((f) => f.op)).toEqual([
            "delete-replaced",
            "create-replacement",
            "create-replacement",
        ]);
    });
});

describe("dismissals", () => {
    test.each<[string, Record<string, unknown>, Row[]]>([
        [
            "a new dismissal weakens",
            step("create", "AlertDismissal", "x", undefined, dismissal(false)),
            [["(resource)", null, null, "weakens", "change"]],
        ],
        [
            "removed, onDelete retain: neutral",
            step("delete", "AlertDismissal", "x", dismissal(false)),
            [["(resource)", null, null, "neutral", "change"]],
        ],
        [
            "removed, onDelete reactivate: strengthens",
            step("delete", "AlertDismissal", "x", dismissal(false, "reactivate")),
            [["(resource)", null, null, "strengthens", "change"]],
        ],
        [
            "removed, onDelete reactivate, already active: neutral",
            step("delete", "AlertDismissal", "x", dismissal(true, "reactivate")),
            [["(resource)", null, null, "neutral", "change"]],
        ],
        [
            "dismissing an active alert again weakens",
            step("update", "AlertDismissal", "x", dismissal(true), dismissal(true)),
            [["isActive", true, false, "weakens", "change"]],
        ],
        [
            "an onDelete change of a dismissed alert is neutral",
            step(
                "update",
                "DirectoryAlertDismissal",
                "x",
                dismissal(false, "retain", undefined),
                dismissal(false, "reactivate", undefined),
            ),
            [["onDelete", "retain", "reactivate", "neutral", "change"]],
        ],
        [
            "a secret isActive is unknown",
            step("update", "AlertDismissal", "x", dismissal("[secret]"), dismissal("[secret]")),
            [["isActive", "[secret]", false, "unknown", "change"]],
        ],
    ])("%s", (_, stepJson, expected) => {
        expect(findings(stepJson)).toEqual(expected);
    });
});

describe("drift apart from change", () => {
    const owners = (declared: Record<string, unknown>) => armConfiguration(OWNERS, declared);

    test("a refresh step is drift, judged the same way; the update after it is the change", () => {
        const refresh = step(
            "refresh",
            "AlertConfiguration",
            "c",
            owners({ isEnabled: true }),
            owners({ isEnabled: false }),
        );
        const update = step(
            "update",
            "AlertConfiguration",
            "c",
            owners({ isEnabled: false }),
            owners({ isEnabled: true }),
        );
        expect(findings(refresh, update)).toEqual([
            ["isEnabled", true, false, "weakens", "drift"],
            ["isEnabled", false, true, "strengthens", "change"],
        ]);
        expect(reasons(refresh)).toEqual([
            "changed outside Pulumi: the alert is disabled, so PIM stops scanning for it",
        ]);
    });

    test("the Pulumi CLI's refresh step (the state before on both sides): what it read is where the next step starts", () => {
        // `pulumi preview --refresh --json` shows a refresh step before its read (NewRefreshStep sets new = old).
        const before = owners({ isEnabled: true, thresholdNumberOfOwners: 3 });
        const live = owners({ isEnabled: false, thresholdNumberOfOwners: 3 });
        const refresh = step("refresh", "AlertConfiguration", "c", before, before);
        expect(findings(refresh, step("update", "AlertConfiguration", "c", live, before))).toEqual([
            ["isEnabled", true, false, "weakens", "drift"],
            ["isEnabled", false, true, "strengthens", "change"],
        ]);
        // Gone: the plan creates it again.
        expect(findings(refresh, step("create", "AlertConfiguration", "c", undefined, before))[0]).toEqual([
            "(resource)",
            null,
            null,
            "unknown",
            "drift",
        ]);
        // Nothing drifted, or the program now declares what was read (the planned `same` is hidden): no finding.
        expect(findings(refresh)).toEqual([]);
        expect(findings(refresh, step("same", "AlertConfiguration", "c", before, before))).toEqual([]);
    });

    test("a refresh that found nothing, or the same duration spelled differently, is no drift", () => {
        expect(
            findings(
                step("refresh", "AlertConfiguration", "c", owners({ isEnabled: true }), owners({ isEnabled: true })),
            ),
        ).toEqual([]);
        const stale = (d: string) => directoryConfiguration("StaleSignInAlert", { duration: d });
        expect(findings(step("refresh", "DirectoryAlertConfiguration", "s", stale("P30D"), stale("PT720H")))).toEqual(
            [],
        );
    });

    test("PIM raising a dismissed alert again is drift that strengthens; the update dismissing it again weakens", () => {
        expect(
            findings(
                step("refresh", "AlertDismissal", "x", dismissal(false), dismissal(true)),
                step("update", "AlertDismissal", "x", dismissal(true), dismissal(true)),
            ),
        ).toEqual([
            ["isActive", false, true, "strengthens", "drift"],
            ["isActive", true, false, "weakens", "change"],
        ]);
    });

    test("a refresh that found the resource gone is drift of unknown effect", () => {
        expect(findings(step("refresh", "AlertConfiguration", "c", owners({ isEnabled: true })))).toEqual([
            ["(resource)", null, null, "unknown", "drift"],
        ]);
    });

    test("the Pulumi CLI's form: an update (or delete) followed by a later step of the same URN is the refresh", () => {
        const drift = step(
            "update",
            "AlertConfiguration",
            "c",
            owners({ thresholdNumberOfOwners: 3 }),
            owners({ thresholdNumberOfOwners: 5 }),
        );
        const planned = step(
            "update",
            "AlertConfiguration",
            "c",
            owners({ thresholdNumberOfOwners: 5 }),
            owners({ thresholdNumberOfOwners: 3 }),
        );
        expect(findings(drift, planned).map((r) => r[4])).toEqual(["drift", "change"]);
        const gone = step("delete", "AlertConfiguration", "c", owners({ thresholdNumberOfOwners: 3 }));
        const recreated = step("create", "AlertConfiguration", "c", undefined, owners({ thresholdNumberOfOwners: 3 }));
        expect(findings(gone, recreated).map((r) => `${r[0]} ${r[4]}`)).toEqual([
            "(resource) drift",
            "(resource) change",
            "thresholdNumberOfOwners change",
        ]);
    });
});

describe("finding this package's steps", () => {
    test("whatever their parents: the resource's own type is the URN type's last $ segment; names may hold ::", () => {
        const nested = step(
            "update",
            "AlertConfiguration",
            "team::owners",
            armConfiguration(OWNERS, { isEnabled: true }),
            armConfiguration(OWNERS, { isEnabled: false }),
            ["my:policy:Baseline", "my:policy:Team"],
        );
        const review = reviewPreview(preview(nested), "p");
        expect(review.findings.map((f) => [f.name, f.type, f.effect])).toEqual([
            ["team::owners", "pulumi-nodejs:dynamic/pim:AlertConfiguration", "weakens"],
        ]);
    });

    test("other types are not judged, not even a type that only starts like one of this package's", () => {
        const foreign = step(
            "update",
            "azure-native:resources:ResourceGroup",
            "rg",
            { inputs: { tags: {} } },
            { inputs: { tags: { a: "b" } } },
        );
        const lookalike = step(
            "update",
            "pulumi-nodejs:dynamic/pim:AlertConfigurationV2",
            "x",
            armConfiguration(OWNERS, { isEnabled: true }),
            armConfiguration(OWNERS, { isEnabled: false }),
        );
        const parentIsPim = step("update", "my:thing:Child", "y", { inputs: {} }, { inputs: { a: 1 } }, [
            "pulumi-nodejs:dynamic/pim:AlertConfiguration",
        ]);
        const review = reviewPreview(preview(foreign, lookalike, parentIsPim), "p");
        expect([review.findings, review.pimSteps, review.steps]).toEqual([[], 0, 3]);
    });

    test("same and read steps are counted but not judged; an operation this version does not know is unknown", () => {
        const state = armConfiguration(OWNERS, { isEnabled: true });
        const review = reviewPreview(
            preview(
                step("same", "AlertConfiguration", "a", state, state),
                step("read", "AlertConfiguration", "b", state, state),
                step("import-replacement", "AlertConfiguration", "c", state, state),
            ),
            "p",
        );
        expect(review.pimSteps).toBe(3);
        expect(review.findings.map((f) => [f.name, f.property, f.effect, f.reason])).toEqual([
            ["c", "(resource)", "unknown", 'this version does not judge a "import-replacement" step'],
        ]);
    });

    test("the summary counts changes by effect and drift apart", () => {
        const owners = (declared: Record<string, unknown>) => armConfiguration(OWNERS, declared);
        const review = reviewPreview(
            preview(
                step(
                    "refresh",
                    "AlertConfiguration",
                    "c",
                    owners({ isEnabled: true, thresholdNumberOfOwners: 3 }),
                    owners({ isEnabled: false, thresholdNumberOfOwners: 3 }),
                ),
                step(
                    "update",
                    "AlertConfiguration",
                    "c",
                    owners({ isEnabled: false, thresholdNumberOfOwners: 3 }),
                    owners({ isEnabled: true, thresholdNumberOfOwners: 9 }),
                ),
                step("create", "AlertDismissal", "x", undefined, dismissal(false)),
                step(
                    "update",
                    "AlertConfiguration",
                    "d",
                    owners({ onDelete: "retain" }),
                    owners({ onDelete: "restore", thresholdNumberOfOwners: "[secret]" }),
                ),
            ),
            "p",
        );
        expect(review.summary).toEqual({ weakens: 2, strengthens: 1, neutral: 1, unknown: 1, drift: 1 });
    });
});
