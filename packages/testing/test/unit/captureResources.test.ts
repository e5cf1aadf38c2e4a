import {
    programConfigEnvironment,
    serializedProvider,
    type CapturedResource,
} from "../../src/capture/captureResources";
import { secret } from "../../src/host/secrets";

describe("programConfigEnvironment: stack config as the language host passes it to a program", () => {
    test("plain strings as-is, structured values as JSON, secrets listed by key, undefined skipped", () => {
        const env = programConfigEnvironment({
            "pim-alerts:armEndpoint": "http://127.0.0.1:1",
            "pim-alerts:clientSecret": secret("s3cr3t"),
            "pim-alerts:retries": 3,
            "pim-alerts:scopes": secret(["a", "b"]),
            "pim-alerts:unset": undefined,
        });
        expect(JSON.parse(env.PULUMI_CONFIG)).toEqual({
            "pim-alerts:armEndpoint": "http://127.0.0.1:1",
            "pim-alerts:clientSecret": "s3cr3t",
            "pim-alerts:retries": "3",
            "pim-alerts:scopes": '["a","b"]',
        });
        expect(JSON.parse(env.PULUMI_CONFIG_SECRET_KEYS)).toEqual(["pim-alerts:clientSecret", "pim-alerts:scopes"]);
    });
});

describe("serializedProvider", () => {
    const base = {
        type: "pulumi-nodejs:dynamic/echo:Echo",
        name: "e",
        urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/echo:Echo::e",
    };

    test("returns the text, unwrapping a secret envelope", () => {
        const plain: CapturedResource = { ...base, inputs: { __provider: "exports.handler = 1;" } };
        const secretOne: CapturedResource = {
            ...base,
            inputs: { __provider: secret("exports.handler = 2;") as unknown as string },
        };
        expect(serializedProvider(plain)).toBe("exports.handler = 1;");
        expect(serializedProvider(secretOne)).toBe("exports.handler = 2;");
    });

    test("a resource without __provider is an error naming its URN", () => {
        expect(() => serializedProvider({ ...base, inputs: {} })).toThrow(`${base.urn} has no __provider string`);
    });
});
