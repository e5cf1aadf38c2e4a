/**
 * Why captureResources runs programs in a child `node` process (measured, jest 30):
 * in the test process, Pulumi's closure serializer finds a provider module only if it is in the
 * module registry that `require.cache` exposes to @pulumi/pulumi. With jest 30 that works for plain
 * requires, but a provider loaded in another registry (jest.isolateModules, resetModules) is
 * serialized BY VALUE, module-level state included.
 */
import { expect } from "@jest/globals";
import type * as pulumiSdk from "@pulumi/pulumi";
import { createRequire } from "module";
import * as path from "path";
import { ECHO_PROGRAM_DIR, ensureEchoProgram } from "../support/echoProgram";

interface Recorded {
    name: string;
    inputs: Record<string, unknown>;
}

test("in the jest process, a provider loaded under jest.isolateModules is serialized by value instead of as require(...)", async () => {
    await ensureEchoProgram();
    const pulumi = createRequire(path.join(ECHO_PROGRAM_DIR, "package.json"))("@pulumi/pulumi") as typeof pulumiSdk;
    const recorded: Recorded[] = [];
    let bothRecorded = (): void => undefined;
    const both = new Promise<void>((resolve) => (bothRecorded = resolve));
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                recorded.push({ name: args.name, inputs: args.inputs as Record<string, unknown> });
                if (recorded.length === 2) bothRecorded();
                return { id: "", state: args.inputs as Record<string, unknown> };
            },
            call: (args) => args.inputs as Record<string, unknown>,
        },
        "echo-e2e",
        "dev",
        false,
    );
    const packageMain = require.resolve("echo-provider", { paths: [ECHO_PROGRAM_DIR] });
    type EchoModule = { Echo: new (name: string, args: { value: string }) => unknown };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    new (require(packageMain) as EchoModule).Echo("registry", { value: "a" });
    jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        new (require(packageMain) as EchoModule).Echo("isolated", { value: "b" });
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([both, new Promise((resolve) => (timer = setTimeout(resolve, 20_000)))]).finally(() =>
        clearTimeout(timer),
    );
    const text = (name: string): string => String(recorded.find((r) => r.name === name)?.inputs["__provider"]);

    expect(text("registry")).toContain('require("echo-provider/lib/provider.js")');
    expect(text("isolated")).not.toContain('require("echo-provider/lib/provider.js")');
    expect(text("isolated")).toContain("runtimeState");
    expect(Buffer.byteLength(text("isolated"))).toBeGreaterThan(10 * Buffer.byteLength(text("registry")));
    expect(path.isAbsolute(packageMain)).toBe(true);
});
