import { createScopeListCache } from "../../../src/arm/scopeListCache";

const SUB_A = "/subscriptions/00000000-0000-0000-0000-00000000000a";
const SUB_B = "/subscriptions/00000000-0000-0000-0000-00000000000b";

/** A list function that counts calls and answers `items` (or the failures queued in `failures`). */
function fakeLister(items: Record<string, number> = { Owners: 1, Duplicate: 2 }) {
    const calls: string[] = [];
    const failures: Error[] = [];
    const list = async (scope: string) => {
        calls.push(scope);
        const failure = failures.shift();
        if (failure) throw failure;
        return new Map(Object.entries(items));
    };
    return { calls, failures, list };
}

describe("scope list cache", () => {
    test("reads at one scope share one list; another scope gets its own", async () => {
        const lister = fakeLister();
        const cache = createScopeListCache({ list: lister.list, ttlMs: 30_000 });
        expect(await cache.get(SUB_A, "Owners")).toBe(1);
        expect(await cache.get(SUB_A, "Duplicate")).toBe(2);
        expect(await cache.get(SUB_B, "Owners")).toBe(1);
        expect(lister.calls).toEqual([SUB_A, SUB_B]);
        expect(cache.listsStarted).toBe(2);
    });

    test("scopes and keys match ignoring case, as ARM ids do", async () => {
        const lister = fakeLister();
        const cache = createScopeListCache({ list: lister.list, ttlMs: 30_000 });
        await cache.get(SUB_A, "owners");
        expect(await cache.get(SUB_A.toUpperCase(), "OWNERS")).toBe(1);
        expect(lister.calls).toHaveLength(1);
    });

    test("an id the list does not have is undefined (the caller decides what that means)", async () => {
        const cache = createScopeListCache({ list: fakeLister().list, ttlMs: 30_000 });
        expect(await cache.get(SUB_A, "Nope")).toBeUndefined();
    });

    test("concurrent reads of one scope wait for the same list", async () => {
        const lister = fakeLister();
        const cache = createScopeListCache({ list: lister.list, ttlMs: 30_000 });
        const values = await Promise.all([cache.get(SUB_A, "Owners"), cache.get(SUB_A, "Duplicate"), cache.get(SUB_A, "Owners")]);
        expect(values).toEqual([1, 2, 1]);
        expect(lister.calls).toHaveLength(1);
    });

    test("a list answers reads for ttlMs after it was sent, then the scope is listed again", async () => {
        let now = 1_000;
        const lister = fakeLister();
        const cache = createScopeListCache({ list: lister.list, ttlMs: 500, now: () => now });
        await cache.get(SUB_A, "Owners");
        now += 499;
        await cache.get(SUB_A, "Owners");
        expect(lister.calls).toHaveLength(1);
        now += 1;
        await cache.get(SUB_A, "Owners");
        expect(lister.calls).toHaveLength(2);
    });

    test("invalidate makes the next read list the scope again; other scopes keep theirs", async () => {
        const lister = fakeLister();
        const cache = createScopeListCache({ list: lister.list, ttlMs: 30_000 });
        await cache.get(SUB_A, "Owners");
        await cache.get(SUB_B, "Owners");
        cache.invalidate(SUB_A.toUpperCase());
        await cache.get(SUB_A, "Owners");
        await cache.get(SUB_B, "Owners");
        expect(lister.calls).toEqual([SUB_A, SUB_B, SUB_A]);
    });

    test("a failed list fails the reads waiting for it and is not kept", async () => {
        const lister = fakeLister();
        lister.failures.push(new Error("GET ... failed with 500"));
        const cache = createScopeListCache({ list: lister.list, ttlMs: 30_000 });
        await expect(Promise.all([cache.get(SUB_A, "Owners"), cache.get(SUB_A, "Duplicate")])).rejects.toThrow("failed with 500");
        expect(await cache.get(SUB_A, "Owners")).toBe(1);
        expect(lister.calls).toHaveLength(2);
    });

    test("a write during a list in flight: the list answers its waiters, the next read lists again", async () => {
        let release: () => void = () => undefined;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const calls: number[] = [];
        const cache = createScopeListCache({
            list: async () => {
                calls.push(calls.length);
                if (calls.length === 1) await gate;
                return new Map([["Owners", calls.length]]);
            },
            ttlMs: 30_000,
        });
        const during = cache.get(SUB_A, "Owners");
        cache.invalidate(SUB_A);
        release();
        expect(await during).toBe(1);
        expect(await cache.get(SUB_A, "Owners")).toBe(2);
    });
});
