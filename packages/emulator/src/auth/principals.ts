/**
 * The principals of the emulated directory: the tenant and managed identity tokens name by default,
 * the app registrations whose client credentials the Entra endpoint accepts, and the principals
 * made read-only through the admin API.
 */
import { createHash } from "node:crypto";

/** Tenant id used when the emulator is started without `tenantId`. */
export const DEFAULT_TENANT_ID = "8d3c7a2e-5b1f-4c6e-9a0d-e71f2b4c9a10";

/** Object id of the system-assigned managed identity the emulator's MSI endpoint signs in. */
export const MANAGED_IDENTITY_OBJECT_ID = "5f0e9c1a-2b3d-4e5f-8a6b-7c8d9e0f1a2b";

/** Client (application) id of that managed identity. */
export const MANAGED_IDENTITY_CLIENT_ID = "3a1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

/**
 * A stable, GUID-shaped object id for a principal known only by another id (a user-assigned
 * identity's client id, an app's client id), so the same caller always gets the same `oid`.
 * @param seed - The id to derive from.
 */
export function derivedObjectId(seed: string): string {
    const hex = createHash("sha256").update(seed.toLowerCase()).digest("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Principals that may read but not write (their PATCH/POST get 403). */
export class ReadOnlyPrincipals {
    private readonly ids = new Set<string>();

    /**
     * Makes a principal read-only, or writable again.
     * @param principalId - Object id (`oid`) or application id (`appid`) of the principal.
     * @param readOnly - `false` lifts the restriction.
     */
    set(principalId: string, readOnly: boolean): void {
        if (readOnly) this.ids.add(principalId.toLowerCase());
        else this.ids.delete(principalId.toLowerCase());
    }

    /**
     * True when the caller identified by these claims is read-only.
     * @param oid - Object id claim.
     * @param appid - Application id claim.
     */
    isReadOnly(oid: string, appid: string): boolean {
        return this.ids.has(oid.toLowerCase()) || this.ids.has(appid.toLowerCase());
    }

    /** Makes every principal writable. */
    clear(): void {
        this.ids.clear();
    }
}

/** An app registration whose client credentials the emulator's Entra token endpoint accepts. */
export interface RegisteredClient {
    readonly clientId: string;
    readonly clientSecret: string;
    /** Object id of its service principal (the token's `oid`); derived from the client id when absent. */
    readonly objectId?: string;
}

/** The client id / secret pairs accepted by `POST /{tenant}/oauth2/v2.0/token`. */
export class RegisteredClients {
    private readonly clients = new Map<string, RegisteredClient>();

    /**
     * Registers (or replaces) a client.
     * @param client - Its id, secret and optional object id.
     */
    register(client: RegisteredClient): void {
        this.clients.set(client.clientId.toLowerCase(), client);
    }

    /**
     * The client with this id, if registered.
     * @param clientId - Application (client) id, any case.
     */
    find(clientId: string): RegisteredClient | undefined {
        return this.clients.get(clientId.toLowerCase());
    }

    /**
     * The object id tokens of this client carry.
     * @param client - A registered client.
     */
    static objectIdOf(client: RegisteredClient): string {
        return client.objectId ?? derivedObjectId(`app:${client.clientId}`);
    }

    /** Forgets every client. */
    clear(): void {
        this.clients.clear();
    }
}
