/**
 * The program directories of this repository's end-to-end tests, under `<repo>/.e2e/` (gitignored),
 * with the packed package installed as a user gets it (see the testing kit's installPackedPackage).
 * @pulumi/pulumi and the package's dependencies resolve by walking up from them: by default to the
 * repository's node_modules; under `PIM_E2E_ROOT` (a runtime combination of .ci/runtimes.js) to
 * that combination's install.
 */
import * as path from "path";
import { installPackedPackage, writeProgramFiles, type InstalledPackage } from "pulumi-pim-alerts-testing";

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
/**
 * Root of the end-to-end program directories: `PIM_E2E_ROOT` when set (a runtime combination's
 * install, `.e2e/runtimes/<name>`, whose node_modules supplies the SDK), else `<repo>/.e2e`.
 */
export const E2E_ROOT = e2eRoot(process.env["PIM_E2E_ROOT"]);
/** Program directory with the packed `pulumi-pim-alerts` installed. */
export const PROGRAM_DIR = path.join(E2E_ROOT, "program");

function e2eRoot(fromEnvironment: string | undefined): string {
    return fromEnvironment === undefined || fromEnvironment === "" ? path.join(REPO_ROOT, ".e2e") : path.resolve(fromEnvironment);
}

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
