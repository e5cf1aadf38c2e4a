#!/usr/bin/env node
/**
 * The runtime combinations CI runs the end-to-end suites on: a Node.js binary and an SDK
 * (@pulumi/pulumi) with the package's dependencies, as a user on that Node installs them. Each is
 * pinned in `.ci/runtimes/<name>/` (package.json + package-lock.json: the Node binary as the npm
 * package `node-<platform>-<arch>`, the exact @pulumi/pulumi, the package's own dependency ranges)
 * and installed with `npm ci` into `<repo>/.e2e/runtimes/<name>/` (gitignored; reinstalled only
 * when the manifest changes). The e2e program directories of a combination live inside that
 * install (`PIM_E2E_ROOT`, see test/support/packedPackage.ts), so the program, the packed package
 * and the dynamic-provider host all resolve ONE @pulumi/pulumi: the combination's.
 *
 *   node .ci/runtimes.js list                       the combinations
 *   node .ci/runtimes.js e2e <name> [jest args]     install, then jest on the e2e suites (or the
 *                                                   given files) under the combination's Node
 *   node .ci/runtimes.js unit [jest args]           the README's test command, `npm test` (build,
 *                                                   type-check, jest's everyday suites) without the
 *                                                   e2e suites, once (this Node, the repository's
 *                                                   node_modules)
 *   node .ci/runtimes.js summary <results dir>      which combination ran which tests, the
 *                                                   __provider sizes, and the closing count line
 *   node .ci/runtimes.js lock <name>                re-resolve a lock file under the combination's
 *                                                   own Node (npm prefers versions whose engines
 *                                                   admit the running Node, as for a user)
 *
 * `e2e` and `unit` take `--results <dir>` (before the jest args) to write `<dir>/<name>.json`.
 * Only Node built-ins: it runs before anything but `npm ci` of the repository.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { THOROUGH } = require("../test/thoroughSuites");

const REPO = path.resolve(__dirname, "..");
const MANIFESTS = path.join(__dirname, "runtimes");
const INSTALLS = path.join(REPO, ".e2e", "runtimes");
const JEST = path.join(REPO, "node_modules", "jest", "bin", "jest.js");
/** The suites that run through the provider host, where runtime and SDK matter (folders end in "/"). */
const E2E_SUITES = [
    "test/e2e/",
    "packages/testing/test/harness.test.ts",
    "packages/testing/test/processFailures.test.ts",
    "packages/testing/test/runner.test.ts",
];
// `npm test` leaves the thorough suites out (jest.everyday.config.js), so CI runs them here, on every combination.
for (const suite of THOROUGH) {
    if (!E2E_SUITES.some((e2e) => (e2e.endsWith("/") ? suite.startsWith(e2e) : suite === e2e))) {
        throw new Error(
            `${suite} is a thorough suite (test/thoroughSuites.js) but not an e2e suite here: CI would never run it`,
        );
    }
}
/** Packages whose copy in the combination's install the e2e programs must use (besides the package's dependencies). */
const SHARED = ["@pulumi/pulumi", "typescript"];
const NPM_TIMEOUT_MS = 15 * 60_000;
const JEST_TIMEOUT_MS = 40 * 60_000;

class UsageError extends Error {}

/** jest path patterns (regular expressions over absolute paths) for the e2e suites. */
function e2ePatterns() {
    const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return E2E_SUITES.map((suite) => `^${escape(path.join(REPO, suite))}${suite.endsWith("/") ? "" : "$"}`);
}

function readJson(file) {
    return JSON.parse(fs.readFileSync(file, "utf8"));
}

function combinations() {
    return fs
        .readdirSync(MANIFESTS, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(MANIFESTS, entry.name, "package.json")))
        .map((entry) => entry.name)
        .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

function manifestDir(name) {
    if (!combinations().includes(name)) {
        throw new UsageError(`no runtime combination "${name}" (have: ${combinations().join(", ")}; see .ci/runtimes/)`);
    }
    return path.join(MANIFESTS, name);
}

/** The binary package for this machine and the Node version the combination pins. */
function nodePackage(name) {
    const manifest = readJson(path.join(manifestDir(name), "package.json"));
    const binaryPackage = `node-${process.platform}-${process.arch}`;
    const version = (manifest.optionalDependencies ?? {})[binaryPackage];
    if (version === undefined) {
        const offered = Object.keys(manifest.optionalDependencies ?? {}).filter((p) => p.startsWith("node-"));
        throw new Error(
            `.ci/runtimes/${name} pins no Node.js binary for ${process.platform}-${process.arch} (it has ${offered.join(", ") || "none"}): ` +
                `add "${binaryPackage}" to its optionalDependencies and run \`node .ci/runtimes.js lock ${name}\``,
        );
    }
    return { binaryPackage, version, manifest };
}

