/**
 * Pure state logic shared by the dismissal resources of both APIs. A dismissal is desired state:
 * the alert should be inactive. PIM (a rescan, or anyone's refresh) can make it active again; `read`
 * then reports `isActive: true`, `diff` reports a change and `update` dismisses it again.
 */

/** The diff of a dismissal, given the identity properties that changed (each forces a replacement). */
export function diffDismissal(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
    replaces: string[],
): { changes: boolean; replaces: string[]; deleteBeforeReplace: false } {
    const changes = replaces.length > 0 || isActiveAgain(olds) || olds["onDelete"] !== news["onDelete"];
    return { changes, replaces, deleteBeforeReplace: false };
}

/** True unless the stored state says the alert is dismissed (inactive). */
export function isActiveAgain(state: Readonly<Record<string, unknown>>): boolean {
    return state["isActive"] !== false;
}
