/**
 * Writes the TypeScript of an exported policy: one resource per configuration, every current value
 * declared (in the catalog's order, so the text is stable), grouped by scope.
 */
import { ARM_ALERTS, isArmAlertId } from "../arm/catalog";
import type { AlertConfigurationInfo } from "../functions/results";
import { shortDirectoryAlertId } from "../functions/shapes";
import type { AlertTarget } from "../functions/target";
import { DIRECTORY_ALERTS, isDirectoryAlertId } from "../graph/catalog";
import { resourceName } from "./resourceNames";

/** The configurations read from one scope. */
export interface ScopeConfigurations {
    readonly target: AlertTarget;
    readonly configurations: readonly AlertConfigurationInfo[];
}

/** How to write: for a new file (header and import) or to append to one. */
export interface RenderOptions {
    /** Names the program already declares: those configurations are skipped. */
    readonly takenNames: ReadonlySet<string>;
    readonly withHeader: boolean;
    readonly withImport: boolean;
}

/** The text to write and what it declares. */
export interface RenderedProgram {
    readonly text: string;
    readonly declared: string[];
    /** Names skipped because the program already declares them. */
    readonly skipped: string[];
}

/** The import every exported program uses. */
export const PIM_IMPORT = 'import * as pim from "pulumi-pim-alerts";';

const HEADER = [
    "// PIM alert policy adopted from the live configurations by `pim-alerts export`.",
    "// Every resource declares every current value, so the first `pulumi up` adopts the configurations",
    "// without changing anything in Azure. Edit a value to change the policy.",
];

/** Renders the program text. */
export function renderProgram(scopes: readonly ScopeConfigurations[], options: RenderOptions): RenderedProgram {
    const lines: string[] = [...(options.withHeader ? HEADER : []), ...(options.withImport ? [PIM_IMPORT] : [])];
    const taken = new Set(options.takenNames);
    const declared: string[] = [];
    const skipped: string[] = [];
    for (const { target, configurations } of scopes) {
        const blocks: string[] = [];
        for (const configuration of [...configurations].sort((a, b) => a.alertId.localeCompare(b.alertId))) {
            const base = resourceName(target, configuration.alertId);
            if (options.takenNames.has(base)) {
                skipped.push(base);
                continue;
            }
            const name = uniqueName(base, taken);
            taken.add(name);
            declared.push(name);
            blocks.push(renderResource(target, name, configuration));
        }
        if (blocks.length > 0) lines.push("", sectionComment(target, configurations), blocks.join("\n\n"));
    }
    return { text: `${lines.join("\n").replace(/^\n+/, "")}\n`, declared, skipped };
}

function uniqueName(base: string, taken: ReadonlySet<string>): string {
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    return name;
}

function sectionComment(target: AlertTarget, configurations: readonly AlertConfigurationInfo[]): string {
    if (target.kind === "arm") return `// ${target.scope}`;
    const tenant = /^DirectoryRole_([^_]+)_/.exec(configurations[0]?.id ?? "")?.[1];
    return `// Entra directory roles (Microsoft Graph)${tenant ? ` of tenant ${tenant}` : ""}`;
}

function renderResource(target: AlertTarget, name: string, c: AlertConfigurationInfo): string {
    const fields: Array<[string, string | number | boolean]> = [];
    if (target.kind === "arm") fields.push(["scope", target.scope]);
    const alertId = target.kind === "arm" ? c.alertId : shortDirectoryAlertId(c.alertId);
    fields.push(["alertId", alertId], ["isEnabled", c.isEnabled]);
    for (const setting of settingOrder(target, alertId)) {
        const value = c.settings[setting];
        if (value !== undefined) fields.push([setting, value]);
    }
    const className = target.kind === "arm" ? "AlertConfiguration" : "DirectoryAlertConfiguration";
    const body = fields.map(([key, value]) => `    ${key}: ${JSON.stringify(value)},`);
    return [`new pim.${className}(${JSON.stringify(name)}, {`, ...body, "});"].join("\n");
}

/** The settings of an alert in the catalog's order (the typed Args accept exactly these). */
function settingOrder(target: AlertTarget, alertId: string): string[] {
    if (target.kind === "arm") return isArmAlertId(alertId) ? Object.keys(ARM_ALERTS[alertId].thresholds) : [];
    return isDirectoryAlertId(alertId) ? Object.keys(DIRECTORY_ALERTS[alertId].settings) : [];
}
