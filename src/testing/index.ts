/**
 * Testing kit: run this package's resources the way the Pulumi engine does, without the CLI.
 *
 * - {@link captureResources}: run a Pulumi program under mocks in a child `node` process and get
 *   each resource's inputs as the SDK serialized them (`__provider` included).
 * - {@link startProviderHost}: start @pulumi/pulumi's dynamic-provider host and drive it over
 *   gRPC (Configure, Check, Diff, Create, Read, Update, Delete) like the engine.
 *
 * @packageDocumentation
 */
export {
    captureProgram,
    captureResources,
    programConfigEnvironment,
    serializedProvider,
    type CaptureOptions,
    type CapturedResource,
    type ProgramCapture,
} from "./captureResources";
export { CaptureError, ProviderCallError, ProviderHostStartError, grpcCodeName } from "./errors";
export type { InitFailure } from "./initFailure";
export {
    providerHostArgs,
    startProviderHost,
    type CheckFailure,
    type CheckResult,
    type ConfigureResult,
    type CreateResult,
    type DiffResult,
    type HostOutputLine,
    type OutputMatcher,
    type ProviderHost,
    type ProviderHostOptions,
    type ReadResult,
    type UpdateResult,
    type WaitForOutputOptions,
} from "./providerHost";
export { SECRET_SIG, SPECIAL_SIG_KEY, isSecret, secret, unwrapSecret, type SecretEnvelope } from "./secrets";
export { NotJsonError, toWireObject, type JsonObject, type JsonPrimitive, type JsonValue } from "./struct";
export { DEFAULT_PROJECT, DEFAULT_STACK, dynamicResourceType, makeUrn, readProjectName } from "./urn";
