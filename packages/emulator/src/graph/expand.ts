/** Navigation properties that `$expand` may name, per entity. */
export const EXPANDABLE = {
    alert: { typeName: "unifiedRoleManagementAlert", names: ["alertConfiguration", "alertDefinition", "alertIncidents"] },
    configuration: { typeName: "unifiedRoleManagementAlertConfiguration", names: ["alertDefinition"] },
} as const;

/**
 * The navigation properties `$expand` asks for (`*` means all), or the message of the 400 Graph
 * sends for a name the entity does not have.
 * @param query - The request query.
 * @param entity - Which entity is expanded.
 */
export function parseExpand(query: URLSearchParams, entity: keyof typeof EXPANDABLE): ReadonlySet<string> | string {
    const { typeName, names } = EXPANDABLE[entity];
    const requested = (query.get("$expand") ?? "")
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== "");
    const result = new Set<string>();
    for (const name of requested) {
        if (name === "*") return new Set(names);
        const known = names.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
        if (known === undefined) return `Could not find a property named '${name}' on type 'microsoft.graph.${typeName}'.`;
        result.add(known);
    }
    return result;
}
