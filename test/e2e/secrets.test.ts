/**
 * A client secret, end to end through the dynamic-provider host: given as secret stack config or in
 * the host's environment, it signs in with @azure/identity's ClientSecretCredential against the
 * emulator's Entra endpoints (HTTPS, as ClientSecretCredential requires, trusted through
 * NODE_EXTRA_CA_CERTS), drives the whole ARM lifecycle, and never reaches state or the host's output.
 */
import { randomBytes } from "node:crypto";
import { MANAGED_IDENTITY_OBJECT_ID, startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { secret } from "pulumi-pim-alerts-testing";
import { capturedArmProviders, CONFIGURATION, startArmSession, type ArmSession } from "./support/armSession";
import { sessionFixture } from "./support/sessionFixture";

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const OWNERS = "TooManyOwnersAssignedToResource";
const CLIENT_ID = "7c1e4b2a-9d3f-4e6a-8b5c-2f0a1d9e8c7b";

const { providers, start } = sessionFixture(capturedArmProviders, startArmSession);

/** A fresh secret with characters that change when form-, URL- or JSON-encoded. */
function newSecret(): string {
    return `e2e~Sec.ret+/"${randomBytes(12).toString("base64url")}`;
}

/** Every form in which a secret could be written out. */
function secretForms(value: string): string[] {
    return [
        value,
        encodeURIComponent(value),
        new URLSearchParams({ s: value }).toString().slice(2),
        JSON.stringify(value).slice(1, -1),
    ];
}

// One HTTPS emulator for the file (its certificate is made with openssl when it starts); each test
// gets it reset, and a provider host of its own (where the secret comes from differs).
let httpsServer: Emulator;
beforeAll(async () => {
    httpsServer = await startEmulator({ https: true, retryAfterSeconds: 0 });
});
afterAll(async () => {
    await httpsServer.stop();
});

/** The file's HTTPS emulator, reset, knowing the app, where the managed identity may only read. */
async function httpsEmulator(clientSecret: string): Promise<Emulator> {
    const emulator = httpsServer;
    emulator.reset();
    emulator.admin.registerClient({ clientId: CLIENT_ID, clientSecret });
    // A write that succeeds was made with the client secret: the managed identity would get 403.
    emulator.admin.setReadOnly(MANAGED_IDENTITY_OBJECT_ID);
    return emulator;
}

/** Stack config pointing the provider at the emulator's Entra endpoints with the app's ids (no secret). */
function signInConfig(emulator: Emulator): Record<string, unknown> {
    return {
        "pim-alerts:authorityHost": emulator.url,
        "pim-alerts:tenantId": emulator.tenantId,
        "pim-alerts:clientId": CLIENT_ID,
    };
}

type SecretSource = "secret stack config" | "PIM_ALERTS_CLIENT_SECRET" | "ARM_CLIENT_SECRET";

async function startWithSecret(source: SecretSource, emulator: Emulator, clientSecret: string): Promise<ArmSession> {
    const config = signInConfig(emulator);
    // The Azure SDK's most verbose logging (to the host's stderr), so its log lines are scanned too.
    const env = { AZURE_LOG_LEVEL: "verbose" };
    return start(
        source === "secret stack config"
            ? {
                  emulator,
                  keepEmulator: true,
                  env,
                  config: { ...config, "pim-alerts:clientSecret": secret(clientSecret) },
              }
            : { emulator, keepEmulator: true, config, env: { ...env, [source]: clientSecret } },
    );
}

describe.each<SecretSource>(["secret stack config", "PIM_ALERTS_CLIENT_SECRET", "ARM_CLIENT_SECRET"])(
    "a client secret from %s",
    (source) => {
        test("drives check, create, read, diff, update and delete (restore); no secret or token in state or output", async () => {
            const clientSecret = newSecret();
            const emulator = await httpsEmulator(clientSecret);
            const s = await startWithSecret(source, emulator, clientSecret);
            const stored: unknown[] = [providers.captured];
            const args = { scope: SUB, alertId: OWNERS, thresholdNumberOfOwners: 3, onDelete: "restore" };

            // check + create
            const checked = await s.host.check(
                CONFIGURATION,
                "owners",
                {},
                { __provider: providers.configuration, ...args },
            );
            expect(checked.failures).toEqual([]);
            const created = await s.host.create(CONFIGURATION, "owners", checked.inputs);
            stored.push(checked, created);
            expect(created.properties).toMatchObject({
                thresholdNumberOfOwners: 3,
                initialProperties: { thresholdNumberOfOwners: 2 },
            });
            expect(emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 3 });

            // read (refresh), after drift
            emulator.admin.setConfiguration(SUB, OWNERS, { thresholdNumberOfOwners: 4 });
            const read = await s.host.read(CONFIGURATION, "owners", created.id, created.properties, checked.inputs);
            stored.push(read);
            expect(read.properties).toMatchObject({ thresholdNumberOfOwners: 4 });

            // diff + update to a new value
            const rechecked = await s.host.check(CONFIGURATION, "owners", checked.inputs, {
                __provider: providers.configuration,
                ...args,
                thresholdNumberOfOwners: 6,
            });
            stored.push(rechecked);
            const diff = await s.host.diff(
                CONFIGURATION,
                "owners",
                created.id,
                read.properties,
                rechecked.inputs,
                read.inputs,
            );
            expect(diff).toMatchObject({ changes: "some", replaces: [] });
            const updated = await s.host.update(
                CONFIGURATION,
                "owners",
                created.id,
                read.properties,
                rechecked.inputs,
                read.inputs,
            );
            stored.push(updated);
            expect(updated.properties).toMatchObject({ thresholdNumberOfOwners: 6 });
            expect(emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 6 });

            // delete with onDelete "restore": the value found at create is written back
            await s.host.delete(CONFIGURATION, "owners", created.id, updated.properties, rechecked.inputs);
            expect(emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 2 });

            // Tokens came from the client-credentials endpoint only (one per process), never from the MSI endpoint.
            const tokenCalls = emulator.admin
                .requests()
                .filter((r) => r.api === "token")
                .map((r) => `${r.method} ${r.path} ${r.status}`);
            expect(tokenCalls).toEqual([
                `GET /${emulator.tenantId}/v2.0/.well-known/openid-configuration 200`,
                `POST /${emulator.tenantId}/oauth2/v2.0/token 200`,
            ]);
            const writes = emulator.admin
                .requests()
                .filter((r) => r.api === "arm" && r.method === "PATCH")
                .map((r) => r.status);
            expect(writes).toEqual([204, 204, 204]);

            // Every byte the engine would store, and every line the host printed (the SDK's logs included).
            expect(s.host.output.some((line) => line.includes("ClientSecretCredential"))).toBe(true);
            const haystack =
                JSON.stringify(stored) + providers.configuration + providers.dismissal + s.host.output.join("\n");
            const tokenHeader = emulator.admin.issueToken().split(".")[0] ?? "";
            expect(tokenHeader.length).toBeGreaterThan(10);
            for (const needle of [...secretForms(clientSecret), tokenHeader, "Bearer"]) {
                expect(haystack).not.toContain(needle);
            }
            for (const text of [providers.configuration, providers.dismissal]) {
                expect(text).not.toMatch(/clientSecret|PIM_ALERTS|ARM_CLIENT|authorityHost/);
            }
        });
    },
);

test("a wrong client secret fails with a message that says how to sign in and holds neither secret", async () => {
    const rightSecret = newSecret();
    const wrongSecret = newSecret();
    const emulator = await httpsEmulator(rightSecret);
    const s = await startWithSecret("secret stack config", emulator, wrongSecret);
    const checked = await s.host.check(
        CONFIGURATION,
        "owners",
        {},
        { __provider: providers.configuration, scope: SUB, alertId: OWNERS, thresholdNumberOfOwners: 3 },
    );
    const error = (await s.host.create(CONFIGURATION, "owners", checked.inputs).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain("getting an access token for https://management.azure.com/.default");
    expect(error.message).toContain("AADSTS7000215: Invalid client secret provided");
    expect(error.message).toContain("Sign in with `az login`");
    expect(error.message).toContain("pim-alerts:clientSecret");
    const haystack = error.message + JSON.stringify(error) + (error.stack ?? "") + s.host.output.join("\n");
    for (const needle of [...secretForms(wrongSecret), ...secretForms(rightSecret)]) {
        expect(haystack).not.toContain(needle);
    }
    // Nothing was written, and no ARM call was made without a token.
    expect(emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 2 });
    expect(emulator.admin.requests().filter((r) => r.api === "arm")).toEqual([]);
});
