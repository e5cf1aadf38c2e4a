// @ts-check
// typescript-eslint's type-checked rules over the product, the workspace packages, tests, demo and benchmarks.
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["**/dist/**", "**/node_modules/**", ".e2e/**", ".pulumi-demo/**", "coverage/**", "**/*.js", "**/*.cjs", "**/*.mjs"] },
    ...tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
            "@typescript-eslint/no-floating-promises": "error",
            "@typescript-eslint/no-misused-promises": "error",
            "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        },
    },
    {
        // Test doubles implement async interfaces with canned answers: an async method without await is
        // the point of a fake, not a mistake. jest types its asymmetric matchers (expect.stringContaining,
        // expect.any, ...) as `any`; placed inside an expected object they are what the test means.
        files: ["test/**/*.ts", "packages/*/test/**/*.ts"],
        rules: { "@typescript-eslint/require-await": "off", "@typescript-eslint/no-unsafe-assignment": "off" },
    },
);
