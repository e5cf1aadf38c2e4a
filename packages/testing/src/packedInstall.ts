/**
 * Installs a package into a Pulumi program directory the way a user gets it: `npm pack` of the
 * package, tarball extracted (system `tar`) into `<program>/node_modules/<name>`. Nothing else is
 * installed there: @pulumi/pulumi and the package's dependencies resolve by walking up from the
 * program directory, so program, package and provider host share ONE @pulumi/pulumi.
 *
 * Idempotent and fast: a hash of the files `npm pack` would read is stored next to the install;
 * when it matches, nothing is packed or extracted. Concurrent callers (jest workers) serialize on
 * a lock directory.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import { promises as fsp, existsSync, readFileSync } from "fs";
import * as path from "path";
import { promisify } from "util";

const execFileAsync = promisify(execFile);

const NPM_TIMEOUT_MS = 120_000;
const TAR_TIMEOUT_MS = 60_000;
const LOCK_WAIT_MS = 180_000;
const LOCK_STALE_MS = 300_000;

/** What {@link installPackedPackage} did. */
export interface InstalledPackage {
    /** Package name from its package.json. */
    readonly name: string;
    /** Package version from its package.json. */
    readonly version: string;
    /** `<programDir>/node_modules/<name>`. */
    readonly installDir: string;
    /** The program directory. */
    readonly programDir: string;
    /** Hash of the files npm pack reads (see {@link packContentHash}). */
    readonly contentHash: string;
    /** False when this call packed and extracted; true when the existing install was current. */
    readonly reused: boolean;
}

/** Options of {@link installPackedPackage}. */
export interface InstallOptions {
    /** Directory holding the package.json of the package to pack. */
    readonly packageDir: string;
    /** The Pulumi program directory to install into. */
    readonly programDir: string;
    /**
     * Paths (relative to `packageDir`) that must exist before packing, with the hint shown when
     * one is missing. Default: none.
     */
    readonly requiredPaths?: Readonly<Record<string, string>>;
}

interface PackageJson {
    readonly name: string;
    readonly version: string;
    readonly files?: readonly string[];
}

function readPackageJson(packageDir: string): PackageJson {
    const parsed: unknown = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8"));
    if (typeof parsed !== "object" || parsed === null) {
        throw new Error(`${packageDir}/package.json is not an object`);
    }
    const { name, version, files } = parsed as Record<string, unknown>;
    if (typeof name !== "string" || typeof version !== "string") {
        throw new Error(`${packageDir}/package.json needs a name and a version`);
    }
    if (files === undefined) {
        return { name, version };
    }
    if (!Array.isArray(files) || !files.every((f): f is string => typeof f === "string")) {
        throw new Error(`${packageDir}/package.json "files" must be a list of strings`);
    }
    const list: readonly string[] = files;
    return { name, version, files: list };
}

async function listFiles(root: string, rel: string, into: string[]): Promise<void> {
    const full = path.join(root, rel);
    let stat;
    try {
        stat = await fsp.stat(full);
    } catch {
        return;
    }
    if (stat.isFile()) {
        into.push(rel);
        return;
    }
    if (!stat.isDirectory()) {
        return;
    }
    for (const entry of await fsp.readdir(full)) {
        if (entry === "node_modules" || entry === ".git" || entry === ".e2e") {
            continue;
        }
        await listFiles(root, path.join(rel, entry), into);
    }
}

/**
 * Hash of every file `npm pack` may read for the package: package.json, the entries of its
 * `files` list (everything but node_modules/.git/.e2e when there is no list) and the README,
 * LICENSE and CHANGELOG files npm always includes. A superset of the tarball's content, so an
 * unchanged hash means an unchanged tarball.
 *
 * @param packageDir - directory holding package.json
 */
export async function packContentHash(packageDir: string): Promise<string> {
    const pkg = readPackageJson(packageDir);
    const files: string[] = [];
    const roots = pkg.files ?? ["."];
    for (const entry of roots) {
        await listFiles(packageDir, path.normalize(entry), files);
    }
    for (const entry of await fsp.readdir(packageDir)) {
        if (entry === "package.json" || /^(readme|license|licence|changelog)(\..*)?$/i.test(entry)) {
            await listFiles(packageDir, entry, files);
        }
    }
    const hash = createHash("sha256");
    for (const rel of [...new Set(files.map((f) => f.split(path.sep).join("/")))].sort()) {
        hash.update(rel)
            .update("\0")
            .update(await fsp.readFile(path.join(packageDir, rel)))
            .update("\0");
    }
    return hash.digest("hex");
}

