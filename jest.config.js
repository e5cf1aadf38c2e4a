/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // istanbul instrumentation would be serialized into __provider (x30 bytes); v8 coverage is not.
  coverageProvider: "v8",
  testTimeout: 60000,
  maxWorkers: 2,
  // Installs the packed package into .e2e/program, as a user would get it.
  globalSetup: "<rootDir>/test/support/globalSetup.ts",
  setupFiles: ["<rootDir>/test/support/testEnvironment.ts"],
  // The README's examples import the package by name, as users do.
  moduleNameMapper: {
    "^pulumi-pim-alerts/testing$": "<rootDir>/src/testing/index.ts",
    "^pulumi-pim-alerts$": "<rootDir>/src/index.ts",
  },
};
