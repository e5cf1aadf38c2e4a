import type { EmulatorState } from "../state";
import { MSI_TOKEN_PATH } from "./msiEndpoint";

/**
 * Environment variables that make @azure/identity (v4) get tokens from the emulator:
 * - `IDENTITY_ENDPOINT` / `IDENTITY_HEADER`: the App Service managed-identity source of MSAL,
 *   which `ManagedIdentityCredential` (and `DefaultAzureCredential`) pick up;
 * - `AZURE_TOKEN_CREDENTIALS=ManagedIdentityCredential`: `DefaultAzureCredential` then builds only
 *   the managed-identity credential, so it never falls through to Azure CLI, VS Code or IMDS;
 * - in HTTPS mode, `NODE_EXTRA_CA_CERTS`: the self-signed certificate, which Node reads when a
 *   process starts (so it applies to child processes, e.g. Pulumi's provider host, not this one).
 * @param emulator - The emulator's state.
 */
export function tokenEnvironment(emulator: EmulatorState): Record<string, string> {
    return {
        IDENTITY_ENDPOINT: `${emulator.baseUrl}${MSI_TOKEN_PATH}`,
        IDENTITY_HEADER: emulator.identityHeader,
        AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential",
        ...(emulator.caCertFile === undefined ? {} : { NODE_EXTRA_CA_CERTS: emulator.caCertFile }),
    };
}
