/**
 * What the {@link ProviderHost} methods resolve with, and their conversion from the host's
 * response messages.
 *
 * @packageDocumentation
 */
import type {
    CheckResponseMessage,
    ConfigureResponseMessage,
    CreateResponseMessage,
    DiffResponseMessage,
    ReadResponseMessage,
    UpdateResponseMessage,
} from "./providerMessages";
import type { ProviderSdk } from "./sdk";
import { decodeStruct, type JsonObject } from "./struct";

/** A property that failed validation in `check`. */
export interface CheckFailure {
    /** The property name the provider reported. */
    readonly property: string;
    /** Why it failed. */
    readonly reason: string;
}

/** Result of `check`. */
export interface CheckResult {
    /** The checked inputs (including `__provider`, which the host always copies from `news`). */
    readonly inputs: JsonObject;
    /** Validation failures; empty when the inputs are valid. */
    readonly failures: readonly CheckFailure[];
}

/** Result of `diff`. The Node dynamic provider has no property-level detailed diff. */
export interface DiffResult {
    /** Whether the provider reported changes. */
    readonly changes: "none" | "some" | "unknown";
    /** Properties whose change requires replacement. */
    readonly replaces: readonly string[];
    /** Properties the provider declared stable. */
    readonly stables: readonly string[];
    /** Whether the old resource must be deleted before its replacement is created. */
    readonly deleteBeforeReplace: boolean;
}

/** Result of `create`. */
export interface CreateResult {
    /** The new resource's id. */
    readonly id: string;
    /** The whole state (`outs` plus `__provider`): inputs are NOT merged in. */
    readonly properties: JsonObject;
}

/** Result of `read`. */
export interface ReadResult {
    /** The id read back; `""` means the resource no longer exists. */
    readonly id: string;
    /** The refreshed state (plus `__provider`). */
    readonly properties: JsonObject;
    /** The inputs the provider returned (plus `__provider`), or `undefined` when it returned none. */
    readonly inputs: JsonObject | undefined;
}

/** Result of `update`. */
export interface UpdateResult {
    /** The whole new state (`outs` plus `__provider`). */
    readonly properties: JsonObject;
}

/** Result of `configure`. */
export interface ConfigureResult {
    /** Whether the provider accepts secrets (the dynamic host says false). */
    readonly acceptSecrets: boolean;
    /** Whether the provider supports preview (the dynamic host says false). */
    readonly supportsPreview: boolean;
}

/** The {@link CheckResult} of a Check or CheckConfig response. */
export function checkResult(response: CheckResponseMessage): CheckResult {
    return {
        inputs: decodeStruct(response.getInputs()) ?? {},
        failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
}

/** The {@link ConfigureResult} of a Configure response. */
export function configureResult(response: ConfigureResponseMessage): ConfigureResult {
    return { acceptSecrets: response.getAcceptsecrets(), supportsPreview: response.getSupportspreview() };
}

/**
 * The {@link DiffResult} of a Diff response.
 *
 * @param response - the response
 * @param diffChanges - the SDK's `DiffResponse.DiffChanges` values
 */
export function diffResult(response: DiffResponseMessage, diffChanges: ProviderSdk["diffChanges"]): DiffResult {
    const code = response.getChanges();
    const { DIFF_NONE, DIFF_SOME } = diffChanges;
    return {
        changes: code === DIFF_SOME ? "some" : code === DIFF_NONE ? "none" : "unknown",
        replaces: response.getReplacesList(),
        stables: response.getStablesList(),
        deleteBeforeReplace: response.getDeletebeforereplace(),
    };
}

/** The {@link CreateResult} of a Create response. */
export function createResult(response: CreateResponseMessage): CreateResult {
    return { id: response.getId(), properties: decodeStruct(response.getProperties()) ?? {} };
}

/** The {@link ReadResult} of a Read response. */
export function readResult(response: ReadResponseMessage): ReadResult {
    return {
        id: response.getId(),
        properties: decodeStruct(response.getProperties()) ?? {},
        inputs: decodeStruct(response.getInputs()),
    };
}

/** The {@link UpdateResult} of an Update response. */
export function updateResult(response: UpdateResponseMessage): UpdateResult {
    return { properties: decodeStruct(response.getProperties()) ?? {} };
}
