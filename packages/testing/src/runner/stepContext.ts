/**
 * What every phase of a run (registrations, refresh, deletes) shares: the provider host, the
 * snapshot, the bound on operations in flight, and where steps and diagnostics go.
 *
 * @packageDocumentation
 */
import type { ProviderHost } from "../host/providerHost";
import type { ResourceState } from "./checkpoint";
import type { RunSnapshot } from "./snapshot";
import type { StepPool } from "./stepPool";
import type { Step } from "./steps";

/** The provider host calls the engine makes. */
export type EngineHost = Pick<ProviderHost, "check" | "diff" | "create" | "read" | "update" | "delete">;

/** A message the engine prints under "Diagnostics:", like the CLI's. */
export interface Diagnostic {
    readonly severity: "error" | "warning" | "info";
    /** The resource it is about; absent for the stack as a whole. */
    readonly urn?: string;
    readonly message: string;
}

/** The type token of the provider of dynamic resources. */
export const DYNAMIC_PROVIDER_TYPE = "pulumi:providers:pulumi-nodejs";

/** True for a provider resource (`pulumi:providers:*`). */
export function isProviderType(type: string): boolean {
    return type.startsWith("pulumi:providers:");
}

/** The URN part of a provider reference `<urn>::<id>`. */
export function providerUrn(reference: string): string {
    return reference.slice(0, reference.lastIndexOf("::"));
}

/** Shared by the phases of a run. */
export interface StepContext {
    readonly host: EngineHost;
    readonly snapshot: RunSnapshot;
    readonly pool: StepPool;
    /** Plan only: no create, update or delete reaches the provider. */
    readonly preview: boolean;
    /** Records a finished (or failed) step. */
    record(step: Step): void;
    diagnose(diagnostic: Diagnostic): void;
    /** The message of a failed provider call, e.g. `failureMessage(error, "creating")`. */
    failureMessage(error: unknown, operation: string): Promise<string>;
    /** Now, as the state records times. */
    now(): string;
}

/** A step that failed; its message is already recorded on the step. */
export class StepFailedError extends Error {
    override name = "StepFailedError" as const;
}

/** The skeleton of a step for `state`. */
export function stepFor(
    op: Step["op"],
    state: ResourceState,
): Pick<Step, "urn" | "type" | "name" | "op" | "diffs" | "diffReasons" | "replaceReasons"> {
    return { urn: state.urn, type: state.type, name: state.name, op, diffs: [], diffReasons: [], replaceReasons: [] };
}
