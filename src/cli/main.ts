#!/usr/bin/env node
/**
 * The `pim-alerts` executable (package.json `bin`: `"pim-alerts": "dist/cli/main.js"`).
 * @packageDocumentation
 */
import { runCli } from "./run";

// runCli never rejects: every failure is already a message and an exit code.
void runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: { write: (text) => process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    env: process.env,
    cwd: process.cwd(),
}).then((code) => {
    // exitCode, not exit(): let stdout drain when it is a pipe.
    process.exitCode = code;
});
