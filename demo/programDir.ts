/**
 * Lays out a Pulumi project directory for the demo: the example program, a Pulumi.yaml, and this
 * package installed under node_modules exactly as `npm install` would place its files, so that
 * Pulumi serializes the providers as `require("pulumi-pim-alerts/...")`.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Creates (or renews) the project directory and returns its path. */
export function prepareProgramDir(repoRoot: string, dir: string, exampleFile: string): string {
    fs.rmSync(dir, { recursive: true, force: true });
    const installed = path.join(dir, "node_modules", "pulumi-pim-alerts");
    fs.mkdirSync(installed, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { files?: string[] };
    for (const entry of ["package.json", ...(manifest.files ?? ["dist"])]) {
        const from = path.join(repoRoot, entry);
        if (fs.existsSync(from)) fs.cpSync(from, path.join(installed, entry), { recursive: true });
    }
    fs.copyFileSync(exampleFile, path.join(dir, "index.ts"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: pim-alert-policy\nruntime: nodejs\n");
    // The project's own package.json: without it, Node would resolve "pulumi-pim-alerts" by self-reference
    // to the repository's package instead of the copy under node_modules.
    fs.writeFileSync(
        path.join(dir, "package.json"),
        `${JSON.stringify({ name: "pim-alert-policy", private: true, main: "index.ts" }, null, 2)}\n`,
    );
    return dir;
}

/**
 * Edits the program copy in `dir` as a pull request would: `from` (which must occur exactly once)
 * becomes `to`. Returns the function that reverts the edit.
 */
export function editProgram(dir: string, from: string, to: string): () => void {
    const file = path.join(dir, "index.ts");
    const original = fs.readFileSync(file, "utf8");
    if (original.split(from).length !== 2) throw new Error(`${file} must hold ${JSON.stringify(from)} exactly once`);
    fs.writeFileSync(file, original.replace(from, to));
    return () => fs.writeFileSync(file, original);
}
