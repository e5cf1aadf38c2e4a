/**
 * A stack of the echo program for the runner's tests: its state file, the echo provider's "cloud"
 * file (which outlives one provider host and journals every provider call), and a program file.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RunProgramOptions } from "../../src/runner/runRequest";
import { ECHO_PROGRAM_DIR } from "./echoProgram";

/** The echo provider's cloud file. */
interface EchoCloud {
    records: Record<string, { value: string }>;
    calls: string[];
    nextId: number;
}

/** One stack of an echo program. */
export interface EchoStack {
    readonly dir: string;
    readonly stateFile: string;
    readonly cloudFile: string;
    /** Options of runProgram for this stack's program. */
    options(extra?: Partial<RunProgramOptions>): RunProgramOptions;
    /** The provider calls so far (`create <value>`, `update <value>`, `delete <value>`). */
    calls(): string[];
    /** Sets a record's value in the echo "cloud", as a change made outside the program. */
    drift(value: string, newValue: string): void;
    /** The parsed state file. */
    state(): {
        version: number;
        deployment: { resources?: Array<Record<string, unknown>>; pending_operations?: Array<Record<string, unknown>> };
    };
    remove(): void;
}

/** Writes `source` as the program `<name>.js` in the echo program directory and gives it a fresh stack. */
export function echoStack(name: string, source: string): EchoStack {
    const programFile = `${name}.js`;
    fs.writeFileSync(path.join(ECHO_PROGRAM_DIR, programFile), source);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `runner-${name}-`));
    const stateFile = path.join(dir, "state.json");
    const cloudFile = path.join(dir, "cloud.json");
    const readCloud = (): EchoCloud =>
        fs.existsSync(cloudFile)
            ? (JSON.parse(fs.readFileSync(cloudFile, "utf8")) as EchoCloud)
            : { records: {}, calls: [], nextId: 1 };
    return {
        dir,
        stateFile,
        cloudFile,
        options: (extra = {}) => ({
            programDir: ECHO_PROGRAM_DIR,
            programFile,
            stateFile,
            env: { ECHO_CLOUD_FILE: cloudFile },
            color: false,
            timeoutMs: 60_000,
            ...extra,
        }),
        calls: () => readCloud().calls,
        drift: (value, newValue) => {
            const cloud = readCloud();
            const record = Object.values(cloud.records).find((r) => r.value === value);
            if (!record) throw new Error(`no record with value ${value}`);
            record.value = newValue;
            fs.writeFileSync(cloudFile, JSON.stringify(cloud));
        },
        state: () => JSON.parse(fs.readFileSync(stateFile, "utf8")) as ReturnType<EchoStack["state"]>,
        remove: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}
