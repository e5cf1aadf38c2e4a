/**
 * Where the end-to-end material lives (no imports beyond `path`: jest's setupFiles load this for
 * every test file).
 */
import * as path from "path";

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
/** Root of generated end-to-end material (gitignored). */
export const E2E_ROOT = path.join(REPO_ROOT, ".e2e");
/** Program directory with the packed `pulumi-pim-alerts` installed. */
export const PROGRAM_DIR = path.join(E2E_ROOT, "program");
/** The example alert policy as a user's Pulumi project. */
export const POLICY_PROGRAM_DIR = path.join(E2E_ROOT, "policy-program");