/**
 * The manifest lists the package's dependencies with the package's own ranges, so the combination
 * resolves what a user's install does; refuse a manifest that has drifted from package.json.
 */
function checkDependencyRanges(name, manifest) {
    const product = readJson(path.join(REPO, "package.json"));
    const drift = [];
    for (const [dep, range] of Object.entries(product.dependencies ?? {})) {
        const pinned = (manifest.dependencies ?? {})[dep];
        if (pinned !== range) drift.push(`${dep}: package.json "${range}", .ci/runtimes/${name} "${pinned ?? "(missing)"}"`);
    }
    for (const dep of SHARED) {
        if ((manifest.dependencies ?? {})[dep] === undefined) drift.push(`${dep}: missing from .ci/runtimes/${name}/package.json`);
    }
    if (drift.length > 0) {
        throw new Error(
            `.ci/runtimes/${name}/package.json does not match the package's dependencies:\n  ${drift.join("\n  ")}\n` +
                `copy the ranges from package.json, then run \`node .ci/runtimes.js lock ${name}\``,
        );
    }
}

function run(command, args, options) {
    const result = spawnSync(command, args, { stdio: "inherit", ...options });
    if (result.error) throw result.error;
    if (result.status !== 0) {
        throw new Error(`${command} ${args.join(" ")} failed (exit code ${result.status ?? result.signal}) in ${options.cwd ?? process.cwd()}`);
    }
    return result;
}

function manifestHash(dir) {
    const hash = createHash("sha256");
    for (const file of ["package.json", "package-lock.json"]) hash.update(fs.readFileSync(path.join(dir, file))).update("\0");
    return hash.digest("hex");
}

function versionIn(nodeModules, pkg) {
    try {
        return readJson(path.join(nodeModules, pkg, "package.json")).version;
    } catch {
        return undefined;
    }
}

/** `npm ci` of the combination into `.e2e/runtimes/<name>` unless it is already current; returns what is installed. */
function install(name) {
    const source = manifestDir(name);
    const { binaryPackage, version, manifest } = nodePackage(name);
    checkDependencyRanges(name, manifest);
    if (!fs.existsSync(path.join(source, "package-lock.json"))) {
        throw new Error(`.ci/runtimes/${name}/package-lock.json is missing: run \`node .ci/runtimes.js lock ${name}\``);
    }
    const dir = path.join(INSTALLS, name);
    const stampFile = path.join(dir, ".installed.json");
    const hash = manifestHash(source);
    const stamp = fs.existsSync(stampFile) ? readJson(stampFile) : undefined;
    const started = Date.now();
    let reused = stamp?.hash === hash && fs.existsSync(path.join(dir, "node_modules"));
    if (!reused) {
        fs.mkdirSync(dir, { recursive: true });
        fs.rmSync(stampFile, { force: true });
        for (const file of ["package.json", "package-lock.json"]) fs.copyFileSync(path.join(source, file), path.join(dir, file));
        // Under this machine's npm: `npm ci` installs what the lock says and resolves nothing.
        run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, timeout: NPM_TIMEOUT_MS });
        fs.writeFileSync(stampFile, `${JSON.stringify({ hash }, null, 2)}\n`);
    }
    const node = path.join(dir, "node_modules", binaryPackage, "bin", "node");
    const reported = spawnSync(node, ["--version"], { encoding: "utf8" });
    if (reported.error || reported.stdout.trim() !== `v${version}`) {
        throw new Error(`${node} should be Node.js v${version}: ${reported.error?.message ?? (reported.stdout.trim() || reported.stderr.trim())}`);
    }
    const nodeModules = path.join(dir, "node_modules");
    return {
        name,
        dir,
        node,
        nodeVersion: `v${version}`,
        pulumi: versionIn(nodeModules, "@pulumi/pulumi"),
        identity: versionIn(nodeModules, "@azure/identity"),
        description: manifest.description,
        installMs: Date.now() - started,
        reused,
    };
}

/** Splits `--results <dir>` off the front of the arguments. */
function resultsOption(args) {
    if (args[0] !== "--results") return { resultsDir: undefined, rest: args };
    if (args[1] === undefined) throw new UsageError("--results needs a directory");
    return { resultsDir: path.resolve(args[1]), rest: args.slice(2) };
}

function runJest(label, node, jestArgs, env, resultsDir, extra) {
    return runRecorded(label, node, [JEST, ...jestArgs], env, resultsDir, extra);
}

