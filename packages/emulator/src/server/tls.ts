import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { RequestListener } from "node:http";
import { tmpdir } from "node:os";
import * as path from "node:path";

/** The self-signed certificate an HTTPS emulator serves, in a temp dir removed by {@link removeCertificate}. */
export interface EmulatorCertificate {
    /** The temp dir holding the files. */
    readonly dir: string;
    /** PEM file of the certificate: the value of `NODE_EXTRA_CA_CERTS` that makes Node trust it. */
    readonly certFile: string;
    /** The certificate, PEM (usable as a `ca` option). */
    readonly certPem: string;
    /** Its private key, PEM. */
    readonly keyPem: string;
}

/**
 * OpenSSL config of the certificate: self-signed, valid for 127.0.0.1 and localhost, and a CA so
 * that it can be a trust anchor of itself (NODE_EXTRA_CA_CERTS). Given in full, so the result does
 * not depend on the machine's openssl.cnf.
 */
const OPENSSL_CONFIG = `[req]
distinguished_name = dn
x509_extensions = v3
prompt = no
[dn]
CN = 127.0.0.1
O = pulumi-pim-alerts emulator
[v3]
basicConstraints = critical, CA:TRUE
keyUsage = critical, digitalSignature, keyCertSign
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
subjectKeyIdentifier = hash
`;

const OPENSSL_TIMEOUT_MS = 30_000;

function runOpenssl(command: string, args: readonly string[]): Promise<void> {
    return new Promise((resolve, reject) => {
        execFile(command, args, { timeout: OPENSSL_TIMEOUT_MS }, (error, _stdout, stderr) => {
            if (error === null) {
                resolve();
            } else if ((error as NodeJS.ErrnoException).code === "ENOENT") {
                reject(
                    new Error(
                        "startEmulator({ https: true }) makes its self-signed certificate with the `openssl` command, which was not found " +
                            "on PATH: install OpenSSL (e.g. `apt-get install openssl`) or start the emulator without `https`.",
                    ),
                );
            } else {
                reject(
                    new Error(
                        `openssl could not make the emulator's self-signed certificate: ${String(stderr).trim() || error.message}`,
                    ),
                );
            }
        });
    });
}

/**
 * Generates a fresh self-signed certificate (EC P-256, 7 days, CN/SAN 127.0.0.1 and localhost) with
 * the `openssl` CLI into a new temp dir.
 * @param opensslCommand - The openssl executable (looked up on PATH). @default "openssl"
 * @throws Error saying that openssl is needed when it is not found.
 */
export async function createCertificate(opensslCommand = "openssl"): Promise<EmulatorCertificate> {
    const dir = await mkdtemp(path.join(tmpdir(), "pim-alerts-emulator-tls-"));
    try {
        const configFile = path.join(dir, "openssl.cnf");
        const certFile = path.join(dir, "cert.pem");
        const keyFile = path.join(dir, "key.pem");
        await writeFile(configFile, OPENSSL_CONFIG);
        await runOpenssl(opensslCommand, [
            "req",
            "-x509",
            "-new",
            "-nodes",
            "-config",
            configFile,
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-keyout",
            keyFile,
            "-out",
            certFile,
            "-days",
            "7",
            "-sha256",
        ]);
        return { dir, certFile, certPem: await readFile(certFile, "utf8"), keyPem: await readFile(keyFile, "utf8") };
    } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
    }
}

/**
 * Deletes the certificate's temp dir (key included).
 * @param certificate - What {@link createCertificate} returned.
 */
export function removeCertificate(certificate: EmulatorCertificate): Promise<void> {
    return rm(certificate.dir, { recursive: true, force: true });
}

/**
 * An HTTPS server with `certificate` and `listener` (the same handler as the plain HTTP server).
 * @param certificate - The certificate and key to serve.
 * @param listener - The request handler.
 */
export function createTlsServer(certificate: EmulatorCertificate, listener: RequestListener): HttpsServer {
    return createHttpsServer({ cert: certificate.certPem, key: certificate.keyPem }, listener);
}
