/** Thrown by admin methods (and turned into a 400 by the admin HTTP API) when an input is invalid. */
export class EmulatorAdminError extends Error {
    override readonly name = "EmulatorAdminError" as const;
}

/**
 * True for errors thrown by the admin API, also across module copies (name fallback).
 * @param error - Anything caught.
 */
export function isEmulatorAdminError(error: unknown): error is EmulatorAdminError {
    return error instanceof EmulatorAdminError || (error instanceof Error && error.name === "EmulatorAdminError");
}
