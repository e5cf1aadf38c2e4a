/**
 * What the program asked for in one resource registration (the engine's `resource.Goal`), read from
 * the SDK's `RegisterResourceRequest`, and the refusal of every resource option the runner does not
 * implement: such an option is named in an error, never silently ignored.
 *
 * @packageDocumentation
 */
import type { Properties } from "./checkpoint";
import type { AliasSpec } from "./urns";

/** One registration: the resource and the options the runner implements. */
export interface Goal {
    readonly type: string;
    readonly name: string;
    /** Parent URN, `""` for none. */
    readonly parent: string;
    /** A provider-managed resource (true) or a component (false). */
    readonly custom: boolean;
    readonly inputs: Properties;
    /** `undefined` when the program did not set it. */
    readonly protect: boolean | undefined;
    readonly retainOnDelete: boolean | undefined;
    /** `undefined` lets the provider decide. */
    readonly deleteBeforeReplace: boolean | undefined;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    readonly ignoreChanges: readonly string[];
    readonly replaceOnChanges: readonly string[];
    readonly aliases: readonly AliasSpec[];
}

/** The parts of `pulumirpc.RegisterResourceRequest` (from the program's @pulumi/pulumi) read here. */
export interface RegisterResourceRequestMessage {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getObject(): { toJavaScript(): Properties } | undefined;
    hasProtect(): boolean;
    getProtect(): boolean;
    getDependenciesList(): string[];
    getProvider(): string;
    getPropertydependenciesMap(): {
        forEach(callback: (value: { getUrnsList(): string[] }, key: string) => void): void;
    };
    getDeletebeforereplace(): boolean;
    getDeletebeforereplacedefined(): boolean;
    getVersion(): string;
    getIgnorechangesList(): string[];
    getAdditionalsecretoutputsList(): string[];
    getAliasurnsList(): string[];
    getAliasesList(): AliasMessage[];
    getImportid(): string;
    getCustomtimeouts():
        { getCreate(): string; getUpdate(): string; getDelete(): string; getRead?(): string } | undefined;
    getRemote(): boolean;
    getProvidersMap(): { getLength(): number };
    getReplaceonchangesList(): string[];
    getPlugindownloadurl(): string;
    hasRetainondelete(): boolean;
    getRetainondelete(): boolean;
    getDeletedwith(): string;
    getReplaceWithList?(): string[];
    hasReplacementTrigger?(): boolean;
    getTransformsList?(): unknown[];
    getHooks?(): { toObject(): Record<string, unknown> } | undefined;
    getHidediffsList?(): string[];
    getEnvvarmappingsMap?(): { getLength(): number };
}

/** `pulumirpc.Alias`. */
export interface AliasMessage {
    hasUrn(): boolean;
    getUrn(): string;
    getSpec():
        | {
              getName(): string;
              getType(): string;
              getStack(): string;
              getProject(): string;
              getParenturn(): string;
              getNoparent(): boolean;
          }
        | undefined;
}

/** The resource options the runner implements, for messages. */
export const IMPLEMENTED_OPTIONS = [
    "protect",
    "retainOnDelete",
    "aliases",
    "ignoreChanges",
    "deleteBeforeReplace",
    "dependsOn",
    "parent",
    "replaceOnChanges",
] as const;

/**
 * The resource options set in `request` that the runner does not implement, by their names in
 * `pulumi.CustomResourceOptions`.
 */
export function unimplementedOptions(request: RegisterResourceRequestMessage): string[] {
    const timeouts = request.getCustomtimeouts();
    const hooks = request.getHooks?.()?.toObject() ?? {};
    const checks: Array<[string, boolean]> = [
        ["additionalSecretOutputs", request.getAdditionalsecretoutputsList().length > 0],
        [
            "customTimeouts",
            timeouts !== undefined &&
                [timeouts.getCreate(), timeouts.getUpdate(), timeouts.getDelete(), timeouts.getRead?.() ?? ""].some(
                    (t) => t !== "",
                ),
        ],
        ["deletedWith", request.getDeletedwith() !== ""],
        ["hideDiffs", (request.getHidediffsList?.() ?? []).length > 0],
        ["hooks", Object.values(hooks).some((v) => Array.isArray(v) && v.length > 0)],
        ["import", request.getImportid() !== ""],
        ["pluginDownloadURL", request.getPlugindownloadurl() !== ""],
        ["provider", request.getProvider() !== ""],
        ["providers", request.getProvidersMap().getLength() > 0],
        ["replaceWith", (request.getReplaceWithList?.() ?? []).length > 0],
        ["replacementTrigger", request.hasReplacementTrigger?.() ?? false],
        ["transforms", (request.getTransformsList?.() ?? []).length > 0],
        ["version", request.getVersion() !== ""],
        ["envVarMappings", (request.getEnvvarmappingsMap?.()?.getLength() ?? 0) > 0],
        ["remote (a multi-language component)", request.getRemote()],
    ];
    return checks.filter(([, set]) => set).map(([name]) => name);
}

/** The goal of a registration (call {@link unimplementedOptions} first). */
export function goalOf(request: RegisterResourceRequestMessage): Goal {
    const propertyDependencies: Record<string, string[]> = {};
    request.getPropertydependenciesMap().forEach((value, key) => {
        propertyDependencies[key] = value.getUrnsList();
    });
    return {
        type: request.getType(),
        name: request.getName(),
        parent: request.getParent(),
        custom: request.getCustom(),
        inputs: request.getObject()?.toJavaScript() ?? {},
        protect: request.hasProtect() ? request.getProtect() : undefined,
        retainOnDelete: request.hasRetainondelete() ? request.getRetainondelete() : undefined,
        deleteBeforeReplace: request.getDeletebeforereplacedefined() ? request.getDeletebeforereplace() : undefined,
        dependencies: request.getDependenciesList(),
        propertyDependencies,
        ignoreChanges: request.getIgnorechangesList(),
        replaceOnChanges: request.getReplaceonchangesList(),
        aliases: [...request.getAliasurnsList().map((urn) => ({ urn })), ...request.getAliasesList().map(aliasSpec)],
    };
}

function aliasSpec(alias: AliasMessage): AliasSpec {
    const spec = alias.getSpec();
    if (alias.hasUrn() || spec === undefined) return { urn: alias.getUrn() };
    return {
        name: spec.getName(),
        type: spec.getType(),
        stack: spec.getStack(),
        project: spec.getProject(),
        parentUrn: spec.getParenturn(),
        noParent: spec.getNoparent(),
    };
}
