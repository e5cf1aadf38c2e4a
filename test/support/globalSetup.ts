/**
 * jest globalSetup: installs what a USER gets (the packed package) into `.e2e/program` and the
 * example policy's program. Fast when nothing changed. (The testing kit's own tests install their
 * echo-provider fixture themselves.)
 */
import { ensurePackedProgram } from "./packedPackage";
import { ensurePolicyProgram } from "./policyProgram";

export default async function globalSetup(): Promise<void> {
    await ensurePackedProgram();
    await ensurePolicyProgram();
}
