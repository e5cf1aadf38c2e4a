/**
 * The serialized providers of the package's four resources, as @pulumi/pulumi writes them into
 * `__provider`: captured by jest's globalSetup (the real resource classes of the packed package run
 * under setMocks, in two child processes) and read by every end-to-end file from
 * `<E2E_ROOT>/captured-providers.json`. One capture instead of one per file: each costs a Node.js
 * process loading @pulumi/pulumi (about 1.5 s of CPU), and what it serializes depends only on the
 * packed package, the SDK, Node.js and the capture programs, which are the same for the whole run.
 * Those four make the file's key: a run whose key matches reuses the file.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { captureResources, type CapturedResource } from "pulumi-pim-alerts-testing";
import { ensurePackedProgram, writeProgramFile } from "./packedPackage";
import { E2E_ROOT, PROGRAM_DIR } from "./paths";

export const CONFIGURATION = "pulumi-nodejs:dynamic/pim:AlertConfiguration";
export const DISMISSAL = "pulumi-nodejs:dynamic/pim:AlertDismissal";
export const DIRECTORY_CONFIGURATION = "pulumi-nodejs:dynamic/pim:DirectoryAlertConfiguration";
export const DIRECTORY_DISMISSAL = "pulumi-nodejs:dynamic/pim:DirectoryAlertDismissal";

/** The programs whose resources are captured: the ARM pair and the directory pair. */
const CAPTURE_PROGRAMS: Readonly<Record<"arm" | "directory", readonly string[]>> = {
    arm: [
        'const pim = require("pulumi-pim-alerts");',
        'const scope = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";',
        'new pim.AlertConfiguration("owners", { scope, alertId: "TooManyOwnersAssignedToResource", isEnabled: true, thresholdNumberOfOwners: 3 });',
        'new pim.AlertDismissal("dup", { scope, alertId: "DuplicateRoleCreated" });',
    ],
    directory: [
        'const pim = require("pulumi-pim-alerts");',
        'new pim.DirectoryAlertConfiguration("stale-accounts", { alertId: "StaleSignInAlert", isEnabled: true, duration: "P30D" });',
        'new pim.DirectoryAlertDismissal("no-mfa", { alertId: "NoMfaOnRoleActivationAlert" });',
    ],
};

/** What the capture programs registered, per program. */
export interface CapturedPrograms {
    readonly arm: readonly CapturedResource[];
    readonly directory: readonly CapturedResource[];
}

/** The file: the captures and what they were made of. */
interface CaptureFile extends CapturedPrograms {
    readonly key: string;
}

const CAPTURE_FILE = path.join(E2E_ROOT, "captured-providers.json");

/**
 * Runs both capture programs in the packed program directory (which must be installed) and writes
 * what they registered for the run's test files, unless the file was made of the same package,
 * SDK, Node.js and programs. Called by jest's globalSetup.
 *
 * @param packageHash - the installed package's content hash (`InstalledPackage.contentHash`)
 */
export async function captureProgramsForRun(packageHash: string): Promise<void> {
    const sdk = JSON.parse(
        fs.readFileSync(require.resolve("@pulumi/pulumi/package.json", { paths: [PROGRAM_DIR] }), "utf8"),
    ) as { version: string };
    const key = createHash("sha256")
        .update(JSON.stringify([packageHash, sdk.version, process.version, CAPTURE_PROGRAMS]))
        .digest("hex");
    if (readCaptureFile()?.key === key) return;
    const capture = (name: keyof CapturedPrograms) =>
        captureResources({
            programDir: PROGRAM_DIR,
            programFile: writeProgramFile(`capture-${name}`, CAPTURE_PROGRAMS[name]),
        });
    const [arm, directory] = await Promise.all([capture("arm"), capture("directory")]);
    fs.writeFileSync(CAPTURE_FILE, JSON.stringify({ key, arm, directory } satisfies CaptureFile));
}

/**
 * Installs the packed program (fast when nothing changed) and captures its providers unless the last
 * capture is current: what a script outside jest (the benchmarks) runs before it reads them.
 */
export async function ensureCapturedPrograms(): Promise<void> {
    await captureProgramsForRun((await ensurePackedProgram()).contentHash);
}

function readCaptureFile(): CaptureFile | undefined {
    return fs.existsSync(CAPTURE_FILE) ? (JSON.parse(fs.readFileSync(CAPTURE_FILE, "utf8")) as CaptureFile) : undefined;
}

let loaded: CapturedPrograms | undefined;

/** What the run's globalSetup (or {@link ensureCapturedPrograms}) captured, read once per process. */
export function capturedPrograms(): CapturedPrograms {
    loaded ??= readCaptureFile();
    if (loaded === undefined)
        throw new Error(`${CAPTURE_FILE} is missing: jest's globalSetup (test/support/globalSetup.ts) writes it`);
    return loaded;
}

/** The `__provider` the SDK serialized for the captured resource of `type`. */
export function serializedProviderOf(captured: readonly CapturedResource[], type: string): string {
    const value = captured.find((r) => r.type === type)?.inputs["__provider"];
    if (typeof value !== "string") throw new Error(`no __provider captured for ${type}`);
    return value;
}
