/**
 * Builds `pulumi preview --json` documents for tests, in the shape pulumi-preview-json.md describes:
 * steps with op, urn (parents joined by `$`), oldState/newState with inputs and outputs.
 */

/** This package's resource classes. */
export type PimClass =
    "AlertConfiguration" | "AlertDismissal" | "DirectoryAlertConfiguration" | "DirectoryAlertDismissal";

export const SUB = "/subscriptions/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";

/** The state of a resource: inputs and outputs (outputs default to the inputs). */
export interface State {
    readonly inputs: Record<string, unknown>;
    readonly outputs?: Record<string, unknown>;
}

/** One step as JSON; `cls` is one of this package's classes ({@link PimClass}) or any other type token. */
export function step(
    op: string,
    cls: string,
    name: string,
    oldState?: State,
    newState?: State,
    parents: readonly string[] = [],
): Record<string, unknown> {
    const type = cls.includes(":") ? cls : `pulumi-nodejs:dynamic/pim:${cls}`;
    const urn = `urn:pulumi:dev::policy::${[...parents, type].join("$")}::${name}`;
    const json = (state: State) => ({
        urn,
        custom: true,
        type,
        inputs: { __provider: "exports.handler = ...", ...state.inputs },
        outputs: state.outputs ?? state.inputs,
    });
    return {
        op,
        urn,
        ...(oldState ? { oldState: json(oldState) } : {}),
        ...(newState ? { newState: json(newState) } : {}),
        detailedDiff: null,
    };
}

/** The text of a preview of these steps. */
export function preview(...steps: ReadonlyArray<Record<string, unknown>>): string {
    return JSON.stringify({ steps, duration: 1_000_000, changeSummary: { update: steps.length } });
}

/** An ARM configuration's recorded state: declared inputs, and outputs with the live values. */
export function armConfiguration(
    alertId: string,
    declared: Record<string, unknown>,
    live: Record<string, unknown> = {},
    extra: Record<string, unknown> = {},
): State {
    const inputs = { scope: SUB, alertId, ...declared };
    return {
        inputs,
        outputs: {
            ...inputs,
            declaredProperties: Object.keys(declared).filter((k) => k !== "onDelete"),
            ...declared,
            ...live,
            ...extra,
        },
    };
}

/** A directory configuration's recorded state. */
export function directoryConfiguration(
    alertId: string,
    declared: Record<string, unknown>,
    live: Record<string, unknown> = {},
    extra: Record<string, unknown> = {},
): State {
    const inputs = { alertId, ...declared };
    return {
        inputs,
        outputs: {
            ...inputs,
            tenantId: "tenant",
            declaredProperties: Object.keys(declared).filter((k) => k !== "onDelete"),
            ...declared,
            ...live,
            ...extra,
        },
    };
}

/** A dismissal's recorded state. */
export function dismissal(isActive: unknown, onDelete?: string, scope: string | undefined = SUB): State {
    const inputs = { ...(scope ? { scope } : {}), alertId: "DuplicateRoleCreated", ...(onDelete ? { onDelete } : {}) };
    return { inputs, outputs: { ...inputs, isActive, incidentCount: 1 } };
}
