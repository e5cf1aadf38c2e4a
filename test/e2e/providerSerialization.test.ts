/**
 * `__provider` as the SDK of this run serializes it: the Node.js and @pulumi/pulumi of the e2e
 * program directory (on CI, each runtime combination of .ci/runtimes.js). For every resource type it
 * must stay one small `require(...)` of the provider module, portable (no path of this machine) and
 * secret-free, even when the program holds a secret from its config and the environment has the
 * client secret. The measured sizes go to `<e2e root>/reports/provider-size.json`; .ci/run prints
 * them per combination (BENCHMARKS.md).
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    captureResources,
    isSecret,
    secret,
    serializedProvider,
    type CapturedResource,
} from "pulumi-pim-alerts-testing";
import { E2E_ROOT, PROGRAM_DIR, REPO_ROOT } from "../support/packedPackage";
import { writeProgram } from "./support/packedProgram";

const MODULES: Readonly<Record<string, string>> = {
    AlertConfiguration: "alertConfigurationProvider",
    AlertDismissal: "alertDismissalProvider",
    DirectoryAlertConfiguration: "directoryAlertConfigurationProvider",
    DirectoryAlertDismissal: "directoryAlertDismissalProvider",
};

const CLIENT_SECRET = `e2e~Sec.ret+/"${randomBytes(12).toString("base64url")}`;
/** Every form in which the secret could be written out. */
const SECRET_FORMS = [CLIENT_SECRET, encodeURIComponent(CLIENT_SECRET), JSON.stringify(CLIENT_SECRET).slice(1, -1)];

let resources: readonly CapturedResource[];

beforeAll(async () => {
    const programFile = await writeProgram("provider-serialization", [
        'const pulumi = require("@pulumi/pulumi");',
        'const pim = require("pulumi-pim-alerts");',
        // A program that holds the client secret itself, as one that also configures another provider does.
        'const clientSecret = new pulumi.Config("pim-alerts").requireSecret("clientSecret");',
        'const scope = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";',
        'new pim.AlertConfiguration("owners", { scope, alertId: "TooManyOwnersAssignedToResource", isEnabled: true, thresholdNumberOfOwners: 3 });',
        'new pim.AlertDismissal("dup", { scope, alertId: "DuplicateRoleCreated" });',
        'new pim.DirectoryAlertConfiguration("stale", { alertId: "StaleSignInAlert", isEnabled: true, duration: "P30D" });',
        'new pim.DirectoryAlertDismissal("no-mfa", { alertId: "NoMfaOnRoleActivationAlert" });',
        "exports.secretLength = clientSecret.apply((s) => s.length);",
        // The control: a provider whose code captures the secret from the environment.
        "const fromEnvironment = process.env.PIM_ALERTS_CLIENT_SECRET;",
        'const leaky = { async create() { return { id: "leaky", outs: { length: fromEnvironment.length } }; } };',
        'new pulumi.dynamic.Resource(leaky, "control", {});',
    ]);
    resources = await captureResources({
        programDir: PROGRAM_DIR,
        programFile,
        config: {
            "pim-alerts:clientSecret": secret(CLIENT_SECRET),
            "pim-alerts:clientId": "7c1e4b2a-9d3f-4e6a-8b5c-2f0a1d9e8c7b",
        },
        env: { PIM_ALERTS_CLIENT_SECRET: CLIENT_SECRET, ARM_CLIENT_SECRET: CLIENT_SECRET },
    });
    writeReport();
});

function providerOf(kind: string): CapturedResource {
    const found = resources.find((r) => r.type === `pulumi-nodejs:dynamic/pim:${kind}`);
    if (found === undefined) throw new Error(`the program registered no ${kind}`);
    return found;
}

function isSecretFree(resource: CapturedResource): boolean {
    const text = serializedProvider(resource);
    return !isSecret(resource.inputs["__provider"]) && SECRET_FORMS.every((form) => !text.includes(form));
}

/** What this run measured, for the CI summary and BENCHMARKS.md. */
function writeReport(): void {
    const pulumiPackage = require.resolve("@pulumi/pulumi/package.json", { paths: [PROGRAM_DIR] });
    const report = {
        node: process.version,
        pulumi: (JSON.parse(fs.readFileSync(pulumiPackage, "utf8")) as { version: string }).version,
        bytes: Object.fromEntries(
            Object.keys(MODULES).map((kind) => [kind, Buffer.byteLength(serializedProvider(providerOf(kind)))]),
        ),
        secretFree: Object.keys(MODULES).every((kind) => isSecretFree(providerOf(kind))),
    };
    fs.mkdirSync(path.join(E2E_ROOT, "reports"), { recursive: true });
    fs.writeFileSync(path.join(E2E_ROOT, "reports", "provider-size.json"), `${JSON.stringify(report, null, 2)}\n`);
}

describe.each(Object.entries(MODULES))("__provider of %s", (kind, module) => {
    test("is one require of the provider module, under 400 bytes", () => {
        const text = serializedProvider(providerOf(kind));
        expect(text).toContain(`require("pulumi-pim-alerts/dist/provider/${module}.js")`);
        expect(text.match(/require\(/g)).toHaveLength(1);
        expect(Buffer.byteLength(text)).toBeLessThan(400);
    });

    test("holds no secret and no path of this machine, and is not itself a secret", () => {
        const resource = providerOf(kind);
        const text = serializedProvider(resource);
        expect(isSecret(resource.inputs["__provider"])).toBe(false);
        for (const form of SECRET_FORMS) expect(text).not.toContain(form);
        expect(text).not.toContain(REPO_ROOT);
    });
});

test("the same check catches a provider that captures the secret (control)", () => {
    const control = resources.find((r) => r.name === "control");
    expect(control).toBeDefined();
    expect(isSecretFree(control as CapturedResource)).toBe(false);
});
