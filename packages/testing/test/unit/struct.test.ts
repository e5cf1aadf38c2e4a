import { NotJsonError, decodeStruct, toWireObject } from "../../src/host/struct";

describe("toWireObject: what the engine could send", () => {
    test("drops undefined members at any depth, keeps null, false, 0 and empty strings", () => {
        expect(
            toWireObject({
                a: undefined,
                b: null,
                c: { d: undefined, e: [1, { f: undefined, g: "" }] },
                h: false,
                i: 0,
            }),
        ).toEqual({
            b: null,
            c: { e: [1, { g: "" }] },
            h: false,
            i: 0,
        });
        expect(Object.keys(toWireObject({ a: undefined }))).toEqual([]);
    });

    test("undefined input is an empty object", () => {
        expect(toWireObject(undefined)).toEqual({});
    });

    test("objects with a null prototype and shared (non-cyclic) references are fine", () => {
        const shared = { x: 1 };
        const bare = Object.assign(Object.create(null) as Record<string, unknown>, { k: "v" });
        expect(toWireObject({ a: shared, b: shared, bare })).toEqual({ a: { x: 1 }, b: { x: 1 }, bare: { k: "v" } });
    });

    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;

    test.each<[string, Record<string, unknown>, string, RegExp]>([
        ["NaN", { n: Number.NaN }, "props.n", /the number NaN/],
        ["Infinity", { deep: { n: Number.POSITIVE_INFINITY } }, "props.deep.n", /the number Infinity/],
        ["a function", { f: () => 1 }, "props.f", /a function/],
        ["a bigint", { b: BigInt(1) }, "props.b", /a bigint/],
        ["a symbol", { s: Symbol("s") }, "props.s", /a symbol/],
        ["a Date", { when: new Date(0) }, "props.when", /an instance of Date/],
        ["a Map", { m: new Map() }, "props.m", /an instance of Map/],
        ["undefined in an array", { list: [1, undefined] }, "props.list[1]", /undefined/],
        ["a cycle", cyclic, "props.self", /circular/],
    ])("rejects %s, naming the path", (_what, value, path, description) => {
        let error: unknown;
        try {
            toWireObject(value, "props");
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(NotJsonError);
        expect((error as NotJsonError).path).toBe(path);
        expect((error as NotJsonError).message).toMatch(description);
        expect((error as NotJsonError).message).toContain("protobuf Struct");
    });
});

describe("decodeStruct", () => {
    test("an absent Struct is undefined; a present one is its JSON", () => {
        expect(decodeStruct(undefined)).toBeUndefined();
        expect(decodeStruct({ toJavaScript: () => ({ a: [1, "x", null], b: { c: true } }) })).toEqual({
            a: [1, "x", null],
            b: { c: true },
        });
    });
});
