/**
 * The runner's child process: plays the Pulumi engine for one command. It receives its request over
 * the IPC channel (secrets included: nothing is written to disk), starts @pulumi/pulumi's
 * dynamic-provider host, refreshes if asked, runs the program inside a root stack resource with the
 * runner's resource monitor, deletes what the program no longer declares, prints a Pulumi-style
 * display and sends the result back over IPC. It runs with the program directory as working
 * directory, so the closure serializer sees the package under node_modules exactly as in a user's
 * `pulumi up`. It exits when its parent goes away.
 */
import * as path from "node:path";
import { startProviderHost, type ProviderHost } from "../host/providerHost";
import { secret } from "../host/secrets";
import { EMPTY_STACK, loadStackState, saveStackState, stackOutputs, type StackState } from "./checkpoint";
import { providerCallDeadlineMs } from "./callDeadline";
import {
    painter,
    renderDiagnostics,
    renderDuration,
    renderHeader,
    renderOutputs,
    renderStep,
    renderSummary,
    type RunKind,
} from "./display";
import { Engine } from "./engine";
import { DEFAULT_SUBSCRIPTION_ID } from "./foreignResources";
import { previewDocument } from "./previewJson";
import { loadProgramSdk, runProgramInStack } from "./programRun";
import { isConnectionLoss, providerFailureMessage } from "./providerFailures";
import { EXIT_CODES, noChangesExpectedMessage, type RunRequest, type RunResult } from "./runRequest";
import type { Diagnostic } from "./stepContext";
import { hasChanges, summarize, type Step } from "./steps";
import { createUrn } from "./urns";

/** The result the child sends back (the parent adds the output it captured). */
export type ChildResult = Omit<RunResult, "output">;

async function run(request: RunRequest): Promise<ChildResult> {
    const started = Date.now();
    const paint = painter(request.color);
    const kind: RunKind = request.command;
    const preview = request.command === "preview";
    const print = (line: string): void => {
        if (!request.json) process.stdout.write(`${line}\n`);
    };
    const stackUrn = createUrn(
        request.stack,
        request.project,
        "pulumi:pulumi:Stack",
        `${request.project}-${request.stack}`,
    );
    print(renderHeader(kind, request.stack, paint));
    print("");

    const errors: Diagnostic[] = [];
    let previous: StackState = EMPTY_STACK;
    let engine: Engine | undefined;
    let host: ProviderHost | undefined;
    try {
        previous = loadStackState(request.stateFile);
        const hostEnv = { ...request.hostEnv };
        const deadlineMs = request.callTimeoutMs ?? providerCallDeadlineMs();
        const wireConfig = Object.fromEntries(
            Object.entries(request.config).map(([k, v]) => [k, request.secretKeys.includes(k) ? secret(v) : v]),
        );
        const hostStarting = startProviderHost({
            cwd: request.programDir,
            env: hostEnv,
            project: request.project,
            stack: request.stack,
            config: wireConfig,
            callTimeoutMs: deadlineMs,
            // Generous: a loaded machine can take long to start a Node.js process with @pulumi/pulumi.
            startTimeoutMs: 120_000,
        });
        // While the host process loads, this one loads the program's SDK: on two cores the two overlap.
        if (request.command === "up" || preview) loadProgramSdk(request.programDir);
        host = await hostStarting;
        const started = host;
        const pulumiVersion = host.pulumiVersion;
        engine = new Engine({
            host,
            previous,
            project: request.project,
            stack: request.stack,
            preview,
            parallel: request.parallel ?? Infinity,
            ...(preview
                ? {}
                : { persist: (state: StackState) => saveStackState(request.stateFile, state, pulumiVersion) }),
            onStep: (step) => renderStep(step, paint).forEach(print),
            failureMessage: async (error, operation) => {
                // A lost connection usually means the host died: let its exit and last output arrive first.
                if (isConnectionLoss(error)) await started.waitForExit(5_000);
                return providerFailureMessage(error, operation, {
                    running: started.isRunning(),
                    stderrTail: stderrTail(started),
                    deadlineMs,
                });
            },
        });
        if (previous.pendingOperations.length > 0)
            engine.diagnose({ severity: "warning", message: pendingOperationsWarning(previous) });
        if (request.clearPendingCreates) engine.snapshot.clearPendingCreates();
        if (request.refresh || request.command === "refresh") await engine.refresh();
        if ((request.command === "up" || preview) && !engine.failed) {
            const programErrors = await runProgramInStack(request, engine, {
                subscriptionId: configured(request, "azure-native:subscriptionId") ?? DEFAULT_SUBSCRIPTION_ID,
                tenantId:
                    configured(request, "pim-alerts:tenantId") ??
                    configured(request, "azure-native:tenantId") ??
                    "00000000-0000-0000-0000-0000000000aa",
            });
            for (const message of programErrors) errors.push({ severity: "error", urn: stackUrn, message });
            if (programErrors.length > 0) engine.stop();
        }
        if (request.command !== "refresh") await engine.deleteRemaining();
        if (!preview) engine.snapshot.write();
    } catch (error) {
        errors.push({ severity: "error", message: error instanceof Error ? error.message : String(error) });
    } finally {
        await host?.stop();
    }

    const steps: readonly Step[] = engine?.steps ?? [];
    const stepErrors = steps
        .filter((s) => s.error !== undefined)
        .map((s): Diagnostic => ({ severity: "error", urn: s.urn, message: s.error ?? "" }));
    const failed = stepErrors.length + errors.length > 0;
    const diagnostics: Diagnostic[] = [...(engine?.diagnostics ?? []), ...stepErrors, ...errors];
    if (failed)
        diagnostics.push({ severity: "error", urn: stackUrn, message: `${preview ? "preview" : "update"} failed` });
    const refreshOnly = request.command === "refresh";
    const changes = hasChanges(steps, refreshOnly);
    const noChangesExpected = request.expectNoChanges && changes;
    // The CLI's --expect-no-changes error is the command's, returned after the preview
    // (NoChangesExpectedError in pkg/cmd/pulumi/operations/preview.go), not an engine event: the
    // document of `pulumi preview --json` does not hold it.
    const engineDiagnostics = [...diagnostics];
    if (noChangesExpected)
        diagnostics.push({
            severity: "error",
            urn: stackUrn,
            message: noChangesExpectedMessage(request.command),
        });
    const outputs = stackOutputs(engine?.state() ?? previous);
    renderDiagnostics(diagnostics, stackUrn, paint).forEach(print);
    renderOutputs(outputs, paint).forEach(print);
    renderSummary(kind, steps, paint).forEach(print);
    renderDuration(Date.now() - started).forEach(print);
    return {
        // A failure first, as the CLI: the engine's error ends the command before the expectation is checked.
        exitCode: failed ? EXIT_CODES.failed : noChangesExpected ? EXIT_CODES.noChangesExpected : EXIT_CODES.success,
        steps,
        summary: summarize(steps, refreshOnly),
        changes,
        errors: [...stepErrors, ...errors].map((d) => d.message),
        diagnostics: diagnostics.filter((d) => d.severity !== "error"),
        outputs,
        pendingOperations: previous.pendingOperations,
        ...(request.json
            ? {
                  previewJson: previewDocument({
                      steps,
                      diagnostics: engineDiagnostics,
                      config: request.config,
                      secretKeys: request.secretKeys,
                      durationMs: Date.now() - started,
                  }),
              }
            : {}),
    };
}