/** Runs a command whose jest writes `<resultsDir>/<label>.json`, and records how it ended beside it. */
function runRecorded(label, command, args, env, resultsDir, extra) {
    const outputFile = resultsDir === undefined ? undefined : path.join(resultsDir, `${label}.json`);
    const jsonArgs = outputFile === undefined ? [] : ["--json", `--outputFile=${outputFile}`];
    const started = Date.now();
    const result = spawnSync(command, [...args, ...jsonArgs], { cwd: REPO, stdio: "inherit", env, timeout: JEST_TIMEOUT_MS });
    const ms = Date.now() - started;
    if (resultsDir !== undefined) {
        fs.writeFileSync(
            path.join(resultsDir, `${label}.run.json`),
            `${JSON.stringify({ label, exitCode: result.status, signal: result.signal, jestMs: ms, ...extra }, null, 2)}\n`,
        );
    }
    console.log(`[runtimes] ${label}: ${path.basename(command)} exited ${result.status ?? result.signal} after ${(ms / 1000).toFixed(0)} s`);
    return result.status ?? 1;
}

function e2e(args) {
    const [name, ...rest] = args;
    if (name === undefined) throw new UsageError("e2e needs a combination name");
    const { resultsDir, rest: jestArgs } = resultsOption(rest);
    const runtime = install(name);
    console.log(
        `[runtimes] ${name}: Node.js ${runtime.nodeVersion}, @pulumi/pulumi ${runtime.pulumi}, @azure/identity ${runtime.identity}` +
            ` (${runtime.reused ? "install current" : `installed in ${(runtime.installMs / 1000).toFixed(0)} s`}; ${path.relative(REPO, runtime.dir)})`,
    );
    const env = {
        ...process.env,
        PIM_E2E_ROOT: runtime.dir,
        // Whatever a test starts as `node` by name runs the combination's Node too.
        PATH: `${path.dirname(runtime.node)}${path.delimiter}${process.env.PATH ?? ""}`,
    };
    const suites = jestArgs.some((a) => !a.startsWith("-")) ? [] : e2ePatterns();
    return runJest(name, runtime.node, [...suites, ...jestArgs], env, resultsDir, {
        node: runtime.nodeVersion,
        pulumi: runtime.pulumi,
        identity: runtime.identity,
        installMs: runtime.installMs,
        reused: runtime.reused,
        root: runtime.dir,
    });
}

function unit(args) {
    const { resultsDir, rest } = resultsOption(args);
    const nodeModules = path.join(REPO, "node_modules");
    const ignore = ["/node_modules/", ...e2ePatterns()].map((pattern) => `--testPathIgnorePatterns=${pattern}`);
    // `npm test` itself, as the README says: build, type-check, then jest (here without the e2e suites,
    // which run below on each runtime combination).
    return runRecorded("unit", "npm", ["test", "--", ...ignore, ...rest], process.env, resultsDir, {
        node: process.version,
        pulumi: versionIn(nodeModules, "@pulumi/pulumi"),
        identity: versionIn(nodeModules, "@azure/identity"),
    });
}

/** Re-resolves `.ci/runtimes/<name>/package-lock.json` with npm running on the combination's Node. */
function lock(args) {
    const [name] = args;
    if (name === undefined) throw new UsageError("lock needs a combination name");
    const source = manifestDir(name);
    const { binaryPackage, version, manifest } = nodePackage(name);
    checkDependencyRanges(name, manifest);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), `pim-runtime-${name}-`));
    try {
        const binDir = path.join(work, "bin");
        run("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", binDir, `${binaryPackage}@${version}`], { cwd: work });
        const tree = path.join(work, "tree");
        fs.mkdirSync(tree);
        fs.copyFileSync(path.join(source, "package.json"), path.join(tree, "package.json"));
        // npm's `#!/usr/bin/env node` then runs on the combination's Node.
        const env = { ...process.env, PATH: `${path.join(binDir, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}` };
        run("npm", ["install", "--package-lock-only", "--no-audit", "--no-fund"], { cwd: tree, env });
        fs.copyFileSync(path.join(tree, "package-lock.json"), path.join(source, "package-lock.json"));
        const locked = readJson(path.join(source, "package-lock.json")).packages;
        console.log(
            `[runtimes] ${name}: locked under Node.js v${version}: @pulumi/pulumi ${locked["node_modules/@pulumi/pulumi"]?.version}, ` +
                `@azure/identity ${locked["node_modules/@azure/identity"]?.version}`,
        );
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
    return 0;
}

