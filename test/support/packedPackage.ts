/**
 * The program directories of this repository's end-to-end tests, under `<repo>/.e2e/` (gitignored),
 * with the packed package installed as a user gets it (see the testing kit's installPackedPackage).
 * @pulumi/pulumi and the package's dependencies resolve by walking up from them: by default to the
 * repository's node_modules; under `PIM_E2E_ROOT` (a runtime combination of .ci/runtimes.js) to
 * that combination's install.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { installPackedPackage, writeProgramFiles, type InstalledPackage } from "pulumi-pim-alerts-testing";
import { PROGRAM_DIR, REPO_ROOT } from "./paths";

export { E2E_ROOT, PROGRAM_DIR, REPO_ROOT } from "./paths";

/**
 * The program a user of this package has: `<repo>/.e2e/program` with the packed
 * `pulumi-pim-alerts` in its node_modules. Requires `dist/` (`npm test` builds it first).
 */
export async function ensurePackedProgram(): Promise<InstalledPackage> {
    const installed = await installPackedPackage({
        packageDir: REPO_ROOT,
        programDir: PROGRAM_DIR,
        requiredPaths: {
            dist: "build the package first (`npm run build`; `npm test` does it) - end-to-end tests install the packed package",
        },
    });
    await writeProgramFiles(PROGRAM_DIR, {
        name: "pim-alerts-e2e",
        description: "End-to-end test program using the packed pulumi-pim-alerts",
        dependencies: { [installed.name]: installed.version },
    });
    return installed;
}

/**
 * Writes a CommonJS Pulumi program into {@link PROGRAM_DIR} (which must be installed: see
 * {@link ensurePackedProgram}); returns its file name.
 */
export function writeProgramFile(name: string, lines: readonly string[]): string {
    const programFile = `${name}.js`;
    fs.writeFileSync(path.join(PROGRAM_DIR, programFile), [...lines, ""].join("\n"));
    return programFile;
}
