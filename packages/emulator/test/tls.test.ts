import { expect } from "@jest/globals";
import { execFile } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { checkServerIdentity } from "node:tls";
import { ClientSecretCredential, type ClientSecretCredentialOptions } from "@azure/identity";
import { AuthenticationError, createTokenSource, credentialOptions } from "../../../src/auth/tokenSource";
import { startEmulator, type Emulator } from "../src";
import { createCertificate } from "../src/server/tls";
import { API, PROVIDER } from "./support";

type AdditionalPolicy = NonNullable<ClientSecretCredentialOptions["additionalPolicies"]>[number];

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
const ARM_SCOPE = "https://management.azure.com/.default";
const CLIENT = { clientId: "5d6b1a2c-7e8f-4a9b-8c0d-1e2f3a4b5c6d", clientSecret: "tls~Test.Secret-0123456789abcdef" };

let emulator: Emulator;

beforeAll(async () => {
    emulator = await startEmulator({ https: true, retryAfterSeconds: 0 });
});
beforeEach(() => {
    emulator.reset();
    emulator.admin.registerClient(CLIENT);
});
afterAll(async () => {
    await emulator.stop();
});

function certificate(): { certFile: string; certPem: string } {
    if (emulator.certificate === undefined) throw new Error("no certificate in https mode");
    return emulator.certificate;
}

