import { applyIgnoreChanges } from "../../../src/runner/ignoreChanges";
import { aliasUrns, generateUrn } from "../../../src/runner/urns";

const context = { stack: "dev", project: "p", aliasOf: (): string | undefined => undefined };

describe("URNs and aliases, as the engine computes them", () => {
    test("a child's URN carries its parents' types; the root stack does not count as a parent", () => {
        const stack = generateUrn("dev", "p", "", "pulumi:pulumi:Stack", "p-dev");
        expect(generateUrn("dev", "p", stack, "my:index:Policy", "policy")).toBe(
            "urn:pulumi:dev::p::my:index:Policy::policy",
        );
        const policy = "urn:pulumi:dev::p::my:index:Policy::policy";
        expect(generateUrn("dev", "p", policy, "pulumi-nodejs:dynamic/pim:AlertConfiguration", "owners")).toBe(
            "urn:pulumi:dev::p::my:index:Policy$pulumi-nodejs:dynamic/pim:AlertConfiguration::owners",
        );
    });

    test("an alias spec fills what it leaves empty from the resource; noParent drops the parent", () => {
        const parent = "urn:pulumi:dev::p::my:index:Policy::policy";
        const spec = (fields: object) => ({
            name: "",
            type: "",
            stack: "",
            project: "",
            parentUrn: "",
            noParent: false,
            ...fields,
        });
        expect(aliasUrns(context, "new", "t:m:T", parent, [spec({ name: "old" })])).toEqual([
            "urn:pulumi:dev::p::my:index:Policy$t:m:T::old",
        ]);
        expect(aliasUrns(context, "new", "t:m:T", parent, [spec({ noParent: true })])).toEqual([
            "urn:pulumi:dev::p::t:m:T::new",
        ]);
        expect(aliasUrns(context, "x", "t:m:T", "", [{ urn: "urn:pulumi:dev::p::t:m:T::y" }])).toEqual([
            "urn:pulumi:dev::p::t:m:T::y",
        ]);
    });

    test("a child named after its parent follows the parent's alias", () => {
        const parent = "urn:pulumi:dev::p::my:index:Policy::platform";
        const aliased = {
            ...context,
            aliasOf: (urn: string) => (urn === parent ? "urn:pulumi:dev::p::my:index:Policy::policy" : undefined),
        };
        expect(aliasUrns(aliased, "platform-owners", "t:m:T", parent, [])).toEqual([
            "urn:pulumi:dev::p::my:index:Policy$t:m:T::policy-owners",
        ]);
    });
});

describe("ignoreChanges paths", () => {
    test("reset the new value to the old one, remove it when the old has none, and follow nested keys and *", () => {
        const olds = { a: 1, nested: { x: 1, y: 2 }, "odd.key": "o" };
        const news = { a: 2, b: 3, nested: { x: 9, y: 2 }, "odd.key": "n" };
        expect(applyIgnoreChanges(news, olds, ["a", "b", "nested.x", '["odd.key"]']).inputs).toEqual({
            a: 1,
            nested: { x: 1, y: 2 },
            "odd.key": "o",
        });
        expect(applyIgnoreChanges(news, olds, ["*"]).inputs).toEqual(olds);
        expect(news).toEqual({ a: 2, b: 3, nested: { x: 9, y: 2 }, "odd.key": "n" });
    });

    test("a path that cannot be followed in both is reported, as the engine reports it", () => {
        expect(applyIgnoreChanges({ a: { b: 1 } }, {}, ["a.b"]).invalid).toEqual(["a.b"]);
    });
});