function configured(request: RunRequest, key: string): string | undefined {
    return request.secretKeys.includes(key) ? undefined : request.config[key];
}

function stderrTail(host: ProviderHost): string[] {
    return host.outputLines
        .filter((line) => line.stream === "stderr")
        .slice(-5)
        .map((line) => line.text);
}

/** The engine's warning about operations an earlier run left in flight (`printPendingOperationsWarning`). */
function pendingOperationsWarning(previous: StackState): string {
    const list = previous.pendingOperations
        .map((op) => `  * ${op.resource.urn}, interrupted while ${op.type}`)
        .join("\n");
    return (
        `Attempting to deploy or update resources with ${previous.pendingOperations.length} pending operations from previous deployment.\n${list}\n` +
        "These resources are in an unknown state because the runner was interrupted while waiting for changes to these resources " +
        "to complete. You should confirm whether or not the operations listed completed successfully by checking the state of the " +
        "cloud (here: the emulator's admin API, or Azure).\n\n" +
        "Once you have confirmed the status of the interrupted operations, you can repair your stack using `refresh`, which will " +
        "refresh the state from the provider and clear the pending operations if there are any.\n\n" +
        "Note that `refresh` keeps pending CREATE operations unless run with --clear-pending-creates (`clearPendingCreates`)."
    );
}

// Started by runProgram with an IPC channel: the request arrives as the first message.
if (typeof process.send !== "function") {
    process.stderr.write(
        `${path.basename(__filename)} is the runner's child process: start it with runProgram() or pim-alerts-run\n`,
    );
    process.exit(2);
}
process.on("disconnect", () => process.exit(254));
process.once("message", (request: RunRequest) => {
    run(request).then(
        (result) => process.send?.({ kind: "result", result }, () => process.exit(result.exitCode)),
        (error: unknown) => {
            process.stderr.write(`runner failed: ${error instanceof Error ? error.stack : String(error)}\n`);
            process.exit(254);
        },
    );
});
