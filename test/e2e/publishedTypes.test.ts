/**
 * What a user's editor shows from the published declarations (the packed package's d.ts, installed in a
 * program): each threshold and setting of the typed Args, derived from the alert catalogs, keeps the
 * TSDoc written in the catalog, per alert (`duration` means something else on each of its two alerts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { ensurePackedProgram, PROGRAM_DIR } from "../support/packedPackage";

const CONSUMER = path.join(PROGRAM_DIR, "published-types-consumer.ts");
const SOURCE = `import * as pim from "pulumi-pim-alerts";
const scope = "/subscriptions/00000000-0000-0000-0000-000000000000";
const owners = new pim.AlertConfiguration("owners", { scope, alertId: "TooManyOwnersAssignedToResource", thresholdNumberOfOwners: 3 });
new pim.AlertConfiguration("permanent", { scope, alertId: "TooManyPermanentOwnersAssignedToResource", thresholdPercentageOfPermanentOwnersOutOfAllOwners: 10 });
new pim.DirectoryAlertConfiguration("stale", { alertId: "StaleSignInAlert", duration: "P30D" });
new pim.DirectoryAlertConfiguration("redundant", { alertId: "RedundantAssignmentAlert", duration: "P14D" });
new pim.DirectoryAlertConfiguration("renewals", { alertId: "SequentialActivationRenewalsAlert", timeIntervalBetweenActivations: "PT1H" });
export const live = owners.thresholdNumberOfOwners;
`;

let service: ts.LanguageService;
beforeAll(async () => {
    await ensurePackedProgram();
    const options: ts.CompilerOptions = {
        strict: true,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        types: [],
        noEmit: true,
    };
    const host: ts.LanguageServiceHost = {
        getCompilationSettings: () => options,
        getScriptFileNames: () => [CONSUMER],
        getScriptVersion: () => "1",
        getScriptSnapshot: (file) => {
            const text = file === CONSUMER ? SOURCE : fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
            return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
        },
        getCurrentDirectory: () => PROGRAM_DIR,
        getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
        fileExists: (file) => file === CONSUMER || ts.sys.fileExists(file),
        readFile: (file) => (file === CONSUMER ? SOURCE : ts.sys.readFile(file)),
        directoryExists: (directory) => ts.sys.directoryExists(directory),
        getDirectories: (directory) => ts.sys.getDirectories(directory),
    };
    service = ts.createLanguageService(host);
}, 120_000);

/** The documentation the editor shows on hover at the `occurrence`-th appearance of `text`. */
function hoverDoc(text: string, occurrence = 1): string {
    let at = -1;
    for (let i = 0; i < occurrence; i++) at = SOURCE.indexOf(text, at + 1);
    if (at < 0) throw new Error(`${text} not in the consumer`);
    const info = service.getQuickInfoAtPosition(CONSUMER, at);
    return ts.displayPartsToString(info?.documentation);
}

test("the consumer compiles against the published declarations", () => {
    const diagnostics = [...service.getSyntacticDiagnostics(CONSUMER), ...service.getSemanticDiagnostics(CONSUMER)];
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
});

test.each([
    ["thresholdNumberOfOwners", 1, "Number of owners at or above which the alert fires (a whole number, 0 or more)."],
    [
        "thresholdPercentageOfPermanentOwnersOutOfAllOwners",
        1,
        "Percentage of permanent owners among all owners at or above which the alert fires (0..100).",
    ],
    [
        "duration",
        1,
        'Days without a sign-in after which an account is stale: an ISO-8601 duration of whole days, `P1D`..`P365D` (e.g. `"P30D"`).',
    ],
    [
        "duration",
        2,
        "Days a user can go without activating a role: an ISO-8601 duration of whole days, `P0D`..`P100D`.",
    ],
    [
        "timeIntervalBetweenActivations",
        1,
        'The window in which activations are counted: an ISO-8601 duration, `PT1S`..`P30D` (e.g. `"PT1H"`).',
    ],
    ["thresholdNumberOfOwners", 2, "Number of owners at or above which the alert fires (a whole number, 0 or more)."],
])("hovering %s (occurrence %i) shows its catalog TSDoc", (property, occurrence, doc) => {
    expect(hoverDoc(property, occurrence)).toBe(doc);
});
