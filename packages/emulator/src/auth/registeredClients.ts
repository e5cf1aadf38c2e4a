import { derivedObjectId } from "./principals";

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
