/**
 * The review as a pull-request comment (GitHub or Azure DevOps Markdown): a marker a pipeline finds
 * to update its comment in place, the headline, then per section and scope one table of resource,
 * alert, setting, before → after, effect and reason. Every cell is escaped (see safeText.ts), so a
 * hostile value can neither break the table nor inject links, mentions or HTML into the comment.
 */
import type { Effect, Finding } from "./findings";
import { alertName, beforeAfter, headline, sections } from "./presentation";
import type { Review } from "./review";
import { markdownText } from "./safeText";

/** The first line of every comment: a pipeline looks for it to update its comment instead of adding one. */
export const MARKDOWN_MARKER = "<!-- pim-alerts-review -->";

const EFFECT_CELL: Readonly<Record<Effect, string>> = {
    weakens: "⚠️ **weakens**",
    strengthens: "✅ strengthens",
    neutral: "neutral",
    unknown: "❔ unknown",
};

const HEADER = ["Resource", "Alert", "Setting", "Before → after", "Effect", "Reason"];

/** Renders the review as Markdown. */
export function renderMarkdown(review: Review): string {
    const title = headline(review);
    if (review.findings.length === 0)
        return `${MARKDOWN_MARKER}\n**PIM alert policy review:** ${markdownText(title, 300)}\n`;
    const lines = [MARKDOWN_MARKER, "### PIM alert policy review", "", `**${markdownText(title, 300)}**`];
    for (const section of sections(review.findings)) {
        lines.push("", `#### ${section.title}`);
        for (const { scope, findings } of section.scopes) {
            lines.push(
                "",
                `Scope: **${markdownText(scope, 200)}**`,
                "",
                row(HEADER),
                row(HEADER.map(() => "---")),
                ...findings.map((f) => row(cells(f))),
            );
        }
    }
    lines.push(
        "",
        `<sub>${review.steps} steps in the preview, ${review.pimSteps} of PIM alert resources. Effects follow Microsoft's description of each setting.</sub>`,
    );
    return `${lines.join("\n")}\n`;
}

function cells(finding: Finding): string[] {
    return [
        markdownText(finding.name),
        markdownText(alertName(finding)),
        markdownText(finding.property),
        markdownText(beforeAfter(finding)),
        EFFECT_CELL[finding.effect],
        markdownText(finding.reason, 300),
    ];
}

function row(cells: readonly string[]): string {
    return `| ${cells.join(" | ")} |`;
}
