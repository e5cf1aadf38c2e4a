/**
 * `pim-alerts review`: reads a `pulumi preview --json` document and says which changes (and which
 * drift) weaken the PIM alert policy. Needs no Azure settings and makes no request.
 */
import type { ReviewSummary } from "../review/findings";
import { renderJson } from "../review/renderJson";
import { renderMarkdown } from "../review/renderMarkdown";
import { renderText } from "../review/renderText";
import { reviewPreview, type Review } from "../review/review";
import { headline } from "../review/presentation";
import { EXIT_CHANGED, EXIT_DRIFT, EXIT_OK, EXIT_WEAKENED } from "./exitCodes";
import { colorEnabled, type CliIo } from "./io";
import type { ReviewOptions } from "./options";
import { readCommandInput } from "./readInput";
import { painter } from "./style";

/** Runs the command; returns the exit code. */
export async function runReview(options: ReviewOptions, io: CliIo): Promise<number> {
    const { text, label } = await readCommandInput(options.input, io, "review");
    const review = reviewPreview(text, label);
    io.stdout.write(render(review, options.format, io));
    const code = exitCodeFor(review.summary, options.failOn);
    // The document may go to a file or a comment: say in the log why the step fails.
    if (code !== EXIT_OK) io.stderr.write(`pim-alerts review: --fail-on ${options.failOn}: ${headline(review)}\n`);
    return code;
}

function render(review: Review, format: ReviewOptions["format"], io: CliIo): string {
    if (format === "json") return renderJson(review);
    if (format === "markdown") return renderMarkdown(review);
    return renderText(review, painter(colorEnabled(io)));
}

/**
 * The exit code for `--fail-on`: a change that weakens the policy, or whose effect cannot be judged
 * (a secret or unknown value, a setting this version does not know), counts as weakening: a blind
 * spot in a security review should cost an approval, not pass silently.
 */
export function exitCodeFor(summary: ReviewSummary, failOn: ReviewOptions["failOn"]): number {
    const weakening = summary.weakens + summary.unknown > 0;
    const drift = summary.drift > 0;
    const changed = summary.strengthens + summary.neutral > 0;
    if ((failOn === "weakening" || failOn === "any") && weakening) return EXIT_WEAKENED;
    if ((failOn === "drift" || failOn === "any") && drift) return EXIT_DRIFT;
    if (failOn === "any" && changed) return EXIT_CHANGED;
    return EXIT_OK;
}
