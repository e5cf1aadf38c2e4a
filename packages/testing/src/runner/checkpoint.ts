/**
 * The stack's state as the runner keeps it: the document `pulumi stack export` prints
 * (`apitype.UntypedDeployment` version 3 holding an `apitype.DeploymentV3`: manifest, resources as
 * `apitype.ResourceV3`, `pending_operations` as `apitype.OperationV2`), so the file reads like a
 * Pulumi checkpoint and the stack outputs live where the CLI keeps them: in the outputs of the
 * `pulumi:pulumi:Stack` resource.
 *
 * Unlike a real checkpoint it holds no secret: a secret stack output is stored as `"[secret]"`,
 * and a resource whose properties hold a secret is refused before any step (see
 * {@link findSecretPath}): there is no secrets provider to encrypt it with.
 *
 * @packageDocumentation
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { isSecret } from "../host/secrets";
import { urnName } from "./urns";

/** Property values of a resource. */
export type Properties = Record<string, unknown>;

/** One resource of the state, with the fields of `apitype.ResourceV3` the runner uses. */
export interface ResourceState {
    readonly urn: string;
    /** The resource's name (the last URN segment); not stored, derived from the URN. */
    readonly name: string;
    readonly type: string;
    /** True for a provider-managed (custom) resource, false for a component or the stack. */
    readonly custom: boolean;
    /** Set on a resource replaced by create-before-delete until its delete succeeds. */
    readonly delete: boolean;
    /** The provider's id; `""` for components. */
    readonly id: string;
    readonly inputs: Properties;
    readonly outputs: Properties;
    readonly parent: string;
    readonly protect: boolean;
    readonly dependencies: readonly string[];
    /** Set when the last create/update wrote to the cloud but did not finish; the next `up` updates again. */
    readonly initErrors: readonly string[];
    /** `<provider urn>::<provider id>`. */
    readonly provider: string;
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    /** Deleted by a delete-before-replace whose create has not happened yet. */
    readonly pendingReplacement: boolean;
    /** The URN the resource had before an alias matched it. */
    readonly aliases: readonly string[];
    readonly retainOnDelete: boolean;
    readonly ignoreChanges: readonly string[];
    readonly replaceOnChanges: readonly string[];
    /** ISO 8601 times, as the engine records them. */
    readonly created?: string;
    readonly modified?: string;
}

/** An operation that had started when the state was last written (`apitype.OperationV2`). */
export interface PendingOperation {
    readonly resource: ResourceState;
    readonly type: "creating" | "updating" | "deleting" | "reading";
}

/** The whole state of a stack. */
export interface StackState {
    /** In dependency order (a resource after its parent and dependencies). */
    readonly resources: readonly ResourceState[];
    readonly pendingOperations: readonly PendingOperation[];
}

/** The type token of a stack's root resource. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** What a stack without state holds. */
export const EMPTY_STACK: StackState = { resources: [], pendingOperations: [] };

/** The outputs of the stack (those of its root resource), or `{}`. */
export function stackOutputs(state: StackState): Properties {
    return state.resources.find((r) => r.type === ROOT_STACK_TYPE)?.outputs ?? {};
}

/**
 * Reads a state file; a missing file is an empty stack.
 *
 * @param file - the state file
 * @throws Error naming the file when it is not a state file of this format
 */
export function loadStackState(file: string): StackState {
    if (!fs.existsSync(file)) return EMPTY_STACK;
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new Error(`${file} is not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const deployment =
        isObject(parsed) && parsed["version"] === 3 && isObject(parsed["deployment"])
            ? parsed["deployment"]
            : undefined;
    if (!deployment) {
        throw new Error(`${file} is not a stack state of version 3 (the format of \`pulumi stack export\`)`);
    }
    const resources = arrayOf(deployment["resources"]).map((r) => fromResourceV3(r, file));
    const pendingOperations = arrayOf(deployment["pending_operations"]).map((op) => {
        if (!isObject(op) || !["creating", "updating", "deleting", "reading"].includes(String(op["type"]))) {
            throw new Error(`${file}: a pending operation is not {resource, type}`);
        }
        return { resource: fromResourceV3(op["resource"], file), type: op["type"] as PendingOperation["type"] };
    });
    return { resources, pendingOperations };
}

/**
 * Writes the state atomically (a temporary file renamed over the old one), so a crash or a kill
 * never leaves half a file.
 *
 * @param file - the state file
 * @param state - what to write
 * @param pulumiVersion - the @pulumi/pulumi version, recorded in the manifest
 */
