/**
 * URNs and type tokens as the engine builds them.
 *
 * @packageDocumentation
 */
import * as fs from "fs";
import * as path from "path";

/** Project name used when a program directory has no readable Pulumi.yaml. */
export const DEFAULT_PROJECT = "project";

/** Stack name used when none is given. */
export const DEFAULT_STACK = "dev";

/**
 * The type token of `new pulumi.dynamic.Resource(provider, name, props, opts, module, type)`:
 * `pulumi-nodejs:dynamic/<module>:<type>`, or `pulumi-nodejs:dynamic:Resource` without them.
 *
 * @param module - the `module` argument (e.g. `"pim"`)
 * @param type - the `type` argument (e.g. `"AlertConfiguration"`)
 */
export function dynamicResourceType(module?: string, type?: string): string {
    if (module === undefined || type === undefined) {
        return "pulumi-nodejs:dynamic:Resource";
    }
    return `pulumi-nodejs:dynamic/${module}:${type}`;
}

/**
 * The URN of a top-level resource: `urn:pulumi:<stack>::<project>::<type>::<name>`.
 *
 * @param stack - stack name
 * @param project - project name
 * @param type - type token
 * @param name - resource name
 */
export function makeUrn(stack: string, project: string, type: string, name: string): string {
    return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

/**
 * Reads the project name (`name:`) from `<dir>/Pulumi.yaml`, or returns `undefined` when the
 * file is missing or has no top-level `name`.
 *
 * @param dir - a Pulumi program directory
 */
export function readProjectName(dir: string): string | undefined {
    let text: string;
    try {
        text = fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8");
    } catch {
        return undefined;
    }
    const match = /^name:[ \t]*["']?([^"'\s#]+)["']?[ \t]*(?:#.*)?$/m.exec(text);
    return match?.[1];
}
