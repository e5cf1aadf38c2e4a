#!/usr/bin/env node
// `npm run demo` (after `npm run build`): the demo is TypeScript (type-checked by `npm run typecheck`),
// transpiled as it loads with the testing kit's TypeScript hook, like the benchmarks.
"use strict";
require("pulumi-pim-alerts-testing").installTypeScriptHook([__dirname]);
require("./main.ts");