async function withLock<T>(lockDir: string, action: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    await fsp.mkdir(path.dirname(lockDir), { recursive: true });
    for (;;) {
        try {
            await fsp.mkdir(lockDir);
            break;
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
                throw error;
            }
            const stat = await fsp.stat(lockDir).catch(() => undefined);
            if (stat !== undefined && Date.now() - stat.mtimeMs > LOCK_STALE_MS) {
                await fsp.rm(lockDir, { recursive: true, force: true });
                continue;
            }
            if (Date.now() > deadline) {
                throw new Error(
                    `timed out after ${LOCK_WAIT_MS} ms waiting for ${lockDir} (remove it if no test run is active)`,
                );
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
    }
    try {
        return await action();
    } finally {
        await fsp.rm(lockDir, { recursive: true, force: true });
    }
}

function stampPath(programDir: string, name: string): string {
    return path.join(programDir, ".packed", `${name.replace(/\//g, "__")}.json`);
}

async function readStamp(file: string): Promise<string | undefined> {
    try {
        const parsed: unknown = JSON.parse(await fsp.readFile(file, "utf8"));
        const hash =
            typeof parsed === "object" && parsed !== null
                ? (parsed as Record<string, unknown>)["contentHash"]
                : undefined;
        return typeof hash === "string" ? hash : undefined;
    } catch {
        return undefined;
    }
}

function parsePackOutput(stdout: string): string {
    // npm may print lifecycle-script output before the JSON; the JSON array starts on a line "[".
    const start = /^\[\s*$/m.exec(stdout)?.index ?? 0;
    const parsed: unknown = JSON.parse(stdout.slice(start));
    const first: unknown = Array.isArray(parsed) ? parsed[0] : undefined;
    const filename =
        typeof first === "object" && first !== null ? (first as Record<string, unknown>)["filename"] : undefined;
    if (typeof filename !== "string") {
        throw new Error(`unexpected npm pack --json output: ${stdout.slice(0, 500)}`);
    }
    return filename;
}

/**
 * `npm pack`s `packageDir` and extracts the tarball into `<programDir>/node_modules/<name>`,
 * unless the install is already current (see {@link packContentHash}).
 *
 * @param options - see {@link InstallOptions}
 * @throws Error when a required path is missing, or npm/tar fail
 */
export async function installPackedPackage(options: InstallOptions): Promise<InstalledPackage> {
    const packageDir = path.resolve(options.packageDir);
    const programDir = path.resolve(options.programDir);
    for (const [rel, hint] of Object.entries(options.requiredPaths ?? {})) {
        if (!existsSync(path.join(packageDir, rel))) {
            throw new Error(`${path.join(packageDir, rel)} is missing: ${hint}`);
        }
    }
    const pkg = readPackageJson(packageDir);
    const installDir = path.join(programDir, "node_modules", pkg.name);
    const stamp = stampPath(programDir, pkg.name);

    return withLock(`${programDir}.lock`, async () => {
        const contentHash = await packContentHash(packageDir);
        const result = { name: pkg.name, version: pkg.version, installDir, programDir, contentHash };
        if ((await readStamp(stamp)) === contentHash && existsSync(path.join(installDir, "package.json"))) {
            return { ...result, reused: true };
        }
        // Beside the program directory: the final rename stays on one file system.
        await fsp.mkdir(path.dirname(programDir), { recursive: true });
        const work = await fsp.mkdtemp(path.join(path.dirname(programDir), ".pack-"));
        try {
            const { stdout } = await execFileAsync("npm", ["pack", "--json", "--pack-destination", work, packageDir], {
                cwd: work,
                timeout: NPM_TIMEOUT_MS,
                maxBuffer: 64 * 1024 * 1024,
            });
            const tarball = path.join(work, parsePackOutput(stdout));
            const extracted = path.join(work, "extracted");
            await fsp.mkdir(extracted);
            await execFileAsync("tar", ["-xzf", tarball, "-C", extracted], { timeout: TAR_TIMEOUT_MS });
            await fsp.rm(installDir, { recursive: true, force: true });
            await fsp.mkdir(path.dirname(installDir), { recursive: true });
            await fsp.rename(path.join(extracted, "package"), installDir);
            await fsp.mkdir(path.dirname(stamp), { recursive: true });
            await fsp.writeFile(
                stamp,
                `${JSON.stringify({ contentHash, tarball: path.basename(tarball) }, null, 2)}\n`,
            );
        } finally {
            await fsp.rm(work, { recursive: true, force: true });
        }
        return { ...result, reused: false };
    });
}

/** Options of {@link writeProgramFiles}. */
export interface ProgramFilesOptions {
    /** Project name (Pulumi.yaml `name`, package.json `name`). */
    readonly name: string;
    /** Installed packages to list as dependencies. */
    readonly dependencies: Readonly<Record<string, string>>;
    /** Pulumi.yaml `description`. */
    readonly description?: string;
}

async function writeIfChanged(file: string, content: string): Promise<void> {
    const current = await fsp.readFile(file, "utf8").catch(() => undefined);
    if (current !== content) {
        await fsp.writeFile(file, content);
    }
}

/**
 * Writes a minimal Pulumi program's package.json and Pulumi.yaml (only when they change).
 *
 * @param programDir - the program directory (created if missing)
 * @param options - see {@link ProgramFilesOptions}
 */
export async function writeProgramFiles(programDir: string, options: ProgramFilesOptions): Promise<void> {
    await fsp.mkdir(programDir, { recursive: true });
    const packageJson = {
        name: options.name,
        version: "0.0.0",
        private: true,
        main: "index.js",
        dependencies: options.dependencies,
    };
    await writeIfChanged(path.join(programDir, "package.json"), `${JSON.stringify(packageJson, null, 2)}\n`);
    const description =
        options.description === undefined ? "" : `description: ${JSON.stringify(options.description)}\n`;
    await writeIfChanged(
        path.join(programDir, "Pulumi.yaml"),
        `name: ${options.name}\nruntime: nodejs\n${description}`,
    );
}
