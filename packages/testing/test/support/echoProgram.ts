/**
 * `<repo>/.e2e/echo-program` (or `$PIM_E2E_ROOT/echo-program`): a Pulumi program with the packed echo-provider fixture installed,
 * for the tests of the provider-host client and capture.
 */
import * as path from "path";
import { installPackedPackage, writeProgramFiles, type InstalledPackage } from "../../src/packedInstall";

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..", "..");
/** Root of the e2e programs: a runtime combination's install (`PIM_E2E_ROOT`, .ci/runtimes.js), else `<repo>/.e2e`. */
const E2E_ROOT = process.env["PIM_E2E_ROOT"] || path.join(REPO_ROOT, ".e2e");
/** The directory whose node_modules supplies the program's @pulumi/pulumi: the combination's install, else the repository. */
export const SDK_HOME = process.env["PIM_E2E_ROOT"] || REPO_ROOT;
/** Program directory with the packed echo-provider test fixture installed. */
export const ECHO_PROGRAM_DIR = path.join(E2E_ROOT, "echo-program");
/** Source of the echo-provider fixture. */
export const ECHO_PROVIDER_DIR = path.join(__dirname, "..", "fixtures", "echo-provider");

/** `<repo>/.e2e/echo-program` with the packed echo-provider fixture in its node_modules. */
export async function ensureEchoProgram(): Promise<InstalledPackage> {
    const installed = await installPackedPackage({ packageDir: ECHO_PROVIDER_DIR, programDir: ECHO_PROGRAM_DIR });
    await writeProgramFiles(ECHO_PROGRAM_DIR, {
        name: "echo-e2e",
        description: "Test program for the provider-host harness",
        dependencies: { [installed.name]: installed.version },
    });
    return installed;
}
