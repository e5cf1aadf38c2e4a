/**
 * The published tarball of the product holds the product only: the emulator, the testing kit, the
 * demo and the benchmarks are workspace packages or repository scripts (users add the first two as
 * dev dependencies). Read from `npm pack --dry-run --json`, which lists what `npm publish` would ship.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

interface PackListing {
    readonly files: readonly { readonly path: string }[];
}

function packedFiles(dir: string): string[] {
    const stdout = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", "--workspaces=false"], {
        cwd: dir,
        encoding: "utf8",
        timeout: 60_000,
    });
    const [listing] = JSON.parse(stdout) as PackListing[];
    return (listing?.files ?? []).map((f) => f.path);
}

describe("the product's tarball", () => {
    const files = packedFiles(REPO_ROOT);

    test("ships the resources, providers, functions and CLI", () => {
        for (const required of ["dist/index.js", "dist/index.d.ts", "dist/cli/main.js", "package.json", "README.md"]) {
            expect(files).toContain(required);
        }
        expect(files.some((f) => f.startsWith("dist/provider/"))).toBe(true);
        expect(files.some((f) => f.startsWith("dist/resources/"))).toBe(true);
    });

    test("holds no emulator, testing kit, runner, demo or benchmark code", () => {
        const testBench = files.filter((f) => /(^|\/)(emulator|testing|runner|demo|bench|packages|test)\//.test(f));
        expect(testBench).toEqual([]);
    });

    test.each([
        ["packages/emulator", "dist/index.js"],
        ["packages/testing", "dist/index.js"],
    ])("the workspace package %s packs its own dist", (dir, entry) => {
        expect(packedFiles(path.join(REPO_ROOT, dir))).toContain(entry);
    });
});
