/**
 * Lets the runner load a TypeScript program (as `pulumi up` does with ts-node), by transpiling
 * `.ts` files outside node_modules with the program's own `typescript` package. No type check:
 * the project's `tsc` does that.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import type * as typescript from "typescript";

type Compile = (content: string, filename: string) => void;

/** Installs a `.ts` loader using the `typescript` resolvable from `fromDirs`. */
export function installTypeScriptHook(fromDirs: string[]): void {
    const load = createRequire(__filename);
    const ts = load(load.resolve("typescript", { paths: fromDirs })) as typeof typescript;
    const extensions = load.extensions;
    extensions[".ts"] = (module: NodeJS.Module, filename: string) => {
        const source = fs.readFileSync(filename, "utf8");
        const output = ts.transpileModule(source, {
            fileName: filename,
            compilerOptions: {
                module: ts.ModuleKind.CommonJS,
                target: ts.ScriptTarget.ES2022,
                esModuleInterop: true,
                sourceMap: false,
            },
        });
        (module as unknown as { _compile: Compile })._compile(output.outputText, filename);
    };
}
