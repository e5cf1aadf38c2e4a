import { expect } from "@jest/globals";
import * as fs from "node:fs";
import * as path from "node:path";
import { consumerTypeErrors, ensureConsumerProgram, PULUMI_TEMPLATE_TSCONFIG } from "../../support/consumerProgram";

const root = path.resolve(__dirname, "../../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

/** The ```ts blocks of the README, in order. */
function typeScriptSnippets(markdown: string): string[] {
    return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
}

describe("README", () => {
    test("its testing-kit example is, word for word, the test that runs in npm test", () => {
        const example = fs.readFileSync(path.join(root, "test/e2e/testingKit.example.test.ts"), "utf8");
        expect(readme).toContain("```ts\n" + example + "```");
    });

    test("the quick start is exactly the two commands, and .ci/run runs what the test one runs", () => {
        expect(readme).toContain("npm ci && npm run demo");
        expect(readme).toContain("npm ci && npm test");
        // npm test is build, type-check, jest's everyday suites; test:all the same with every suite. CI runs
        // npm test itself (its jest on the unit suites, through .ci/runtimes.js unit) and then the e2e suites,
        // the thorough ones among them, on each runtime combination.
        const packageJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
            scripts: Record<string, string>;
        };
        expect(packageJson.scripts["test"]).toBe(
            "npm run build && npm run typecheck && jest --config jest.everyday.config.js",
        );
        expect(packageJson.scripts["test:all"]).toBe("npm run build && npm run typecheck && jest");
        const ci = fs.readFileSync(path.join(root, ".ci/run"), "utf8");
        expect(ci).toMatch(/^npm ci\b/m);
        expect(ci).toMatch(/^node \.ci\/runtimes\.js unit\b/m);
        const runtimes = fs.readFileSync(path.join(root, ".ci/runtimes.js"), "utf8");
        expect(runtimes).toMatch(/runRecorded\("unit", "npm", \["test", "--"/);
        expect(ci).toMatch(/^\s*node \.ci\/runtimes\.js e2e "\$combination"/m);
        expect(ci).toMatch(/^npm run demo\b/m);
    });

    test("every TypeScript snippet compiles in a CommonJS Pulumi program (Pulumi's template tsconfig), the packages installed packed", async () => {
        const snippets = typeScriptSnippets(readme);
        expect(snippets.length).toBeGreaterThanOrEqual(3);
        await ensureConsumerProgram();
        const files = Object.fromEntries(snippets.map((source, i) => [`readme-snippet-${i + 1}.ts`, source]));
        expect(consumerTypeErrors(files, PULUMI_TEMPLATE_TSCONFIG)).toEqual([]);
    }, 180_000);
});
