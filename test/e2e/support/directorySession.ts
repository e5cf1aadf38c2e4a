/**
 * An end-to-end session of the directory-role (Microsoft Graph) resources, as the engine runs them:
 * the packed package's real resource classes serialized by the SDK, the dynamic-provider host over
 * gRPC, and the emulator as Microsoft Graph beta.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../../src/emulator";
import { captureResources } from "../../../src/testing/captureResources";
import { startProviderHost, type ProviderHost } from "../../../src/testing/providerHost";
import { ensurePackedProgram, PROGRAM_DIR } from "../../support/packedPackage";

export const DIRECTORY_CONFIGURATION = "pulumi-nodejs:dynamic/pim:DirectoryAlertConfiguration";
export const DIRECTORY_DISMISSAL = "pulumi-nodejs:dynamic/pim:DirectoryAlertDismissal";

/** The serialized providers of the two directory resources, as the SDK wrote them in `__provider`. */
export interface DirectoryProviders {
    readonly configuration: string;
    readonly dismissal: string;
}

/** Runs the real resource classes under setMocks once and keeps what they serialized. */
export async function captureDirectoryProviders(): Promise<DirectoryProviders> {
    await ensurePackedProgram();
    const programFile = "capture-directory.js";
    fs.writeFileSync(
        path.join(PROGRAM_DIR, programFile),
        [
            'const pim = require("pulumi-pim-alerts");',
            'new pim.DirectoryAlertConfiguration("stale-accounts", { alertId: "StaleSignInAlert", isEnabled: true, duration: "P30D" });',
            'new pim.DirectoryAlertDismissal("no-mfa", { alertId: "NoMfaOnRoleActivationAlert" });',
            "",
        ].join("\n"),
    );
    const captured = await captureResources({ programDir: PROGRAM_DIR, programFile });
    const text = (type: string) => {
        const value = captured.find((r) => r.type === type)?.inputs["__provider"];
        if (typeof value !== "string") throw new Error(`no __provider captured for ${type}`);
        return value;
    };
    return { configuration: text(DIRECTORY_CONFIGURATION), dismissal: text(DIRECTORY_DISMISSAL) };
}

/** A running emulator + provider host configured to use it as Microsoft Graph. */
export interface DirectorySession {
    readonly emulator: Emulator;
    readonly host: ProviderHost;
    /** `DirectoryRole_<tenantId>_<alertId>` of the emulator's tenant. */
    idOf(alertId: string): string;
    /** `METHOD status` of every Graph call so far. */
    graphCalls(): string[];
    stop(): Promise<void>;
}

/** Starts the emulator (of `tenantId`, default its own) and a provider host whose stack config points Graph at it. */
export async function startDirectorySession(options: { config?: Record<string, unknown>; tenantId?: string } = {}): Promise<DirectorySession> {
    const emulator = await startEmulator({ retryAfterSeconds: 0, tenantId: options.tenantId });
    const host = await startProviderHost({
        cwd: PROGRAM_DIR,
        env: emulator.admin.tokenEnvironment(),
        config: { "pim-alerts:graphEndpoint": `${emulator.url}/beta`, "pim-alerts:timeoutSeconds": "5", ...options.config },
    });
    return {
        emulator,
        host,
        idOf: (alertId) => `DirectoryRole_${emulator.tenantId}_${alertId}`,
        graphCalls: () =>
            emulator.admin
                .requests()
                .filter((r) => r.api === "graph")
                .map((r) => `${r.method} ${r.status}`),
        stop: async () => {
            await host.stop();
            await emulator.stop();
        },
    };
}
