const fs = require("node:fs");
const path = require("node:path");

const REPO = path.join(__dirname, "..");

/**
 * The suites `npm test` leaves to `npm run test:all` and to `.ci/run` (which runs them on every runtime
 * combination). Each drives many provider hosts and runner programs to replay faults or the engine's
 * rules; the logic each one exercises is also tested in-process by a unit suite that `npm test` runs.
 * Together they are about half of the suite's time (BENCHMARKS.md, "The test suite").
 */
const THOROUGH = [
    // Nothing is lost when a write half-lands: partial creates/updates, a killed host (19 SDK processes).
    "test/e2e/reliabilityPartialWrite.test.ts",
    // Drip-fed, huge and hostile answers, proxies, the concurrency limit, each against a scripted server.
    "test/e2e/reliabilityLimits.test.ts",
    // Malformed JSON, HTML pages, hollow items, a newer API's types: on create and on refresh.
    "test/e2e/reliabilityHostile.test.ts",
    // Hangs and connection resets, retried.
    "test/e2e/reliabilityNetwork.test.ts",
    // A 429/503 storm over 40 resources.
    "test/e2e/reliabilityStorm.test.ts",
    // The runner's resource options and failure display with this package's resources.
    "test/e2e/offlineEngine.test.ts",
    // The runner's conformance to the engine (protect, aliases, pending operations, preview --json).
    "packages/testing/test/runner.test.ts",
    // The testing kit's child processes that fail, hang or outlive their parent.
    "packages/testing/test/processFailures.test.ts",
];
for (const file of THOROUGH) {
    // A renamed file would silently leave the list: fail at once instead.
    if (!fs.existsSync(path.join(REPO, file))) {
        throw new Error(`test/thoroughSuites.js lists ${file}, which does not exist`);
    }
}

module.exports = { THOROUGH };
