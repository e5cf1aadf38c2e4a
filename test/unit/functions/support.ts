/**
 * One emulator per test file, and the environment that points the program-side clients at it
 * (endpoints + the emulator's managed-identity token source), restored after the file.
 */
import { startEmulator, type Emulator, type EmulatorOptions } from "pulumi-pim-alerts-emulator";
import { resetProgramClients } from "../../../src/functions/programClients";

/** A subscription scope as a program writes it. */
export const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";

/** The environment variables that make the clients use `emulator`. */
export function emulatorEnvironment(emulator: Emulator): Record<string, string> {
    return {
        ...emulator.admin.tokenEnvironment(),
        PIM_ALERTS_ARM_ENDPOINT: emulator.url,
        PIM_ALERTS_GRAPH_ENDPOINT: `${emulator.url}/beta`,
        PIM_ALERTS_TIMEOUT_SECONDS: "10",
    };
}

/**
 * Starts an emulator before the file's tests (on port 0), points the environment at it, resets it and
 * the cached clients after each test, and stops it after the file.
 */
export function useProgramEmulator(options: EmulatorOptions = { retryAfterSeconds: 0 }): () => Emulator {
    let emulator: Emulator | undefined;
    const saved: Record<string, string | undefined> = {};
    beforeAll(async () => {
        emulator = await startEmulator(options);
        for (const [key, value] of Object.entries(emulatorEnvironment(emulator))) {
            saved[key] = process.env[key];
            process.env[key] = value;
        }
        resetProgramClients();
    });
    afterEach(() => {
        emulator?.reset();
        resetProgramClients();
    });
    afterAll(async () => {
        for (const [key, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[key];
            else process.env[key] = value;
        }
        resetProgramClients();
        await emulator?.stop();
    });
    return () => {
        if (!emulator) throw new Error("emulator not started");
        return emulator;
    };
}

/** Lists the API requests the emulator served (method, path without the base, status). */
export function apiRequests(emulator: Emulator, api: "arm" | "graph"): string[] {
    return emulator.admin
        .requests()
        .filter((r) => r.api === api)
        .map((r) => `${r.method} ${r.path} ${r.status}`);
}
