/**
 * Small helpers of the resource classes: typed Args mapped over the alert catalogs need one
 * intersection of every alert's values, and the constructors register every catalog value as an output.
 */

/** `A | B | C` => `A & B & C` (the values of every alert, for an `alertId` known only at run time). */
export type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;

/**
 * `{ name: undefined }` for each name: Pulumi registers an output for every property a resource is
 * given, so the live values the catalog names are readable on the resource even when not declared.
 */
export function outputsNamed(names: readonly string[]): Record<string, undefined> {
    return Object.fromEntries(names.map((name) => [name, undefined]));
}
