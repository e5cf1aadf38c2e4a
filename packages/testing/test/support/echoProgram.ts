/**
 * `<repo>/.e2e/echo-program`: a Pulumi program with the packed echo-provider fixture installed,
 * for the tests of the provider-host client and capture.
 */
import * as path from "path";
import { installPackedPackage, writeProgramFiles, type InstalledPackage } from "../../src/packedInstall";

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..", "..");
/** Program directory with the packed echo-provider test fixture installed. */
export const ECHO_PROGRAM_DIR = path.join(REPO_ROOT, ".e2e", "echo-program");
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
