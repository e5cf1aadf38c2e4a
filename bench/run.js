#!/usr/bin/env node
// `npm run bench` (after `npm run build`): the benchmarks are TypeScript (type-checked by
// `npm run typecheck`), transpiled as they load with the runner's TypeScript hook.
"use strict";
require("pulumi-pim-alerts-testing").installTypeScriptHook([__dirname]);
require("./main.ts")
    .main(process.argv.slice(2))
    .then(() => process.exit(0))
    .catch((error) => {
        process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exit(1);
    });
