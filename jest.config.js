const path = require("node:path");

const { THOROUGH } = require("./test/thoroughSuites");
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What both projects share. */
const shared = {
    testEnvironment: "node",
    // The product's tests, then each workspace package's (emulator, testing kit).
    roots: ["<rootDir>/test", "<rootDir>/packages/emulator/test", "<rootDir>/packages/testing/test"],
    testMatch: ["**/*.test.ts"],
    transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
    // Installs the packed package into .e2e/program, as a user would get it (once per run: jest runs one
    // global setup module once, whichever projects name it).
    globalSetup: "<rootDir>/test/support/globalSetup.ts",
    setupFiles: ["<rootDir>/test/support/testEnvironment.ts"],
    setupFilesAfterEnv: ["<rootDir>/test/support/testCleanup.ts"],
    // Tests import the packages by name, as users do; ts-jest compiles their sources.
    moduleNameMapper: {
        "^pulumi-pim-alerts$": "<rootDir>/src/index.ts",
        "^pulumi-pim-alerts-emulator$": "<rootDir>/packages/emulator/src/index.ts",
        "^pulumi-pim-alerts-testing$": "<rootDir>/packages/testing/src/index.ts",
    },
};

/**
 * Every suite, in two projects: "everyday" (what `npm test` runs, through jest.everyday.config.js) and "thorough"
 * (test/thoroughSuites.js). `npm run test:all` and plain `jest` run both; `jest <path>` finds a file in either.
 * @type {import('jest').Config}
 */
module.exports = {
    // istanbul instrumentation would be serialized into __provider (x30 bytes); v8 coverage is not.
    coverageProvider: "v8",
    testTimeout: 60000,
    maxWorkers: 2,
    // A worker whose heap passes 350 MB after a file is replaced by a fresh one. Workers grew to 600-700 MB
    // (RSS) over a run: their collections cost more, and at the end they took longer than jest's fixed 500 ms
    // to exit ("A worker process has failed to exit gracefully": no handle was left, their exit handlers ran
    // within 3 ms; the process teardown was the wait). 250 MB replaces them too often (BENCHMARKS.md).
    workerIdleMemoryLimit: "350MB",
    projects: [
        {
            ...shared,
            displayName: "everyday",
            testPathIgnorePatterns: [
                "/node_modules/",
                ...THOROUGH.map((file) => `^${escape(path.join(__dirname, file))}$`),
            ],
        },
        { ...shared, displayName: "thorough", testMatch: THOROUGH.map((file) => `<rootDir>/${file}`) },
    ],
};
