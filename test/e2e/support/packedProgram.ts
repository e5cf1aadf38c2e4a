/**
 * Programs in the packed program directory (where the packed package is installed): written as
 * CommonJS files, and run under setMocks to see what the SDK serialized.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { captureResources, type CapturedResource } from "pulumi-pim-alerts-testing";
import { ensurePackedProgram, PROGRAM_DIR } from "../../support/packedPackage";

/** Writes a CommonJS Pulumi program into the packed program directory; returns its file name. */
export async function writeProgram(name: string, lines: readonly string[]): Promise<string> {
    await ensurePackedProgram();
    const programFile = `${name}.js`;
    fs.writeFileSync(path.join(PROGRAM_DIR, programFile), [...lines, ""].join("\n"));
    return programFile;
}

/** Writes the program `name` and runs it under setMocks; returns the resources it registered. */
export async function captureProgram(name: string, lines: readonly string[]): Promise<readonly CapturedResource[]> {
    const programFile = await writeProgram(name, lines);
    return captureResources({ programDir: PROGRAM_DIR, programFile });
}
