import { promises as fsp } from "fs";
import * as os from "os";
import * as path from "path";
import { dynamicResourceType, makeUrn, readProjectName } from "../../src/host/urn";

test("dynamic resource type tokens", () => {
    expect(dynamicResourceType("pim", "AlertConfiguration")).toBe("pulumi-nodejs:dynamic/pim:AlertConfiguration");
    expect(dynamicResourceType()).toBe("pulumi-nodejs:dynamic:Resource");
});

test("URN of a top-level resource", () => {
    expect(makeUrn("dev", "proj", "pulumi-nodejs:dynamic/pim:AlertConfiguration", "owners")).toBe(
        "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/pim:AlertConfiguration::owners",
    );
});

describe("readProjectName", () => {
    let dir: string;
    beforeEach(async () => {
        dir = await fsp.mkdtemp(path.join(os.tmpdir(), "urn-"));
    });
    afterEach(async () => {
        await fsp.rm(dir, { recursive: true, force: true });
    });

    test.each<[string, string, string | undefined]>([
        ["plain", "name: my-proj\nruntime: nodejs\n", "my-proj"],
        ["quoted with a comment", 'runtime: nodejs\nname: "quoted"  # the project\n', "quoted"],
        ["single-quoted", "name: 'single'\n", "single"],
        ["only a nested name", "runtime:\n  name: nodejs\n", undefined],
    ])("%s", async (_what, yaml, expected) => {
        await fsp.writeFile(path.join(dir, "Pulumi.yaml"), yaml);
        expect(readProjectName(dir)).toBe(expected);
    });

    test("no Pulumi.yaml", () => {
        expect(readProjectName(dir)).toBeUndefined();
    });
});
