/**
 * The resource monitor the program talks to, in place of the engine's gRPC `ResourceMonitor`: the
 * program's @pulumi/pulumi gets it through `runtime.setMockOptions`, so every registration arrives
 * here as the real `RegisterResourceRequest` (all resource options included) and becomes a step
 * of the {@link Engine}. Resources of other packages (e.g. azure-native) are mocked with realistic
 * values, as are their functions; reading an existing resource (`.get`) and method calls are
 * refused by name.
 *
 * @packageDocumentation
 */
import type { Properties } from "./checkpoint";
import type { Engine } from "./engine";
import { foreignCall, foreignResource } from "./foreignResources";
import { goalOf, IMPLEMENTED_OPTIONS, unimplementedOptions, type RegisterResourceRequestMessage } from "./goal";
import { generateUrn } from "./urns";

type Callback = (error: Error | null, response?: unknown) => void;

/** The classes of the program's @pulumi/pulumi the monitor answers with. */
export interface MonitorSdk {
    readonly Struct: { fromJavaScript(value: Record<string, unknown>): unknown };
    readonly RegisterResourceResponse: new () => {
        setUrn(urn: string): unknown;
        setId(id: string): unknown;
        setObject(object: unknown): unknown;
    };
    readonly ReadResourceResponse: new () => { setUrn(urn: string): unknown; setProperties(object: unknown): unknown };
    readonly InvokeResponse: new () => { setReturn(object: unknown): unknown };
    readonly RegisterPackageResponse: new () => { setRef(ref: string): unknown };
    /**
     * `DeploymentInfo` and the `ResourceMonitorFeature` enum, in SDKs that ask the monitor for its
     * features in one call (`GetDeploymentInfo`); older SDKs probe each with `SupportsFeature`.
     */
    readonly deploymentInfo:
        | {
              readonly DeploymentInfo: new () => { setSupportedfeaturesList(features: number[]): unknown };
              readonly ResourceMonitorFeature: Readonly<Record<string, number>>;
          }
        | undefined;
    /** `runtime.serializeProperties` of the program's SDK (for mocked values). */
    readonly serializeProperties: (label: string, value: Record<string, unknown>) => Promise<Record<string, unknown>>;
    /** `runtime.deserializeProperties`. */
    readonly deserializeProperties: (struct: unknown) => Record<string, unknown>;
}

/** Where the monitor sends what it cannot answer itself. */
export interface MonitorOptions {
    readonly engine: Engine;
    readonly sdk: MonitorSdk;
    readonly stack: string;
    readonly project: string;
    /** For mocked functions such as `azure-native:authorization:getClientConfig`. */
    readonly subscriptionId: string;
    readonly tenantId: string;
}

/**
 * The monitor features the runner declares: those it implements or refuses by name itself. The
 * others make the SDK refuse ("does not support ...") before any registration.
 */
const SUPPORTED_FEATURES = ["secrets", "resourceReferences", "aliasSpecs", "deletedWith", "replaceWith"] as const;

/** `ResourceMonitorFeature` names of the features, for `GetDeploymentInfo`. */
const FEATURE_ENUM_NAMES: Readonly<Record<(typeof SUPPORTED_FEATURES)[number], string>> = {
    secrets: "RESOURCE_MONITOR_FEATURE_SECRETS",
    resourceReferences: "RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES",
    aliasSpecs: "RESOURCE_MONITOR_FEATURE_ALIAS_SPECS",
    deletedWith: "RESOURCE_MONITOR_FEATURE_DELETED_WITH",
    replaceWith: "RESOURCE_MONITOR_FEATURE_REPLACE_WITH",
};

/** grpc.status.UNIMPLEMENTED */
const GRPC_UNIMPLEMENTED = 12;

/** True for the type token of a resource this runner hands to the provider host. */
export function isDynamicResourceType(type: string): boolean {
    return type.startsWith("pulumi-nodejs:dynamic");
}

/** A `ResourceMonitor` for `runtime.setMockOptions`. */
export class RunnerResourceMonitor {
    private readonly foreignStates = new Map<string, { urn: string; id: string; state: Record<string, unknown> }>();

    constructor(private readonly options: MonitorOptions) {}

    registerResource(request: RegisterResourceRequestMessage, callback: Callback): void {
        void this.answer(callback, async () => {
            const { engine, sdk } = this.options;
            if (request.getCustom() && !isDynamicResourceType(request.getType())) return this.registerForeign(request);
            const goal = goalOf(request);
            const refused = unimplementedOptions(request);
            if (refused.length > 0) {
                engine.refuse(
                    goal,
                    `${goal.type} resource '${goal.name}': the offline runner does not implement the resource option${refused.length > 1 ? "s" : ""} ` +
                        `${refused.join(", ")} (it implements ${IMPLEMENTED_OPTIONS.join(", ")})`,
                );
            }
            const registered = await engine.register(goal);
            const response = new sdk.RegisterResourceResponse();
            response.setUrn(registered.urn);
            response.setId(registered.id);
            response.setObject(sdk.Struct.fromJavaScript(registered.outputs));
            return response;
        });
    }

