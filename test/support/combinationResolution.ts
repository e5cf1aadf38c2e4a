/**
 * Under a runtime combination (`PIM_E2E_ROOT`, see .ci/runtimes.js) the e2e programs must load the
 * combination's @pulumi/pulumi, its typescript (the SDK's closure serializer parses functions with
 * it) and the package's dependencies. Node would find a package missing from the combination's
 * install one level further up, in the repository's node_modules: the run would then silently test
 * the repository's versions. This check refuses that before any test runs.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The `node_modules/<name>` directory `require(request)` loads from (resolving the entry point: not every package exports its package.json). */
function resolvedPackageDir(request: string, from: string): string {
    let entry: string;
    try {
        entry = require.resolve(request, { paths: [from] });
    } catch (cause) {
        throw new Error(`${request} cannot be resolved from ${from}`, { cause });
    }
    const marker = path.join(path.sep, "node_modules", request, path.sep);
    const at = entry.lastIndexOf(marker);
    if (at < 0) throw new Error(`${request} resolved to ${entry}, which is not in a node_modules folder`);
    return entry.slice(0, at + marker.length - 1);
}

/**
 * Throws unless @pulumi/pulumi (from the program), typescript (from that SDK) and every dependency of
 * the installed package (from the package) resolve inside `<root>/node_modules`.
 *
 * @param root - the combination's install (`PIM_E2E_ROOT`)
 * @param programDir - a program directory under `root`
 * @param packageDir - the packed package installed in that program
 */
export function assertCombinationResolution(root: string, programDir: string, packageDir: string): void {
    const inside = path.join(path.resolve(root), "node_modules") + path.sep;
    const pulumiDir = resolvedPackageDir("@pulumi/pulumi", programDir);
    const resolved: [string, string][] = [
        ["@pulumi/pulumi", pulumiDir],
        ["typescript", resolvedPackageDir("typescript", pulumiDir)],
    ];
    const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
        dependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        resolved.push([dependency, resolvedPackageDir(dependency, packageDir)]);
    }
    const outside = resolved.filter(([, dir]) => !(dir + path.sep).startsWith(inside));
    if (outside.length > 0) {
        throw new Error(
            `the e2e programs under ${root} would load packages from outside its node_modules:\n` +
                outside.map(([name, dir]) => `  ${name}: ${dir}`).join("\n") +
                "\nadd them to the combination's .ci/runtimes/<name>/package.json and lock it (`node .ci/runtimes.js lock <name>`)",
        );
    }
}
