/**
 * `<repo>/.e2e/policy-program`: the example alert policy as a user's Pulumi project, with the packed
 * package in its node_modules. The testing-kit example of the README runs against it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { installPackedPackage, writeProgramFiles } from "pulumi-pim-alerts-testing";
import { POLICY_PROGRAM_DIR, REPO_ROOT } from "./paths";

export { POLICY_PROGRAM_DIR } from "./paths";

/** Installs the packed package and the example program into {@link POLICY_PROGRAM_DIR}. */
export async function ensurePolicyProgram(): Promise<string> {
    const installed = await installPackedPackage({
        packageDir: REPO_ROOT,
        programDir: POLICY_PROGRAM_DIR,
        requiredPaths: { dist: "run `npm run build` first" },
    });
    await writeProgramFiles(POLICY_PROGRAM_DIR, {
        name: "alert-policy",
        dependencies: { [installed.name]: installed.version },
    });
    fs.copyFileSync(
        path.join(REPO_ROOT, "examples", "alert-policy", "index.ts"),
        path.join(POLICY_PROGRAM_DIR, "index.ts"),
    );
    return POLICY_PROGRAM_DIR;
}
