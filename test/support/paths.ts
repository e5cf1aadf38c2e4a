/**
 * Where the end-to-end material lives (no imports beyond `path`: jest's setupFiles load this for
 * every test file).
 */
import * as path from "path";

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
/**
 * Root of the end-to-end program directories: `PIM_E2E_ROOT` when set (a runtime combination's
 * install, `.e2e/runtimes/<name>`, whose node_modules supplies the SDK), else `<repo>/.e2e`.
 */
export const E2E_ROOT = e2eRoot(process.env["PIM_E2E_ROOT"]);
/** Program directory with the packed `pulumi-pim-alerts` installed. */
export const PROGRAM_DIR = path.join(E2E_ROOT, "program");
/** The example alert policy as a user's Pulumi project. */
export const POLICY_PROGRAM_DIR = path.join(E2E_ROOT, "policy-program");

function e2eRoot(fromEnvironment: string | undefined): string {
    return fromEnvironment === undefined || fromEnvironment === ""
        ? path.join(REPO_ROOT, ".e2e")
        : path.resolve(fromEnvironment);
}
