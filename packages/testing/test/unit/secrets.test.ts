import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { SECRET_SIG, SPECIAL_SIG_KEY, isSecret, secret, unwrapSecret } from "../../src/host/secrets";

describe("secret envelope", () => {
    test("uses the SDK's own signature constants", () => {
        expect(SPECIAL_SIG_KEY).toBe(rpc.specialSigKey);
        expect(SECRET_SIG).toBe(rpc.specialSecretSig);
    });

    test("secret() produces the wire form the SDK unwraps", () => {
        expect(secret("s3cr3t")).toEqual({
            "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
            value: "s3cr3t",
        });
        expect(rpc.unwrapRpcSecret(secret("s3cr3t"))).toBe("s3cr3t");
        expect(rpc.isRpcSecret(secret({ nested: 1 }))).toBe(true);
    });

    test.each<[string, unknown, boolean]>([
        ["an envelope", secret(1), true],
        ["an envelope of undefined", secret(undefined), true],
        ["a string", "x", false],
        ["null", null, false],
        ["the signature without a value", { [SPECIAL_SIG_KEY]: SECRET_SIG }, false],
        ["another signature", { [SPECIAL_SIG_KEY]: "5cf8f73096256a8f31e491e813e4eb8e", value: 1 }, false],
    ])("isSecret(%s) is %s", (_what, value, expected) => {
        expect(isSecret(value)).toBe(expected);
    });

    test("unwrapSecret returns the plaintext, and other values unchanged", () => {
        expect(unwrapSecret(secret("p"))).toBe("p");
        const plain = { a: 1 };
        expect(unwrapSecret(plain)).toBe(plain);
    });
});
