/**
 * A Pulumi program that only declares resources loads none of the package's client code: the
 * providers run in the provider host, so axios, zod, luxon and @azure/identity have nothing to do in
 * the program's process. Pinned by the modules a real program run loads (the packed package, the
 * SDK serializing each resource's provider under setMocks), not by time: the time is in bench/.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { captureProgram } from "./support/packedProgram";

const CLIENT_PACKAGES = ["axios", "zod", "luxon", "@azure/identity", "form-data", "follow-redirects"];

/** The packages (under node_modules) a program run had loaded when its process exited. */
async function packagesLoadedBy(
    name: string,
    body: readonly string[],
): Promise<{ packages: string[]; providers: number }> {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pim-import-")), "loaded.json");
    const captured = await captureProgram(name, [
        'const fs = require("node:fs");',
        "process.on('exit', () => {",
        "    const packages = Object.keys(require.cache).map((f) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f)?.[1]).filter(Boolean);",
        `    fs.writeFileSync(${JSON.stringify(out)}, JSON.stringify([...new Set(packages.map((p) => p.replace("\\\\", "/")))]));`,
        "});",
        ...body,
    ]);
    const packages = JSON.parse(fs.readFileSync(out, "utf8")) as string[];
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
    return { packages, providers: captured.filter((r) => typeof r.inputs["__provider"] === "string").length };
}

test("declaring all four resources loads no client package, and each provider is still serialized", async () => {
    const { packages, providers } = await packagesLoadedBy("import-declare-only", [
        'const pim = require("pulumi-pim-alerts");',
        'const scope = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";',
        'new pim.AlertConfiguration("owners", { scope, alertId: "TooManyOwnersAssignedToResource", thresholdNumberOfOwners: 3 });',
        'new pim.AlertDismissal("dup", { scope, alertId: "DuplicateRoleCreated" });',
        'new pim.DirectoryAlertConfiguration("stale", { alertId: "StaleSignInAlert", duration: "P30D" });',
        'new pim.DirectoryAlertDismissal("no-mfa", { alertId: "NoMfaOnRoleActivationAlert" });',
    ]);
    expect(providers).toBe(4);
    expect(packages).toContain("@pulumi/pulumi");
    expect(packages.filter((p) => CLIENT_PACKAGES.includes(p))).toEqual([]);
}, 120_000);

test("a data function loads the clients when it is first called (the lazy path is wired)", async () => {
    const { packages } = await packagesLoadedBy("import-data-function", [
        'const pim = require("pulumi-pim-alerts");',
        // A scope that is refused before any request: the call loads its implementation, then fails.
        'module.exports = pim.getAlertConfigurations({ scope: "not-a-scope" }).then(() => { throw new Error("accepted"); }, (e) => {',
        '    if (e.name !== "InvalidArgumentError") throw e;',
        "});",
    ]);
    expect(packages).toEqual(expect.arrayContaining(["zod", "axios"]));
}, 120_000);
