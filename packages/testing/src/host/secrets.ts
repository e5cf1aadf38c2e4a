/**
 * The engine's on-the-wire secret envelope (`rpc.specialSigKey` / `rpc.specialSecretSig` in
 * @pulumi/pulumi). The engine wraps secret config values and secret properties in it; the
 * dynamic-provider host unwraps top-level config values before `configure()` sees them.
 *
 * @packageDocumentation
 */

/** Key that marks a special value on the wire (`rpc.specialSigKey`). */
export const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";

/** Signature value that marks a secret (`rpc.specialSecretSig`). */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A secret value as the engine sends it. */
export interface SecretEnvelope<T = unknown> {
    /** Always {@link SECRET_SIG}. */
    readonly [SPECIAL_SIG_KEY]: typeof SECRET_SIG;
    /** The plaintext. */
    readonly value: T;
}

/**
 * Wraps a value in the engine's secret envelope, e.g. for a secret stack config value passed to
 * `ProviderHost.configure` or `captureResources({ config })`.
 *
 * @param value - the plaintext
 */
export function secret<T>(value: T): SecretEnvelope<T> {
    return { [SPECIAL_SIG_KEY]: SECRET_SIG, value };
}

/**
 * True when `value` is a secret envelope.
 *
 * @param value - any value
 */
export function isSecret(value: unknown): value is SecretEnvelope {
    return (
        typeof value === "object" &&
        value !== null &&
        (value as Record<string, unknown>)[SPECIAL_SIG_KEY] === SECRET_SIG &&
        "value" in value
    );
}

/**
 * Returns the plaintext of a secret envelope, or the value itself when it is not a secret.
 *
 * @param value - any value
 */
export function unwrapSecret(value: unknown): unknown {
    return isSecret(value) ? value.value : value;
}
