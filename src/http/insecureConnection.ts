/**
 * A bearer token is never sent over plain http, except to a loopback address (the emulator).
 * Same rule as core-rest-pipeline's checkInsecureConnection.
 */
import { InsecureConnectionError } from "../errors";

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
    const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
    return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Throws unless the URL is https, or http to a loopback address. */
export function assertSecureForToken(url: string): void {
    const parsed = new URL(url);
    if (parsed.protocol === "https:") return;
    if (parsed.protocol === "http:" && isLoopbackHost(parsed.hostname)) return;
    throw new InsecureConnectionError(
        `refusing to send an Azure access token to ${parsed.protocol}//${parsed.host}: ` +
            "only https endpoints (or http on a loopback address, for a local emulator) are allowed",
    );
}
