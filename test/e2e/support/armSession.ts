/**
 * An end-to-end session as the engine runs it: the packed package installed in a program directory,
 * the real resource classes serialized by @pulumi/pulumi (through setMocks in a child process), the
 * dynamic-provider host over gRPC, and the emulator as Azure.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import type { RunProgramOptions } from "pulumi-pim-alerts-testing";
import type { CapturedResource } from "pulumi-pim-alerts-testing";
import { startProviderHost, type ProviderHost } from "pulumi-pim-alerts-testing";
import { PROGRAM_DIR } from "../../support/packedPackage";
import { capturedPrograms, CONFIGURATION, DISMISSAL, serializedProviderOf } from "../../support/capturedProviders";

export { CONFIGURATION, DISMISSAL } from "../../support/capturedProviders";

/**
 * The environment of a provider host (or a runner) the tests start against `emulator`: its token
 * environment, and every wait between two attempts cut to 1 % (PIM_ALERTS_RETRY_DELAY_SCALE): the
 * host is another process, where no fake clock can be injected. A test of the waits themselves
 * sets the scale back to 1.
 */
export function hostEnvironment(emulator: Emulator): Record<string, string> {
    return { ...emulator.admin.tokenEnvironment(), PIM_ALERTS_RETRY_DELAY_SCALE: "0.01" };
}

/** The serialized providers of the two ARM resources, as the SDK wrote them in `__provider`. */
export interface SerializedProviders {
    readonly configuration: string;
    readonly dismissal: string;
    /** The captured resources of the capture program (both resource kinds). */
    readonly captured: readonly CapturedResource[];
}

/**
 * What the real resource classes of the two ARM resources serialized under setMocks (captured by jest's
 * globalSetup: test/support/capturedProviders.ts).
 */
export function capturedArmProviders(): SerializedProviders {
    const captured = capturedPrograms().arm;
    return {
        configuration: serializedProviderOf(captured, CONFIGURATION),
        dismissal: serializedProviderOf(captured, DISMISSAL),
        captured,
    };
}

/**
 * Check then create, as `pulumi up` does for a new resource: `inputs` must carry `__provider`.
 * Fails (like the engine) when check reports failures.
 */
export async function checkAndCreate(session: ArmSession, type: string, name: string, inputs: Record<string, unknown>) {
    const checked = await session.host.check(type, name, {}, inputs);
    if (checked.failures.length > 0) throw new Error(`check of ${name} failed: ${JSON.stringify(checked.failures)}`);
    const created = await session.host.create(type, name, checked.inputs);
    return { inputs: checked.inputs, ...created };
}

/** A running emulator + provider host configured to use it. */
export interface ArmSession {
    readonly emulator: Emulator;
    readonly host: ProviderHost;
    stop(): Promise<void>;
}

/** Options of {@link startArmSession}. */
export interface ArmSessionOptions {
    /** Stack config added to (or replacing) the session's. */
    readonly config?: Record<string, unknown>;
    /** Environment added to the host's. */
    readonly env?: Record<string, string>;
    /** An emulator to use instead of a new one (it is stopped with the session unless `keepEmulator`). */
    readonly emulator?: Emulator;
    /** Leave the given emulator running when the session stops (it serves the file's other tests). */
    readonly keepEmulator?: boolean;
}

/** Starts the emulator and a provider host whose stack config points at it. */
export async function startArmSession(options: ArmSessionOptions = {}): Promise<ArmSession> {
    const emulator = options.emulator ?? (await startEmulator({ retryAfterSeconds: 0 }));
    const host = await startProviderHost({
        cwd: PROGRAM_DIR,
        env: { ...hostEnvironment(emulator), ...options.env },
        config: {
            "pim-alerts:armEndpoint": emulator.url,
            "pim-alerts:graphEndpoint": `${emulator.url}/beta`,
            "pim-alerts:timeoutSeconds": "5",
            ...options.config,
        },
    });
    return {
        emulator,
        host,
        stop: async () => {
            await host.stop();
            if (!options.keepEmulator) await emulator.stop();
        },
    };
}

/** A program run by the runner against an emulator, with a stack state of its own. */
export interface ProgramStack {
    /** Options for `runProgram`, plus `extra`. */
    options(extra?: Partial<RunProgramOptions>): RunProgramOptions;
    /** The stack's state file (absent until the first `up`). */
    readonly stateFile: string;
    /** Deletes the state. */
    remove(): void;
}

/** A stack of `programFile` whose stack config and host environment point at `emulator`. */
export function programStack(
    emulator: Emulator,
    programFile: string,
    config: Record<string, string> = {},
): ProgramStack {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pim-stack-"));
    const stateFile = path.join(dir, "state.json");
    return {
        stateFile,
        options: (extra = {}) => ({
            programDir: PROGRAM_DIR,
            programFile,
            stateFile,
            config: {
                "pim-alerts:armEndpoint": emulator.url,
                "pim-alerts:graphEndpoint": `${emulator.url}/beta`,
                "pim-alerts:timeoutSeconds": "5",
                ...config,
            },
            env: hostEnvironment(emulator),
            color: false,
            timeoutMs: 180_000,
            ...extra,
        }),
        remove: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}
