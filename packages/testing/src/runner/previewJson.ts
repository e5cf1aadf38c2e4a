/**
 * The document `pulumi preview --json` prints (`display.PreviewDigest`, built by
 * `ShowPreviewDigest` in pkg/backend/display/json.go): the steps of the preview with their old and
 * new states as `apitype.ResourceV3`, the diagnostics, the duration in nanoseconds and the change
 * summary; fields omitted when empty, as Go's `omitempty` does. The same filter applies: `same`
 * steps only for the root stack (or a change of `protect`), refresh steps included, one logical
 * step per replacement, no step of the default provider; a refresh step's `newState` is its `oldState`
 * (the engine shows it before the read). `detailedDiff` is `null`: the Node
 * dynamic provider gives no detailed diff. Secrets read `"[secret]"` (the runner's state holds none).
 *
 * @packageDocumentation
 */
import { redactSecrets, ROOT_STACK_TYPE, toResourceV3 } from "./checkpoint";
import type { Diagnostic } from "./stepContext";
import { summarize, type Step } from "./steps";
import { urnQualifiedType } from "./urns";

/** A step of the document (`display.PreviewStep`). */
export interface PreviewStep {
    readonly op: string;
    readonly urn: string;
    readonly provider?: string;
    readonly oldState?: Record<string, unknown>;
    readonly newState?: Record<string, unknown>;
    readonly diffReasons?: readonly string[];
    readonly replaceReasons?: readonly string[];
    readonly detailedDiff: null;
}

/** A diagnostic of the document (`display.PreviewDiagnostic`). */
export interface PreviewDiagnostic {
    readonly urn?: string;
    readonly message: string;
    readonly severity: Diagnostic["severity"];
}

/** The document (`display.PreviewDigest`). */
export interface PreviewDocument {
    readonly config?: Readonly<Record<string, string>>;
    readonly steps?: readonly PreviewStep[];
    readonly diagnostics?: readonly PreviewDiagnostic[];
    /** Nanoseconds. */
    readonly duration?: number;
    readonly changeSummary?: Readonly<Record<string, number>>;
}

/** What the document is made of. */
export interface PreviewDocumentInput {
    readonly steps: readonly Step[];
    readonly diagnostics: readonly Diagnostic[];
    /** Stack config; the values of `secretKeys` are shown as `"[secret]"`. */
    readonly config: Readonly<Record<string, string>>;
    readonly secretKeys: readonly string[];
    readonly durationMs: number;
}

/** Builds the document of a preview. */
export function previewDocument(input: PreviewDocumentInput): PreviewDocument {
    const config = Object.fromEntries(
        Object.entries(input.config).map(([k, v]) => [k, input.secretKeys.includes(k) ? "[secret]" : v]),
    );
    const steps = input.steps.filter(shown).map(previewStep);
    const diagnostics = input.diagnostics.map((d) => ({
        ...(d.urn !== undefined ? { urn: d.urn } : {}),
        message: `${d.severity === "info" ? "" : `${d.severity}: `}${d.message}\n`,
        severity: d.severity,
    }));
    const changeSummary = Object.fromEntries(Object.entries(summarize(input.steps)).filter(([, count]) => count > 0));
    const duration = Math.round(input.durationMs * 1e6);
    return {
        ...(Object.keys(config).length > 0 ? { config } : {}),
        ...(steps.length > 0 ? { steps } : {}),
        ...(diagnostics.length > 0 ? { diagnostics } : {}),
        ...(duration > 0 ? { duration } : {}),
        ...(Object.keys(changeSummary).length > 0 ? { changeSummary } : {}),
    };
}

/** `shouldShow || isRootStack`, for a preview without --show-sames; failed steps never reached the display. */
function shown(step: Step): boolean {
    if (step.error !== undefined) return false;
    if (urnQualifiedType(step.urn) === ROOT_STACK_TYPE) return true;
    if (step.op === "same") return step.old?.protect !== step.new?.protect;
    return true;
}

function previewStep(step: Step): PreviewStep {
    const provider = step.new?.provider ?? step.old?.provider ?? "";
    // A refresh step shows as its ResourcePreEvent, sent before the read: `NewRefreshStep` sets its new
    // state to the old one (pkg/resource/deploy/step.go) and `ShowPreviewDigest` rewrites it only for
    // `pulumi refresh`, so its newState is the state before the refresh (what was read shows as the
    // oldState of the resource's next step) and it has no diffReasons yet.
    const after = step.op === "refresh" ? step.old : step.new;
    return {
        op: step.op,
        urn: step.urn,
        ...(provider !== "" ? { provider } : {}),
        ...(step.old ? { oldState: redactSecrets(toResourceV3(step.old)) as Record<string, unknown> } : {}),
        ...(after ? { newState: redactSecrets(toResourceV3(after)) as Record<string, unknown> } : {}),
        ...(step.diffReasons.length > 0 ? { diffReasons: step.diffReasons } : {}),
        ...(step.replaceReasons.length > 0 ? { replaceReasons: step.replaceReasons } : {}),
        detailedDiff: null,
    };
}