export function saveStackState(file: string, state: StackState, pulumiVersion: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify(untypedDeployment(state, pulumiVersion), null, 4)}\n`, {
        mode: 0o600,
    });
    fs.renameSync(temporary, file);
}

/** The document written to the state file. */
export function untypedDeployment(state: StackState, pulumiVersion: string): Record<string, unknown> {
    const version = `v${pulumiVersion}`;
    const deployment: Record<string, unknown> = {
        manifest: {
            time: new Date().toISOString(),
            magic: createHash("sha256").update(version).digest("hex"),
            version,
        },
    };
    if (state.resources.length > 0) deployment["resources"] = state.resources.map(toResourceV3);
    if (state.pendingOperations.length > 0) {
        deployment["pending_operations"] = state.pendingOperations.map((op) => ({
            resource: toResourceV3(op.resource),
            type: op.type,
        }));
    }
    return { version: 3, deployment };
}

/**
 * A resource as `apitype.ResourceV3` serializes: the Go struct's field order, `omitempty` fields
 * left out when empty (false, "", empty list or map).
 */
export function toResourceV3(r: ResourceState): Record<string, unknown> {
    const out: Record<string, unknown> = { urn: r.urn, custom: r.custom };
    const put = (key: string, value: unknown): void => {
        if (value === undefined || value === "" || value === false) return;
        if (Array.isArray(value) && value.length === 0) return;
        if (isObject(value) && Object.keys(value).length === 0) return;
        out[key] = value;
    };
    put("delete", r.delete);
    put("id", r.id);
    out["type"] = r.type;
    put("inputs", sortKeys(r.inputs));
    put("outputs", sortKeys(r.outputs));
    put("parent", r.parent);
    put("protect", r.protect);
    put("dependencies", r.dependencies);
    put("initErrors", r.initErrors);
    put("provider", r.provider);
    put("propertyDependencies", sortKeys(r.propertyDependencies));
    put("pendingReplacement", r.pendingReplacement);
    put("aliases", r.aliases);
    put("retainOnDelete", r.retainOnDelete);
    put("created", r.created);
    put("modified", r.modified);
    put("ignoreChanges", r.ignoreChanges);
    put("replaceOnChanges", r.replaceOnChanges);
    return out;
}

function fromResourceV3(value: unknown, file: string): ResourceState {
    if (!isObject(value) || typeof value["urn"] !== "string" || typeof value["type"] !== "string") {
        throw new Error(`${file}: a resource has no urn or type`);
    }
    const strings = (v: unknown): string[] => arrayOf(v).filter((s): s is string => typeof s === "string");
    const record = (v: unknown): Properties => (isObject(v) ? v : {});
    return {
        urn: value["urn"],
        name: urnName(value["urn"]),
        type: value["type"],
        custom: value["custom"] === true,
        delete: value["delete"] === true,
        id: typeof value["id"] === "string" ? value["id"] : "",
        inputs: record(value["inputs"]),
        outputs: record(value["outputs"]),
        parent: typeof value["parent"] === "string" ? value["parent"] : "",
        protect: value["protect"] === true,
        dependencies: strings(value["dependencies"]),
        initErrors: strings(value["initErrors"]),
        provider: typeof value["provider"] === "string" ? value["provider"] : "",
        propertyDependencies: Object.fromEntries(
            Object.entries(record(value["propertyDependencies"])).map(([k, v]) => [k, strings(v)]),
        ),
        pendingReplacement: value["pendingReplacement"] === true,
        aliases: strings(value["aliases"]),
        retainOnDelete: value["retainOnDelete"] === true,
        ignoreChanges: strings(value["ignoreChanges"]),
        replaceOnChanges: strings(value["replaceOnChanges"]),
        ...(typeof value["created"] === "string" ? { created: value["created"] } : {}),
        ...(typeof value["modified"] === "string" ? { modified: value["modified"] } : {}),
    };
}

/**
 * The path of the first secret inside `value` (e.g. `inputs.token`), or `undefined`.
 *
 * @param value - properties as the SDK sent them
 * @param at - the path of `value`
 */
export function findSecretPath(value: unknown, at: string): string | undefined {
    if (isSecret(value)) return at;
    if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) {
            const found = findSecretPath(item, `${at}[${i}]`);
            if (found) return found;
        }
    } else if (isObject(value)) {
        for (const [key, item] of Object.entries(value)) {
            const found = findSecretPath(item, `${at}.${key}`);
            if (found) return found;
        }
    }
    return undefined;
}

/** `value` with every secret replaced by the string `"[secret]"` (how the CLI shows them). */
export function redactSecrets(value: unknown): unknown {
    if (isSecret(value)) return "[secret]";
    if (Array.isArray(value)) return value.map(redactSecrets);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactSecrets(v)]));
    return value;
}

/** `value` with the members of every object in key order, as Go's encoding/json writes maps. */
export function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (!isObject(value)) return value;
    return Object.fromEntries(
        Object.keys(value)
            .sort()
            .map((k) => [k, sortKeys(value[k])]),
    );
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
}
