import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { EmulatorAdmin } from "./admin/emulatorAdmin";
import { tokenEnvironment } from "./auth/tokenEnvironment";
import type { EmulatorOptions } from "./options";
import { handleRequest } from "./server/handleRequest";
import { createEmulatorState, type EmulatorState } from "./state";

/** A running emulator. */
export interface Emulator {
  /** Base URL, `http://127.0.0.1:<port>`: the ARM endpoint, the Graph endpoint and the authority host. */
  readonly url: string;
  readonly port: number;
  /** Tenant id in issued tokens and Graph ids. */
  readonly tenantId: string;
  /** The admin API as typed in-process methods (mirrors the HTTP routes under `/_emulator/`). */
  readonly admin: EmulatorAdmin;
  /**
   * Environment variables that make @azure/identity's `DefaultAzureCredential` and
   * `ManagedIdentityCredential` obtain tokens from this emulator (no internet needed).
   */
  tokenEnvironment(): Record<string, string>;
  /** Restores seed data and start settings; clears faults, the request log and read-only principals. */
  reset(): void;
  /** Stops listening and closes every connection (keep-alive and hung ones); resolves when closed. */
  stop(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function handler(state: EmulatorState, admin: EmulatorAdmin): Parameters<typeof createServer>[1] {
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
 * @param options - Port, page size, tenant id, latency and LRO/token behaviour; all optional.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state = createEmulatorState(options);
  const admin = new EmulatorAdmin(state);
  const server = createServer(handler(state, admin));
  const port = await listen(server, options.port ?? 0);
  state.baseUrl = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    url: state.baseUrl,
    port,
    get tenantId() {
      return state.settings.tenantId;
    },
    admin,
    tokenEnvironment: () => tokenEnvironment(state),
    reset: () => admin.reset(),
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
