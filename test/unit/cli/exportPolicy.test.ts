import { declarationsOf, isDismissed, type ScopePolicy } from "../../../src/cli/exportPolicy";
import { ExportRefusedError } from "../../../src/errors";
import { parseTarget } from "../../../src/functions/target";

const TENANT = "8d3c7a2e-5b1f-4c6e-9a0d-e71f2b4c9a10";
const SUB = "/subscriptions/11111111-1111-1111-1111-111111111111";

const directory = (
    id: string,
    settings: Record<string, number | string> = {},
    alertId = "StaleSignInAlert",
): ScopePolicy => ({
    target: parseTarget("directory"),
    configurations: [
        { id, alertId, configurationType: "#microsoft.graph.staleSignInAlertConfiguration", isEnabled: true, settings },
    ],
    alerts: [],
});

// What an attacker (or a broken proxy) could put where the export expects an id or a value.
const HOSTILE = [
    ["a newline", '0\nrequire("fs").writeFileSync("pwned", "")\n//'],
    ["a comment end", "0*/ require('fs') /*"],
    ["a backtick and a template", "0`${process.exit(1)}`"],
    ["quotes", `0"'`],
    ["a line separator", "0\u2028require('fs')"],
    ["terminal controls", "0\u001b]0;title\u0007\u009b2J"],
];

test.each(HOSTILE)(
    "a Graph id whose tenant part holds %s is refused, named (escaped) in the error",
    (_what, tenant) => {
        const id = `DirectoryRole_${tenant}_StaleSignInAlert`;
        expect(() => declarationsOf(directory(id))).toThrow(ExportRefusedError);
        expect(() => declarationsOf(directory(id))).toThrow(
            /^refusing to write the Graph id "DirectoryRole_0.* into the program: it is not DirectoryRole_<tenant GUID>_/,
        );
        try {
            declarationsOf(directory(id));
        } catch (error) {
            expect((error as Error).message).not.toMatch(/[\u0000-\u001f\u2028]/);
        }
    },
);

test.each(HOSTILE)("a duration holding %s is refused", (_what, text) => {
    expect(() =>
        declarationsOf(directory(`DirectoryRole_${TENANT}_StaleSignInAlert`, { duration: `P30D${text}` })),
    ).toThrow(
        /^refusing to write duration of StaleSignInAlert "P30D0.*" into the program: it is not an ISO-8601 duration/,
    );
});

test("a dismissed ARM alert the catalog does not know is refused; one that is not dismissed is not written, so not checked", () => {
    const policy = (alertId: string, isActive: boolean): ScopePolicy => ({
        target: parseTarget(SUB),
        configurations: [],
        alerts: [{ id: "x", alertId, isActive, incidentCount: 1 }],
    });
    expect(() => declarationsOf(policy('Dup"); require("fs', false))).toThrow(
        /refusing to write the alert id "Dup\\"\); require\(\\"fs" into the program/,
    );
    expect(declarationsOf(policy('Dup"); require("fs', true))).toEqual([]);
});

test("a long value is shown shortened", () => {
    const error = (() => {
        try {
            declarationsOf(directory(`DirectoryRole_${"x".repeat(5000)}_StaleSignInAlert`));
        } catch (e) {
            return e as Error;
        }
        throw new Error("accepted");
    })();
    expect(error.message.length).toBeLessThan(250);
});

test("a Graph id that names another alert than its type is refused", () => {
    expect(() => declarationsOf(directory(`DirectoryRole_${TENANT}_RedundantAssignmentAlert`))).toThrow(
        /it is not the id of StaleSignInAlert/,
    );
});

test.each([
    [false, 1, true],
    [false, 0, false],
    [true, 3, false],
])("isActive %s with %i incidents: dismissed %s", (isActive, incidentCount, dismissed) => {
    expect(isDismissed({ isActive, incidentCount })).toBe(dismissed);
});
