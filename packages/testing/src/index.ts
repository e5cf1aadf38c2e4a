/**
 * Testing kit: run this package's resources the way the Pulumi engine does, without the CLI.
 *
 * - {@link captureResources}: run a Pulumi program under mocks in a child `node` process and get
 *   each resource's inputs as the SDK serialized them (`__provider` included).
 * - {@link startProviderHost}: start @pulumi/pulumi's dynamic-provider host and drive it over
 *   gRPC (Configure, Check, Diff, Create, Read, Update, Delete) like the engine.
 * - {@link runProgram}: play the engine for a whole program (`up`, `preview` with `refresh`,
 *   `expectNoChanges` and `json`, `refresh`, `destroy`), with the resource options `protect`,
 *   `retainOnDelete`, `aliases`, `ignoreChanges`, `deleteBeforeReplace`, `dependsOn`/`parent` and
 *   `replaceOnChanges`, keeping the stack's state in the format of `pulumi stack export`; the
 *   `pim-alerts-run` command does the same from a shell.
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
export { RUN_COMMANDS, type RunCommand, type RunResult } from "./runner/runRequest";
export type { RefreshResult, Step, StepOperation, StepSummary } from "./runner/steps";
export type { PropertyDiff } from "./runner/propertyDiff";
export type { Diagnostic } from "./runner/stepContext";
export type { PreviewDiagnostic, PreviewDocument, PreviewStep } from "./runner/previewJson";
export { PROVIDER_REQUESTS_PER_CALL, PROVIDER_RETRY_WINDOW_MS, providerCallDeadlineMs } from "./runner/callDeadline";
export { installTypeScriptHook } from "./runner/typescriptHook";
export { printable } from "./runner/terminalText";
export {
    installPackedPackage,
    packContentHash,
    writeProgramFiles,
    type InstallOptions,
    type InstalledPackage,
    type ProgramFilesOptions,
} from "./packedInstall";
export { DEFAULT_SUBSCRIPTION_ID } from "./runner/foreignResources";
export {
    loadStackState,
    stackOutputs,
    ROOT_STACK_TYPE,
    type PendingOperation,
    type ResourceState,
    type StackState,
} from "./runner/checkpoint";
