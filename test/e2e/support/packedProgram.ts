/**
 * Programs in the packed program directory (where the packed package is installed): written as
 * CommonJS files, and run under setMocks to see what the SDK serialized.
 */
import { captureResources, type CapturedResource } from "pulumi-pim-alerts-testing";
import { ensurePackedProgram, PROGRAM_DIR, writeProgramFile } from "../../support/packedPackage";

/** Installs the packed program (fast when current), then writes a CommonJS program into it; returns its file name. */
export async function writeProgram(name: string, lines: readonly string[]): Promise<string> {
    await ensurePackedProgram();
    return writeProgramFile(name, lines);
}

/** Writes the program `name` and runs it under setMocks; returns the resources it registered. */
export async function captureProgram(name: string, lines: readonly string[]): Promise<readonly CapturedResource[]> {
    const programFile = await writeProgram(name, lines);
    return captureResources({ programDir: PROGRAM_DIR, programFile });
}
