/**
 * A review of a `pulumi preview --json` document: which changes (and which drift) concern PIM alerts,
 * and their effect on the alert policy. Pure: text in, findings out; no Azure, no network.
 */
import { summarize, type Finding, type ReviewSummary } from "./findings";
import { judgeStep } from "./judgeStep";
import { classifyPimSteps } from "./pimSteps";
import { readPreviewDocument } from "./previewDocument";

/** What a review found. */
export interface Review {
    readonly findings: readonly Finding[];
    readonly summary: ReviewSummary;
    /** Steps in the preview, of any resource. */
    readonly steps: number;
    /** Steps of this package's resources, `same` steps included (an unchanged resource has no finding). */
    readonly pimSteps: number;
}

/**
 * Reviews the text of a preview document.
 * @param text - The document, as `pulumi preview --json` prints it (see {@link readPreviewDocument} for the contract).
 * @param label - How messages name the input, e.g. `preview.json`.
 * @throws PreviewInputError when the text is not a readable preview.
 */
export function reviewPreview(text: string, label: string): Review {
    const document = readPreviewDocument(text, label);
    const pimSteps = classifyPimSteps(document);
    const findings = pimSteps.judged.flatMap(judgeStep);
    return { findings, summary: summarize(findings), steps: document.steps.length, pimSteps: pimSteps.seen };
}
