/**
 * jest globalSetup: installs what a USER gets (the packed package) into `.e2e/program`, and the
 * echo-provider fixture into `.e2e/echo-program`. Fast when nothing changed.
 */
import { ensureEchoProgram, ensurePackedProgram } from "./packedPackage";
import { ensurePolicyProgram } from "./policyProgram";

export default async function globalSetup(): Promise<void> {
    await ensurePackedProgram();
    await ensureEchoProgram();
    await ensurePolicyProgram();
}
