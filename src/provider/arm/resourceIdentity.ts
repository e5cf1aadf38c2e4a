/**
 * What identifies an ARM alert resource (configuration or dismissal): its `scope` and `alertId`. The
 * two rules both resources share: how `check` validates the scope and keeps the stored spelling, and
 * which changes replace the resource.
 */
import { parseScope, sameScope } from "../../arm/scope";
import { isUnknown, show, type CheckFailure } from "../common/checkFailures";

/**
 * Checks `news.scope` and writes the normalised scope into `inputs`. When only the case differs from
 * the stored scope, the stored spelling is kept, so state does not churn. Unknown (preview) values pass.
 */
export function checkScope(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
    inputs: Record<string, unknown>,
): CheckFailure | undefined {
    const scope = news["scope"];
    if (isUnknown(scope)) return undefined;
    if (typeof scope !== "string")
        return { property: "scope", reason: `scope must be an ARM scope string; got ${show(scope)}` };
    const parsed = parseScope(scope);
    if (!parsed.ok) return { property: "scope", reason: `scope ${show(scope)} is not valid: ${parsed.problem}` };
    inputs["scope"] =
        typeof olds["scope"] === "string" && sameScope(olds["scope"], parsed.value.id)
            ? olds["scope"]
            : parsed.value.id;
    return undefined;
}

/** The properties whose change replaces the resource: another scope (by meaning) or another alert. */
export function identityReplaces(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
): string[] {
    const replaces: string[] = [];
    if (
        typeof olds["scope"] !== "string" ||
        typeof news["scope"] !== "string" ||
        !sameScope(olds["scope"], news["scope"])
    )
        replaces.push("scope");
    if (olds["alertId"] !== news["alertId"]) replaces.push("alertId");
    return replaces;
}
