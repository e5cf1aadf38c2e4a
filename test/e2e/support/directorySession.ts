/**
 * An end-to-end session of the directory-role (Microsoft Graph) resources, as the engine runs them:
 * the packed package's real resource classes serialized by the SDK, the dynamic-provider host over
 * gRPC, and the emulator as Microsoft Graph beta.
 */
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { startProviderHost, type ProviderHost } from "pulumi-pim-alerts-testing";
import { PROGRAM_DIR } from "../../support/packedPackage";
import { hostEnvironment } from "./armSession";
import {
    capturedPrograms,
    DIRECTORY_CONFIGURATION,
    DIRECTORY_DISMISSAL,
    serializedProviderOf,
} from "../../support/capturedProviders";

export { DIRECTORY_CONFIGURATION, DIRECTORY_DISMISSAL } from "../../support/capturedProviders";

/** The serialized providers of the two directory resources, as the SDK wrote them in `__provider`. */
export interface DirectoryProviders {
    readonly configuration: string;
    readonly dismissal: string;
}

/**
 * What the real resource classes of the two directory resources serialized under setMocks (captured by jest's
 * globalSetup: test/support/capturedProviders.ts).
 */
export function capturedDirectoryProviders(): DirectoryProviders {
    const captured = capturedPrograms().directory;
    return {
        configuration: serializedProviderOf(captured, DIRECTORY_CONFIGURATION),
        dismissal: serializedProviderOf(captured, DIRECTORY_DISMISSAL),
    };
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
export async function startDirectorySession(
    options: { config?: Record<string, unknown>; tenantId?: string } = {},
): Promise<DirectorySession> {
    const emulator = await startEmulator({ retryAfterSeconds: 0, tenantId: options.tenantId });
    const host = await startProviderHost({
        cwd: PROGRAM_DIR,
        env: hostEnvironment(emulator),
        config: {
            "pim-alerts:graphEndpoint": `${emulator.url}/beta`,
            "pim-alerts:timeoutSeconds": "5",
            ...options.config,
        },
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
