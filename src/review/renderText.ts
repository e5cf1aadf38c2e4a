/**
 * The review for a terminal or a log: the headline, then per section and scope each resource and
 * its judged settings. Every value from the document is stripped of control characters, so a
 * hostile name or value cannot move the cursor, recolour the log or hide text.
 */
import type { Paint, Style } from "../cli/style";
import type { Effect, Finding } from "./findings";
import { alertName, beforeAfter, headline, sections } from "./presentation";
import type { Review } from "./review";
import { plainText } from "./safeText";

const EFFECT_STYLE: Readonly<Record<Effect, Style>> = {
    weakens: "red",
    strengthens: "green",
    neutral: "dim",
    unknown: "yellow",
};
const EFFECT_WIDTH = Math.max(..."weakens strengthens neutral unknown".split(" ").map((e) => e.length)) + 2;
const REASON_LENGTH = 300;

/** Renders the review as text; `paint` colours (or not, when colour is off). */
export function renderText(review: Review, paint: Paint): string {
    const lines = [paint("bold", headline(review))];
    for (const section of sections(review.findings)) {
        lines.push("", paint("bold", section.title));
        for (const { scope, findings } of section.scopes) {
            lines.push(`  ${plainText(scope, 200)}`);
            let resource = "";
            for (const finding of findings) {
                // One heading per resource; its findings follow it.
                if (finding.urn !== resource)
                    lines.push(`    ${plainText(finding.name)} (${plainText(alertName(finding))})`);
                resource = finding.urn;
                lines.push(...findingLines(finding, paint));
            }
        }
    }
    return `${lines.join("\n")}\n`;
}

function findingLines(finding: Finding, paint: Paint): string[] {
    const effect = paint(EFFECT_STYLE[finding.effect], finding.effect.padEnd(EFFECT_WIDTH));
    const label = finding.effect === "weakens" ? paint("bold", effect) : effect;
    return [
        `      ${label}${plainText(finding.property)}: ${plainText(beforeAfter(finding))}`,
        `      ${" ".repeat(EFFECT_WIDTH)}${paint("dim", plainText(finding.reason, REASON_LENGTH))}`,
    ];
}