function readIfExists(file) {
    return fs.existsSync(file) ? readJson(file) : undefined;
}

function relativeTestPath(file) {
    return path.relative(REPO, file).split(path.sep).join("/");
}

function installNote(runInfo) {
    if (runInfo.installMs === undefined) return "";
    return runInfo.reused ? ", install current" : `, install ${(runInfo.installMs / 1000).toFixed(0)} s`;
}

/** Prints which combination ran which tests, the __provider sizes, and `tests: N passed, N failed`. */
function summary(args) {
    const [dir] = args;
    if (dir === undefined) throw new UsageError("summary needs the results directory");
    const labels = ["unit", ...combinations()];
    let passed = 0;
    let failed = 0;
    let broken = 0;
    const lines = ["", "Which combination ran which tests:"];
    const sizes = [];
    for (const label of labels) {
        const runInfo = readIfExists(path.join(dir, `${label}.run.json`));
        const results = readIfExists(path.join(dir, `${label}.json`));
        if (runInfo === undefined) continue;
        const where = label === "unit" ? "the repository's node_modules" : path.relative(REPO, runInfo.root);
        lines.push(
            `  ${label}: Node.js ${runInfo.node}, @pulumi/pulumi ${runInfo.pulumi}, @azure/identity ${runInfo.identity} (${where}); ` +
                `jest ${(runInfo.jestMs / 1000).toFixed(0)} s${installNote(runInfo)}`,
        );
        if (results === undefined) {
            broken += 1;
            lines.push(`    no results: jest exited ${runInfo.exitCode ?? runInfo.signal} before reporting`);
            continue;
        }
        passed += results.numPassedTests;
        failed += results.numFailedTests;
        if (runInfo.exitCode !== 0 && results.numFailedTests === 0) broken += 1;
        lines.push(
            `    ${results.numTotalTestSuites} files, ${results.numPassedTests} passed, ${results.numFailedTests} failed` +
                (results.numPendingTests ? `, ${results.numPendingTests} skipped` : ""),
        );
        const files = [...results.testResults].sort((a, b) => a.name.localeCompare(b.name));
        if (label === "unit") {
            const roots = [...new Set(files.map((f) => relativeTestPath(f.name).split("/").slice(0, -1).join("/")))];
            lines.push(`    from ${roots.length} folders: ${roots.join(", ")}`);
        }
        for (const file of label === "unit" ? files.filter((f) => f.status !== "passed") : files) {
            const counts = { passed: 0, failed: 0, other: 0 };
            for (const a of file.assertionResults) counts[a.status in counts ? a.status : "other"] += 1;
            lines.push(
                `    ${file.status === "passed" ? "ok  " : "FAIL"} ${relativeTestPath(file.name)}: ${counts.passed} passed, ${counts.failed} failed` +
                    (counts.other ? `, ${counts.other} skipped` : ""),
            );
        }
        const report = label === "unit" ? undefined : readIfExists(path.join(runInfo.root, "reports", "provider-size.json"));
        if (report !== undefined) sizes.push({ label, report });
    }
    if (sizes.length > 0) {
        lines.push("", "__provider bytes per resource, as each combination's SDK serialized them (test/e2e/providerSerialization.test.ts):");
        for (const { label, report } of sizes) {
            const each = Object.entries(report.bytes).map(([type, bytes]) => `${type} ${bytes}`);
            lines.push(`  ${label} (Node.js ${report.node}, @pulumi/pulumi ${report.pulumi}): ${each.join(", ")}; secret-free: ${report.secretFree}`);
        }
    }
    console.log(lines.join("\n"));
    console.log(`tests: ${passed} passed, ${failed} failed`);
    return failed > 0 || broken > 0 ? 1 : 0;
}

function main(argv) {
    const [command, ...args] = argv;
    switch (command) {
        case "list":
            for (const name of combinations()) console.log(`${name}: ${readJson(path.join(MANIFESTS, name, "package.json")).description}`);
            return 0;
        case "e2e":
            return e2e(args);
        case "unit":
            return unit(args);
        case "lock":
            return lock(args);
        case "summary":
            return summary(args);
        default:
            throw new UsageError(`unknown command "${command ?? ""}"`);
    }
}

try {
    process.exitCode = main(process.argv.slice(2));
} catch (error) {
    if (error instanceof UsageError) {
        console.error(
            `${error.message}\nusage: node .ci/runtimes.js list | e2e <name> [--results <dir>] [jest args] | unit [--results <dir>] [jest args] | summary <dir> | lock <name>`,
        );
        process.exitCode = 2;
    } else {
        console.error(`[runtimes] ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
    }
}