function claimsOf(token: string): Record<string, unknown> {
    return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

/** GET over https with the given CA (or the default trust store when `ca` is undefined). */
function httpsGet(url: string, ca: string | undefined): Promise<number> {
    return new Promise((resolve, reject) => {
        const req = request(url, ca === undefined ? {} : { ca }, (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
        req.end();
    });
}

/**
 * Trusts the emulator's certificate for one credential, in this process: core-rest-pipeline builds its
 * https agent from `request.tlsSettings` (NODE_EXTRA_CA_CERTS is only read when a process starts).
 */
function trusting(pem: string): Pick<ClientSecretCredentialOptions, "additionalPolicies"> {
    const policy: AdditionalPolicy["policy"] = {
        name: "trustEmulatorCertificate",
        sendRequest: (req, next) => {
            req.tlsSettings = { ca: pem };
            return next(req);
        },
    };
    return { additionalPolicies: [{ policy, position: "perCall" }] };
}

describe("startEmulator({ https: true })", () => {
    test("serves https on 127.0.0.1 with a self-signed certificate for 127.0.0.1 and localhost", async () => {
        expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const { certFile, certPem } = certificate();
        expect(readFileSync(certFile, "utf8")).toBe(certPem);
        const x509 = new X509Certificate(certPem);
        expect(x509.subject).toContain("CN=127.0.0.1");
        expect(x509.subjectAltName).toBe("IP Address:127.0.0.1, DNS:localhost");
        expect(x509.verify(x509.publicKey)).toBe(true); // self-signed
        expect(checkServerIdentity("127.0.0.1", x509.toLegacyObject())).toBeUndefined();
        expect(checkServerIdentity("localhost", x509.toLegacyObject())).toBeUndefined();
        // Trusted when the certificate is given as CA, refused otherwise.
        expect(await httpsGet(`${emulator.url}/common/discovery/instance`, certPem)).toBe(200);
        await expect(httpsGet(`${emulator.url}/common/discovery/instance`, undefined)).rejects.toMatchObject({
            code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/),
        });
    });

    test("tokenEnvironment() adds NODE_EXTRA_CA_CERTS; the Entra documents name https endpoints", async () => {
        expect(emulator.tokenEnvironment()).toEqual({
            IDENTITY_ENDPOINT: `${emulator.url}/_emulator/msi/token`,
            IDENTITY_HEADER: expect.stringMatching(/^[0-9a-f]{32}$/),
            AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential",
            NODE_EXTRA_CA_CERTS: certificate().certFile,
        });
        expect(emulator.admin.tokenEnvironment()).toEqual(emulator.tokenEnvironment());
        const configuration = await new Promise<string>((resolve, reject) => {
            request(
                `${emulator.url}/${emulator.tenantId}/v2.0/.well-known/openid-configuration`,
                { ca: certificate().certPem },
                (res) => {
                    let body = "";
                    res.setEncoding("utf8")
                        .on("data", (chunk: string) => (body += chunk))
                        .on("end", () => resolve(body));
                },
            )
                .on("error", reject)
                .end();
        });
        expect(JSON.parse(configuration)).toMatchObject({
            token_endpoint: `${emulator.url}/${emulator.tenantId}/oauth2/v2.0/token`,
            issuer: `${emulator.url}/${emulator.tenantId}/v2.0`,
        });
    });

    test("a real ClientSecretCredential (with the provider's options) gets an ARM token in this process, trusting the CA per request", async () => {
        const options = credentialOptions(emulator.url);
        expect(options).toEqual({ authorityHost: emulator.url, disableInstanceDiscovery: true });
        const credential = new ClientSecretCredential(emulator.tenantId, CLIENT.clientId, CLIENT.clientSecret, {
            ...options,
            ...trusting(certificate().certPem),
        });
        const accessToken = await credential.getToken(ARM_SCOPE);
        expect(claimsOf(accessToken.token)).toMatchObject({
            aud: "https://management.azure.com",
            appid: CLIENT.clientId,
            tid: emulator.tenantId,
        });
        expect(accessToken.expiresOnTimestamp).toBeGreaterThan(Date.now() + 50 * 60 * 1000);
        const tokenCalls = emulator.admin
            .requests()
            .filter((r) => r.api === "token")
            .map((r) => `${r.method} ${r.path} ${r.status}`);
        expect(tokenCalls).toContain(`POST /${emulator.tenantId}/oauth2/v2.0/token 200`);
        // The token works against the ARM API (over https too).
        const response = await fetchArm(accessToken.token);
        expect(response).toBe(200);
    });

    test("a wrong secret fails with Entra's AADSTS7000215, and the token source's error says how to sign in without the secret", async () => {
        const wrong = "wrong~Secret.Value-0123456789abcdef";
        const credential = new ClientSecretCredential(emulator.tenantId, CLIENT.clientId, wrong, {
            ...credentialOptions(emulator.url),
            ...trusting(certificate().certPem),
        });
        const error = (await createTokenSource(() => credential, [wrong])
            .getToken(ARM_SCOPE)
            .catch((e: unknown) => e)) as Error;
        expect(error).toBeInstanceOf(AuthenticationError);
        expect(error.message).toContain("AADSTS7000215: Invalid client secret provided");
        expect(error.message).toContain("Sign in with `az login`");
        expect(error.message).not.toContain(wrong);
        expect(error.message).not.toContain(encodeURIComponent(wrong));
    });

    test("in a child process, NODE_EXTRA_CA_CERTS from tokenEnvironment() makes ClientSecretCredential and DefaultAzureCredential work", async () => {
        const script = `
      const { ClientSecretCredential, DefaultAzureCredential } = require("@azure/identity");
      const [tenantId, clientId, secret, options] = JSON.parse(process.argv[1]);
      (async () => {
        const bySecret = await new ClientSecretCredential(tenantId, clientId, secret, options).getToken(${JSON.stringify(ARM_SCOPE)});
        const byIdentity = await new DefaultAzureCredential().getToken("https://graph.microsoft.com/.default");
        process.stdout.write(JSON.stringify([bySecret.token, byIdentity.token]));
      })().catch((e) => { process.stderr.write(String(e && e.message)); process.exit(1); });`;
        const args = JSON.stringify([
            emulator.tenantId,
            CLIENT.clientId,
            CLIENT.clientSecret,
            credentialOptions(emulator.url),
        ]);
        const env = {
            PATH: process.env["PATH"] ?? "",
            HOME: process.env["HOME"] ?? "",
            ...emulator.tokenEnvironment(),
        };
        const stdout = await new Promise<string>((resolve, reject) => {
            execFile(
                process.execPath,
                ["-e", script, args],
                { cwd: REPO_ROOT, env, timeout: 30_000 },
                (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
            );
        });
        const [bySecret = "", byIdentity = ""] = JSON.parse(stdout) as string[];
        expect(claimsOf(bySecret)).toMatchObject({ aud: "https://management.azure.com", appid: CLIENT.clientId });
        expect(claimsOf(byIdentity)).toMatchObject({ aud: "https://graph.microsoft.com" });
        expect(await fetchArm(bySecret)).toBe(200);
    });

    test("stop() removes the certificate's temp dir; a plain emulator has no certificate", async () => {
        const other = await startEmulator({ https: true });
        const dir = path.dirname(other.certificate?.certFile ?? "");
        expect(existsSync(path.join(dir, "key.pem"))).toBe(true);
        await other.stop();
        expect(existsSync(dir)).toBe(false);
        const plain = await startEmulator();
        try {
            expect(plain.url).toMatch(/^http:\/\//);
            expect(plain.certificate).toBeUndefined();
            expect(plain.tokenEnvironment()).not.toHaveProperty("NODE_EXTRA_CA_CERTS");
        } finally {
            await plain.stop();
        }
    });

    test("without the openssl CLI, making the certificate fails saying so, and leaves no temp dir", async () => {
        const before = readdirSync(tmpdir()).filter((name) => name.startsWith("pim-alerts-emulator-tls-"));
        await expect(createCertificate(path.join(tmpdir(), "no-such-dir", "openssl"))).rejects.toThrow(
            "startEmulator({ https: true }) makes its self-signed certificate with the `openssl` command, which was not found on PATH",
        );
        const after = readdirSync(tmpdir()).filter((name) => name.startsWith("pim-alerts-emulator-tls-"));
        expect(after.filter((name) => !before.includes(name))).toEqual([]);
    });
});

/** Lists the alerts of the example subscription with `token`; the status code. */
async function fetchArm(token: string): Promise<number> {
    return new Promise((resolve, reject) => {
        request(
            `${emulator.url}${PROVIDER}/roleManagementAlerts${API}`,
            { ca: certificate().certPem, headers: { authorization: `Bearer ${token}` } },
            (res) => {
                res.resume();
                res.on("end", () => resolve(res.statusCode ?? 0));
            },
        )
            .on("error", reject)
            .end();
    });
}