    registerResourceOutputs(
        request: { getUrn(): string; getOutputs(): { toJavaScript(): Properties } | undefined },
        callback: Callback,
    ): void {
        void this.answer(callback, () => {
            this.options.engine.registerOutputs(request.getUrn(), request.getOutputs()?.toJavaScript() ?? {});
            return {};
        });
    }

    readResource(
        request: {
            getType(): string;
            getName(): string;
            getParent(): string;
            getProperties(): unknown;
            getId(): string;
        },
        callback: Callback,
    ): void {
        void this.answer(callback, async () => {
            const { sdk } = this.options;
            if (isDynamicResourceType(request.getType())) {
                throw new Error(
                    `${request.getType()} resource '${request.getName()}': reading an existing resource (\`.get\`) is not implemented by the offline runner`,
                );
            }
            const urn = generateUrn(
                this.options.stack,
                this.options.project,
                request.getParent(),
                request.getType(),
                request.getName(),
            );
            const mocked = foreignResource(
                request.getType(),
                request.getName(),
                sdk.deserializeProperties(request.getProperties()),
                this.options.subscriptionId,
            );
            const state = await sdk.serializeProperties("", mocked.state);
            this.foreignStates.set(urn, { urn, id: request.getId(), state });
            this.options.engine.noteForeign(urn);
            const response = new sdk.ReadResourceResponse();
            response.setUrn(urn);
            response.setProperties(sdk.Struct.fromJavaScript(state));
            return response;
        });
    }

    invoke(request: { getTok(): string; getArgs(): unknown }, callback: Callback): void {
        void this.answer(callback, async () => {
            const { sdk } = this.options;
            const token = request.getTok();
            const args = sdk.deserializeProperties(request.getArgs());
            let result: Record<string, unknown>;
            if (token === "pulumi:pulumi:getResource") {
                const urn = String(args["urn"]);
                const known = this.foreignStates.get(urn) ?? this.engineResource(urn);
                if (!known) throw new Error(`unknown resource ${urn}`);
                result = known;
            } else {
                result = await sdk.serializeProperties(
                    "",
                    foreignCall(token, args, this.options.subscriptionId, this.options.tenantId),
                );
            }
            const response = new sdk.InvokeResponse();
            response.setReturn(sdk.Struct.fromJavaScript(result));
            return response;
        });
    }

    call(_request: unknown, callback: Callback): void {
        callback(new Error("method calls on resources (`call`) are not implemented by the offline runner"));
    }

    getResource(_request: unknown, callback: Callback): void {
        callback(new Error("looking up a resource by URN is not implemented by the offline runner"));
    }

    supportsFeature(request: { getId(): string }, callback: Callback): void {
        const supported = (SUPPORTED_FEATURES as readonly string[]).includes(request.getId());
        callback(null, { getHassupport: () => supported });
    }

    /** The features in one answer, as the engine gives them to SDKs that ask (3.276 does; 3.248 probes each). */
    getDeploymentInfo(_request: unknown, callback: Callback): void {
        const classes = this.options.sdk.deploymentInfo;
        if (classes === undefined) {
            // What an engine without GetDeploymentInfo answers: the SDK then probes SupportsFeature.
            callback(Object.assign(new Error("GetDeploymentInfo is not implemented"), { code: GRPC_UNIMPLEMENTED }));
            return;
        }
        const info = new classes.DeploymentInfo();
        info.setSupportedfeaturesList(
            SUPPORTED_FEATURES.map((id) => classes.ResourceMonitorFeature[FEATURE_ENUM_NAMES[id]]).filter(
                (value): value is number => value !== undefined,
            ),
        );
        callback(null, info);
    }

    registerPackage(_request: unknown, callback: Callback): void {
        const response = new this.options.sdk.RegisterPackageResponse();
        response.setRef("offline-runner-package");
        callback(null, response);
    }

    close(): void {
        // Nothing to close: there is no connection.
    }

    private engineResource(urn: string): { urn: string; id: string; state: Record<string, unknown> } | undefined {
        const state = this.options.engine.state().resources.find((r) => r.urn === urn);
        return state ? { urn, id: state.id, state: state.outputs } : undefined;
    }

    private async registerForeign(request: RegisterResourceRequestMessage): Promise<unknown> {
        const { sdk } = this.options;
        const urn = generateUrn(
            this.options.stack,
            this.options.project,
            request.getParent(),
            request.getType(),
            request.getName(),
        );
        const inputs = sdk.deserializeProperties(request.getObject());
        const mocked = foreignResource(request.getType(), request.getName(), inputs, this.options.subscriptionId);
        const state = await sdk.serializeProperties("", mocked.state);
        this.foreignStates.set(urn, { urn, id: mocked.id, state });
        this.options.engine.noteForeign(urn);
        const response = new sdk.RegisterResourceResponse();
        response.setUrn(urn);
        response.setId(mocked.id);
        response.setObject(sdk.Struct.fromJavaScript(state));
        return response;
    }

    /** Calls back with the response, or with the error as the SDK expects it (never a gRPC status it would drop). */
    private async answer(callback: Callback, work: () => unknown): Promise<void> {
        let response: unknown;
        try {
            response = await work();
        } catch (error) {
            // A fresh Error: a status code carried along (UNAVAILABLE from a dead host) would make the SDK drop it silently.
            callback(new Error(error instanceof Error ? error.message : String(error)));
            return;
        }
        callback(null, response);
    }
}
