/**
 * The stack's state as the runner keeps it: one JSON file, like a local Pulumi backend's checkpoint
 * reduced to what the engine needs (id, inputs, outputs per resource).
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** One resource in the state. */
export interface ResourceState {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly id: string;
    readonly inputs: Record<string, unknown>;
    readonly outputs: Record<string, unknown>;
    /** Set when the last create/update wrote to Azure but did not finish; the next `up` updates again. */
    readonly initErrors?: readonly string[];
}

/** The whole state of a stack. */
export interface StackState {
    readonly version: 1;
    readonly resources: ResourceState[];
}

/** Reads the state file; a missing file is an empty stack. */
export function loadStackState(file: string): StackState {
    if (!fs.existsSync(file)) return { version: 1, resources: [] };
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<StackState>;
    if (parsed.version !== 1 || !Array.isArray(parsed.resources)) throw new Error(`${file} is not a pulumi-pim-alerts runner state file (version 1)`);
    return { version: 1, resources: parsed.resources };
}

/** Writes the state file atomically (write then rename), so a crash never leaves half a file. */
export function saveStackState(file: string, state: StackState): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    fs.renameSync(temporary, file);
}
