/**
 * URNs as the engine builds them (`deploy.generateURN`), and the URNs a resource's aliases stand
 * for (`stepGenerator.collapseAliasToUrn`, `inheritedChildAlias`, `generateAliases` in
 * pkg/resource/deploy/step_generator.go).
 *
 * @packageDocumentation
 */

/** An alias as the SDK sends it: a whole URN, or a spec whose empty fields mean "as the resource". */
export type AliasSpec =
    | { readonly urn: string }
    | {
          readonly name: string;
          readonly type: string;
          readonly stack: string;
          readonly project: string;
          /** The parent the resource had; `""` with `noParent` false means "the resource's parent". */
          readonly parentUrn: string;
          readonly noParent: boolean;
      };

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. */
export function createUrn(stack: string, project: string, qualifiedType: string, name: string): string {
    return `urn:pulumi:${stack}::${project}::${qualifiedType}::${name}`;
}

/** The qualified type of a URN: the parents' types and its own, joined by `$`. */
export function urnQualifiedType(urn: string): string {
    return urn.split("::")[2] ?? "";
}

/** The resource's own type: the last `$` segment of the qualified type. */
export function urnType(urn: string): string {
    return urnQualifiedType(urn).split("$").pop() ?? "";
}

/** The resource's name: everything after the third `::`. */
export function urnName(urn: string): string {
    return urn.split("::").slice(3).join("::");
}

/**
 * The URN of a resource of `type` named `name` under `parent` ("" for none). A parent that is the
 * root stack does not qualify the type.
 */
export function generateUrn(stack: string, project: string, parent: string, type: string, name: string): string {
    const parentType = parent !== "" && urnQualifiedType(parent) !== ROOT_STACK_TYPE ? urnQualifiedType(parent) : "";
    return createUrn(stack, project, parentType === "" ? type : `${parentType}$${type}`, name);
}

/** What {@link aliasUrns} needs to know about the deployment. */
export interface AliasContext {
    readonly stack: string;
    readonly project: string;
    /** The old URN an already registered resource was found under, by its new URN. */
    readonly aliasOf: (urn: string) => string | undefined;
}

/**
 * Every URN a resource may have had: its aliases, and the aliases its parent's alias implies
 * (a child named `<parent name>-x` follows a renamed parent, as the engine assumes).
 */
export function aliasUrns(
    context: AliasContext,
    name: string,
    type: string,
    parent: string,
    aliases: readonly AliasSpec[],
): string[] {
    const result = new Set<string>();
    for (const alias of aliases) result.add(collapseAlias(context, name, type, parent, alias));
    const parentAlias = parent === "" ? undefined : context.aliasOf(parent);
    if (parentAlias !== undefined) {
        result.add(inheritedChildAlias(context, type, name, urnName(parent), parentAlias));
        for (const alias of aliases) {
            const childAlias = collapseAlias(context, name, type, parent, alias);
            result.add(
                inheritedChildAlias(context, urnType(childAlias), urnName(childAlias), urnName(parent), parentAlias),
            );
        }
    }
    return [...result];
}

function collapseAlias(
    context: AliasContext,
    name: string,
    type: string,
    resourceParent: string,
    alias: AliasSpec,
): string {
    if ("urn" in alias) return alias.urn;
    let parent = alias.parentUrn === "" ? resourceParent : (context.aliasOf(alias.parentUrn) ?? alias.parentUrn);
    if (alias.noParent || (parent !== "" && urnQualifiedType(parent) === ROOT_STACK_TYPE)) parent = "";
    return generateUrn(
        alias.stack || context.stack,
        alias.project || context.project,
        parent,
        alias.type || type,
        alias.name || name,
    );
}

function inheritedChildAlias(
    context: AliasContext,
    childType: string,
    childName: string,
    parentName: string,
    parentAlias: string,
): string {
    const aliasName = childName.startsWith(parentName)
        ? urnName(parentAlias) + childName.slice(parentName.length)
        : childName;
    const parentType = urnQualifiedType(parentAlias);
    return createUrn(
        context.stack,
        context.project,
        parentType === "" ? childType : `${parentType}$${childType}`,
        aliasName,
    );
}
