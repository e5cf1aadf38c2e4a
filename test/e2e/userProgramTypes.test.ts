/**
 * A user's TypeScript program type-checks against the packed package's declarations and the
 * @pulumi/pulumi (and typescript) installed for the program: on CI, each runtime combination of
 * .ci/runtimes.js, so the declarations are checked against both ends of the SDK peer range. Strict,
 * and without skipLibCheck: an incompatibility inside our .d.ts files shows up here, not in a user's
 * build.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type * as TypeScript from "typescript";
import { POLICY_PROGRAM_DIR } from "../support/policyProgram";

/** The example policy with a threshold on an alert that has none: must not compile. */
const BROKEN_LINE =
    'new pim.AlertConfiguration("wrong", { scope: "/subscriptions/x", alertId: "DuplicateRoleCreated", thresholdNumberOfOwners: 3 });';

function packageDir(request: string, from: string): string {
    return path.dirname(require.resolve(`${request}/package.json`, { paths: [from] }));
}

test("the example policy compiles against the program's SDK; a threshold on the wrong alert does not", () => {
    const typescriptDir = packageDir("typescript", POLICY_PROGRAM_DIR);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require(typescriptDir) as typeof TypeScript;
    const policy = path.join(POLICY_PROGRAM_DIR, "index.ts");
    const broken = path.join(POLICY_PROGRAM_DIR, "types-broken.ts");
    fs.writeFileSync(broken, `${fs.readFileSync(policy, "utf8")}\n${BROKEN_LINE}\n`);
    try {
        const program = ts.createProgram([policy, broken], {
            strict: true,
            noEmit: true,
            target: ts.ScriptTarget.ES2022,
            module: ts.ModuleKind.CommonJS,
            moduleResolution: ts.ModuleResolutionKind.Node10,
            esModuleInterop: true,
            types: [],
        });
        const errors = (file: string): string[] =>
            ts
                .getPreEmitDiagnostics(program, program.getSourceFile(file))
                .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));

        expect(errors(policy)).toEqual([]);
        expect(errors(broken).join("\n")).toMatch(/'thresholdNumberOfOwners' does not exist/);
        // It really was checked against the program's SDK and the packed declarations.
        const files = program.getSourceFiles().map((f) => path.resolve(f.fileName));
        expect(files).toContain(path.join(packageDir("@pulumi/pulumi", POLICY_PROGRAM_DIR), "index.d.ts"));
        expect(files).toContain(
            path.join(POLICY_PROGRAM_DIR, "node_modules", "pulumi-pim-alerts", "dist", "index.d.ts"),
        );
    } finally {
        fs.rmSync(broken, { force: true });
    }
}, 120_000);
