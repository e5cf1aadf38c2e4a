/**
 * What `__provider` costs in the state, measured by serializing for real: the SDK's closure
 * serializer runs in a child process under setMocks (captureResources) on a program that declares
 * each resource of this package (the provider is the module: one `require(...)` line) and the same
 * AlertConfiguration provider written as a class instance with require() inside its methods
 * (bench/fixtures/class-provider). The state holds `__provider` twice per resource (inputs, outputs).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { captureResources, installPackedPackage, writeProgramFiles } from "pulumi-pim-alerts-testing";
import { E2E_ROOT, REPO_ROOT } from "../test/support/packedPackage";
import type { Table } from "./support";

const BENCH_PROGRAM_DIR = path.join(E2E_ROOT, "bench-program");
const CLASS_FIXTURE_DIR = path.join(REPO_ROOT, "bench", "fixtures", "class-provider");
const SCOPE = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";

/** Installs the packed package and the class variant into `.e2e/bench-program`. */
async function benchProgram(): Promise<string> {
    const pim = await installPackedPackage({
        packageDir: REPO_ROOT,
        programDir: BENCH_PROGRAM_DIR,
        requiredPaths: { dist: "run `npm run build` first" },
    });
    const variant = await installPackedPackage({ packageDir: CLASS_FIXTURE_DIR, programDir: BENCH_PROGRAM_DIR });
    await writeProgramFiles(BENCH_PROGRAM_DIR, {
        name: "pim-alerts-bench",
        dependencies: { [pim.name]: pim.version, [variant.name]: variant.version },
    });
    const programFile = "provider-size.js";
    fs.writeFileSync(
        path.join(BENCH_PROGRAM_DIR, programFile),
        [
            'const pulumi = require("@pulumi/pulumi");',
            'const pim = require("pulumi-pim-alerts");',
            'const { AlertConfigurationProvider } = require("pim-class-provider-variant");',
            `const owners = { scope: "${SCOPE}", alertId: "TooManyOwnersAssignedToResource", thresholdNumberOfOwners: 3 };`,
            'new pim.AlertConfiguration("module", owners);',
            `new pim.AlertDismissal("dismissal", { scope: "${SCOPE}", alertId: "DuplicateRoleCreated" });`,
            'new pim.DirectoryAlertConfiguration("directory", { alertId: "StaleSignInAlert", duration: "P30D" });',
            'new pim.DirectoryAlertDismissal("directory-dismissal", { alertId: "NoMfaOnRoleActivationAlert" });',
            'new pulumi.dynamic.Resource(new AlertConfigurationProvider(), "class", owners, undefined, "pim", "AlertConfiguration");',
            "",
        ].join("\n"),
    );
    return programFile;
}

/** Serializes both shapes and returns the table. */
export async function providerSize(): Promise<Table> {
    const programFile = await benchProgram();
    const captured = await captureResources({ programDir: BENCH_PROGRAM_DIR, programFile });
    const bytesOf = (name: string) => {
        const text = captured.find((r) => r.name === name)?.inputs["__provider"];
        if (typeof text !== "string") throw new Error(`no __provider serialized for ${name}`);
        return { bytes: Buffer.byteLength(text), text };
    };
    const moduleProvider = bytesOf("module");
    const classProvider = bytesOf("class");
    const row = (what: string, name: string) => {
        const { bytes, text } = bytesOf(name);
        return [
            what,
            bytes,
            bytes * 2,
            `${(classProvider.bytes / bytes).toFixed(1)}x`,
            text.split("\n").filter((l) => l.trim() !== "").length,
            /require\("pulumi-pim-alerts\/dist\/provider\/\w+\.js"\)/.exec(text)?.[0] ?? "(code by value)",
        ];
    };
    return {
        title: "__provider bytes per resource (serialized by @pulumi/pulumi's closure serializer)",
        headers: ["provider", "bytes", "state bytes (x2)", "class / this", "lines", "what it holds"],
        rows: [
            row("AlertConfiguration: the module (this package)", "module"),
            row("AlertDismissal: the module", "dismissal"),
            row("DirectoryAlertConfiguration: the module", "directory"),
            row("DirectoryAlertDismissal: the module", "directory-dismissal"),
            row("AlertConfiguration as a class instance, require() in methods", "class"),
        ],
        notes: [
            `Class variant: bench/fixtures/class-provider (same methods and logic); ${classProvider.bytes - moduleProvider.bytes} more bytes per copy.`,
        ],
    };
}
