/**
 * jest globalSetup: installs what a USER gets (the packed package) into `.e2e/program` and the
 * example policy's program (under `PIM_E2E_ROOT` when set), fast when nothing changed; then captures
 * the serialized providers for the run's end-to-end files, unless the last capture was made of the
 * same package, SDK and Node.js (capturedProviders.ts). (The testing kit's own tests install their
 * echo-provider fixture themselves.)
 */
import { captureProgramsForRun } from "./capturedProviders";
import { assertCombinationResolution } from "./combinationResolution";
import { E2E_ROOT, ensurePackedProgram, PROGRAM_DIR } from "./packedPackage";
import { ensurePolicyProgram } from "./policyProgram";

export default async function globalSetup(): Promise<void> {
    const installed = await ensurePackedProgram();
    await Promise.all([ensurePolicyProgram(), captureProgramsForRun(installed.contentHash)]);
    if (process.env["PIM_E2E_ROOT"]) assertCombinationResolution(E2E_ROOT, PROGRAM_DIR, installed.installDir);
}
