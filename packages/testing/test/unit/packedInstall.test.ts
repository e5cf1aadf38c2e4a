import { promises as fsp } from "fs";
import * as os from "os";
import * as path from "path";
import { installPackedPackage, packContentHash, writeProgramFiles } from "../../src/packedInstall";

let dir: string;
beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), "packed-"));
});
afterEach(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
});

async function write(rel: string, content: string): Promise<void> {
    await fsp.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await fsp.writeFile(path.join(dir, rel), content);
}

describe("packContentHash: changes exactly when the packed content may change", () => {
    beforeEach(async () => {
        await write("package.json", JSON.stringify({ name: "p", version: "1.0.0", files: ["dist"] }));
        await write("dist/index.js", "module.exports = 1;\n");
        await write("README.md", "# p\n");
        await write("src/index.ts", "export = 1;\n");
        await write("dist/node_modules/x/index.js", "1\n");
    });

    test.each<[string, string, boolean]>([
        ["a file in a `files` entry", "dist/index.js", true],
        ["a new file in a `files` entry", "dist/extra.js", true],
        ["the README npm always packs", "README.md", true],
        ["package.json", "package.json", true],
        ["a source file outside `files`", "src/index.ts", false],
        ["a file under node_modules", "dist/node_modules/x/index.js", false],
    ])("editing %s: changed=%s", async (_what, rel, changes) => {
        const before = await packContentHash(dir);
        if (rel === "package.json") {
            await write(rel, JSON.stringify({ name: "p", version: "1.0.1", files: ["dist"] }));
        } else {
            await write(rel, "changed\n");
        }
        expect((await packContentHash(dir)) !== before).toBe(changes);
    });
});

test("a missing required path fails with the hint before anything is packed", async () => {
    await write("package.json", JSON.stringify({ name: "p", version: "1.0.0", files: ["dist"] }));
    await expect(
        installPackedPackage({
            packageDir: dir,
            programDir: path.join(dir, "program"),
            requiredPaths: { dist: "run `npm run build` first" },
        }),
    ).rejects.toThrow(`${path.join(dir, "dist")} is missing: run \`npm run build\` first`);
});

test("writeProgramFiles writes a Pulumi.yaml and package.json naming the project and its dependencies", async () => {
    await writeProgramFiles(path.join(dir, "prog"), {
        name: "demo",
        description: "a demo",
        dependencies: { "pulumi-pim-alerts": "0.1.0" },
    });
    expect(await fsp.readFile(path.join(dir, "prog", "Pulumi.yaml"), "utf8")).toBe(
        'name: demo\nruntime: nodejs\ndescription: "a demo"\n',
    );
    expect(JSON.parse(await fsp.readFile(path.join(dir, "prog", "package.json"), "utf8"))).toMatchObject({
        name: "demo",
        private: true,
        dependencies: { "pulumi-pim-alerts": "0.1.0" },
    });
});
