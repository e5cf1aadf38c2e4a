/**
 * Small helpers of the resource classes: typed Args mapped over the alert catalogs need one
 * intersection of every alert's values, the classes have the catalog's values as output members, and
 * the constructors register every catalog value as an output.
 */
import * as pulumi from "@pulumi/pulumi";

/** `A | B | C` => `A & B & C` (the values of every alert, for an `alertId` known only at run time). */
export type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void
    ? I
    : never;

/**
 * `{ name: undefined }` for each name: Pulumi registers an output for every property a resource is
 * given, so the live values the catalog names are readable on the resource even when not declared.
 */
export function outputsNamed(names: readonly string[]): Record<string, undefined> {
    return Object.fromEntries(names.map((name) => [name, undefined]));
}

/** The constructor of pulumi.dynamic.Resource, as {@link resourceWithOutputs} extends it. */
type DynamicResourceConstructor<O> = abstract new (
    ...args: ConstructorParameters<typeof pulumi.dynamic.Resource>
) => pulumi.dynamic.Resource & O;

/**
 * `pulumi.dynamic.Resource` itself, typed so that a class extending it has the members `O` (the live values
 * the catalog names, mapped with their TSDoc): no hand-written list of output members to keep in step.
 */
export function resourceWithOutputs<O extends object>(): DynamicResourceConstructor<O> {
    // The members exist at run time: Pulumi sets an output for each property the constructor registers.
    return pulumi.dynamic.Resource as unknown as DynamicResourceConstructor<O>;
}
