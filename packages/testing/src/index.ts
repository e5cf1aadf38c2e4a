/**
 * Testing kit: run this package's resources the way the Pulumi engine does, without the CLI.
 *
 * - {@link captureResources}: run a Pulumi program under mocks in a child `node` process and get
 *   each resource's inputs as the SDK serialized them (`__provider` included).
 * - {@link startProviderHost}: start @pulumi/pulumi's dynamic-provider host and drive it over
 *   gRPC (Configure, Check, Diff, Create, Read, Update, Delete) like the engine.
 * - {@link runProgram}: play the engine for a whole program (`up`, `preview` with `refresh` and
 *   `expectNoChanges`, `refresh`, `destroy`), keeping the stack's state in a JSON file.
 * The emulator of the ARM and Graph PIM alert APIs is its own package, `pulumi-pim-alerts-emulator`.
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
} from "./capture/captureResources";
export { CaptureError, ProviderCallError, ProviderHostStartError, grpcCodeName } from "./errors";
export type { InitFailure } from "./host/initFailure";
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
} from "./host/providerHost";
export { SECRET_SIG, SPECIAL_SIG_KEY, isSecret, secret, unwrapSecret, type SecretEnvelope } from "./host/secrets";
export { NotJsonError, toWireObject, type JsonObject, type JsonPrimitive, type JsonValue } from "./host/struct";
export { DEFAULT_PROJECT, DEFAULT_STACK, dynamicResourceType, makeUrn, readProjectName } from "./host/urn";
export { runProgram, type RunProgramOptions } from "./runner/runProgram";
export type { RunCommand, RunResult } from "./runner/runRequest";
export type { Step, StepOperation, StepSummary } from "./runner/steps";
export type { PropertyDiff } from "./runner/propertyDiff";
export { installTypeScriptHook } from "./runner/typescriptHook";
export {
    installPackedPackage,
    packContentHash,
    writeProgramFiles,
    type InstallOptions,
    type InstalledPackage,
    type ProgramFilesOptions,
} from "./packedInstall";
export { DEFAULT_SUBSCRIPTION_ID } from "./runner/foreignResources";
export { loadStackState, type StackState } from "./runner/stackState";
