import { createServer, type RequestListener, type Server } from "node:http";
import type { Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { EmulatorAdmin } from "./admin/adminApi";
import { tokenEnvironment } from "./auth/tokenEndpoints";
import type { EmulatorOptions } from "./options";
import { handleRequest } from "./server/handleRequest";
import { createCertificate, createTlsServer, removeCertificate, type EmulatorCertificate } from "./server/tls";
import { createEmulatorState, type EmulatorState } from "./state";

/** A running emulator. */
export interface Emulator {
    /**
     * Base URL, `http://127.0.0.1:<port>` (`https://` when started with `https: true`): the ARM
     * endpoint, the Graph endpoint and the authority host.
     */
    readonly url: string;
    readonly port: number;
    /** Tenant id in issued tokens and Graph ids. */
    readonly tenantId: string;
    /** The admin API as typed in-process methods (mirrors the HTTP routes under `/_emulator/`). */
    readonly admin: EmulatorAdmin;
    /**
     * The self-signed certificate served when started with `https: true` (else `undefined`): trust
     * it in a new Node process with `NODE_EXTRA_CA_CERTS=<certFile>` (part of {@link tokenEnvironment}),
     * or in this process by passing `certPem` as a CA. Its files are deleted by {@link stop}.
     */
    readonly certificate: Pick<EmulatorCertificate, "certFile" | "certPem"> | undefined;
    /**
     * Environment variables that make @azure/identity's `DefaultAzureCredential` and
     * `ManagedIdentityCredential` obtain tokens from this emulator (no internet needed); with
     * `https: true` also `NODE_EXTRA_CA_CERTS`, which a Node process reads at start to trust the emulator.
     */
    tokenEnvironment(): Record<string, string>;
    /** Restores seed data and start settings; clears faults, the request log and read-only principals. */
    reset(): void;
    /** Stops listening and closes every connection (keep-alive and hung ones); resolves when closed. */
    stop(): Promise<void>;
}

function listen(server: Server | HttpsServer, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => {
            server.off("error", reject);
            resolve((server.address() as AddressInfo).port);
        });
    });
}

function handler(state: EmulatorState, admin: EmulatorAdmin): RequestListener {
    return (req, res) => {
        handleRequest(state, admin, req, res).catch(() => {
            // Only reading the request can throw (oversized or aborted body): drop the connection.
            if (!res.headersSent) res.writeHead(400).end();
            else res.destroy();
        });
    };
}

/**
 * Starts an emulator of the Azure PIM alerts APIs (ARM 2022-08-01-preview and Graph beta) with a
 * managed-identity token endpoint and an admin API, listening on 127.0.0.1 only.
 * @param options - Port, page size, tenant id, latency, LRO/token behaviour and HTTPS; all optional.
 * @throws Error when `https` is asked for and the `openssl` CLI is missing, or the port is taken.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
    const state = createEmulatorState(options);
    const admin = new EmulatorAdmin(state);
    const certificate = options.https === true ? await createCertificate() : undefined;
    const server = certificate
        ? createTlsServer(certificate, handler(state, admin))
        : createServer(handler(state, admin));
    let port: number;
    try {
        port = await listen(server, options.port ?? 0);
    } catch (error) {
        if (certificate) await removeCertificate(certificate);
        throw error;
    }
    state.baseUrl = `${certificate ? "https" : "http"}://127.0.0.1:${port}`;
    if (certificate) state.caCertFile = certificate.certFile;
    let stopped: Promise<void> | undefined;
    return {
        url: state.baseUrl,
        port,
        get tenantId() {
            return state.settings.tenantId;
        },
        admin,
        certificate: certificate && { certFile: certificate.certFile, certPem: certificate.certPem },
        tokenEnvironment: () => tokenEnvironment(state),
        reset: () => admin.reset(),
        stop: () => {
            stopped ??= new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            }).then(() => (certificate ? removeCertificate(certificate) : undefined));
            return stopped;
        },
    };
}
