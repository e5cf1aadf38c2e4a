/**
 * A provider host double for the engine's unit tests: answers like a simple provider (`scope`
 * changes replace, `threshold` changes update), records every call, and lets a test hold calls
 * open to observe what is in flight.
 */
import { EMPTY_STACK, type ResourceState, type StackState } from "../../../src/runner/checkpoint";
import { Engine, type EngineHost, type EngineOptions } from "../../../src/runner/engine";
import type { Goal } from "../../../src/runner/goal";
import type { JsonObject } from "../../../src/host/struct";

export const TYPE = "pulumi-nodejs:dynamic/pim:AlertConfiguration";
export const PROJECT = "p";
export const STACK = "dev";
export const STACK_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${STACK}`;
export const PROVIDER_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:providers:pulumi-nodejs::default`;
export const PROVIDER_REF = `${PROVIDER_URN}::provider-id`;

export const urnOf = (name: string, type = TYPE): string => `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;

const json = (value: Record<string, unknown>): JsonObject => value as JsonObject;

/** A call the double received: `create owners`, `delete owners`, ... */
export type Call = string;

/** The double, its call log, and the calls currently in flight. */
export type FakeHost = EngineHost & {
    readonly calls: Call[];
    inFlight: number;
    maxInFlight: number;
    hold?: Promise<void>;
};

export function fakeHost(overrides: Partial<EngineHost> = {}): FakeHost {
    const calls: Call[] = [];
    const host: FakeHost = {
        calls,
        inFlight: 0,
        maxInFlight: 0,
        check: async (_t, name, _olds, news) => (
            calls.push(`check ${name}`),
            { inputs: json({ ...news }), failures: [] }
        ),
        diff: async (_t, name, _id, olds, news) => {
            calls.push(`diff ${name}`);
            const replaces = olds["scope"] !== news["scope"] ? ["scope"] : [];
            const changes = replaces.length > 0 || olds["threshold"] !== news["threshold"] ? "some" : "none";
            return { changes, replaces, stables: [], deleteBeforeReplace: false };
        },
        create: (_t, name, props) =>
            tracked(host, `create ${name}`, () => ({
                id: `id-${name}-${String(props["scope"])}`,
                properties: json({ ...props, live: true }),
            })),
        read: (_t, name, id, props) =>
            tracked(host, `read ${name}`, () => ({
                id,
                properties: json({ ...props, threshold: 5 }),
                inputs: json({ scope: props["scope"], threshold: 5 }),
            })),
        update: (_t, name, _id, _olds, news) =>
            tracked(host, `update ${name}`, () => ({ properties: json({ ...news, live: true }) })),
        delete: (_t, name) => tracked(host, `delete ${name}`, () => undefined),
        ...overrides,
    };
    return host;
}

async function tracked<T>(host: FakeHost, call: Call, answer: () => T): Promise<T> {
    host.calls.push(call);
    host.inFlight += 1;
    host.maxInFlight = Math.max(host.maxInFlight, host.inFlight);
    try {
        await host.hold;
        return answer();
    } finally {
        host.inFlight -= 1;
    }
}

/** A resource of the state. */
export function resource(name: string, fields: Partial<ResourceState> = {}): ResourceState {
    const inputs = fields.inputs ?? { scope: "a", threshold: 3 };
    return {
        urn: urnOf(name),
        name,
        type: TYPE,
        custom: true,
        delete: false,
        id: `id-${name}`,
        inputs,
        outputs: { ...inputs, live: true },
        parent: STACK_URN,
        protect: false,
        dependencies: [],
        initErrors: [],
        provider: PROVIDER_REF,
        propertyDependencies: {},
        pendingReplacement: false,
        aliases: [],
        retainOnDelete: false,
        ignoreChanges: [],
        replaceOnChanges: [],
        ...fields,
    };
}

/** A previous state holding the stack, the default provider and `resources`. */
export function stateWith(...resources: ResourceState[]): StackState {
    const stack = {
        ...resource(`${PROJECT}-${STACK}`, {
            inputs: {},
            outputs: {},
            custom: false,
            id: "",
            parent: "",
            provider: "",
        }),
        urn: STACK_URN,
        type: "pulumi:pulumi:Stack",
    };
    const provider = {
        ...resource("default", { inputs: {}, outputs: {}, id: "provider-id", parent: "", provider: "" }),
        urn: PROVIDER_URN,
        type: "pulumi:providers:pulumi-nodejs",
    };
    return { resources: [stack, provider, ...resources], pendingOperations: [] };
}

/** A registration's goal. */
export function goal(name: string, inputs: Record<string, unknown>, options: Partial<Goal> = {}): Goal {
    return {
        type: TYPE,
        name,
        parent: STACK_URN,
        custom: true,
        inputs,
        protect: undefined,
        retainOnDelete: undefined,
        deleteBeforeReplace: undefined,
        dependencies: [],
        propertyDependencies: {},
        ignoreChanges: [],
        replaceOnChanges: [],
        aliases: [],
        ...options,
    };
}

/** The stack's registration. */
export const STACK_GOAL: Goal = goal(
    `${PROJECT}-${STACK}`,
    {},
    { type: "pulumi:pulumi:Stack", parent: "", custom: false },
);

/** An engine over `host` and `previous`, with the stack already registered; `persisted` receives every write. */
export async function startEngine(
    host: EngineHost,
    previous: StackState = EMPTY_STACK,
    options: Partial<EngineOptions> = {},
) {
    const persisted: StackState[] = [];
    const engine = new Engine({
        host,
        previous,
        project: PROJECT,
        stack: STACK,
        preview: false,
        persist: (s) => persisted.push(s),
        ...options,
    });
    await engine.register(STACK_GOAL);
    return { engine, persisted };
}

/** `op name` of every step, errors marked. */
export function stepSummary(engine: Engine): string[] {
    return engine.steps.map(
        (s) =>
            `${s.op}${s.refreshResult ? `:${s.refreshResult}` : ""} ${s.name}${s.error !== undefined ? " (failed)" : ""}`,
    );
}
