// The functions build their settings in the program's process: stack config first, then the environment.
import * as pulumi from "@pulumi/pulumi";
import * as pim from "../../../src/index";
import { resetProgramClients } from "../../../src/functions/programClients";
import { SUB, useProgramEmulator } from "./support";

const emulator = useProgramEmulator();
const SECRET = "s3cr3t-value-never-printed";

afterEach(() => {
    pulumi.runtime.setAllConfig({});
    resetProgramClients();
});

function useStackConfig(config: Record<string, string>, secretKeys: string[] = []): void {
    pulumi.runtime.setAllConfig(config, secretKeys);
    resetProgramClients();
}

test("pim-alerts:armEndpoint in the stack config wins over PIM_ALERTS_ARM_ENDPOINT", async () => {
    const saved = process.env["PIM_ALERTS_ARM_ENDPOINT"];
    process.env["PIM_ALERTS_ARM_ENDPOINT"] = "http://127.0.0.1:9";
    try {
        useStackConfig({ "pim-alerts:armEndpoint": emulator().url });
        expect((await pim.getAlerts({ scope: SUB })).alerts).toHaveLength(4);
    } finally {
        process.env["PIM_ALERTS_ARM_ENDPOINT"] = saved;
    }
});

test("the tenant id configured as pim-alerts:tenantId addresses the directory alerts", async () => {
    useStackConfig({ "pim-alerts:tenantId": "99999999-9999-9999-9999-999999999999" });
    await expect(pim.getAlertIncidents({ scope: "directory", alertId: "StaleSignInAlert" })).rejects.toThrow(
        /DirectoryRole_99999999-9999-9999-9999-999999999999_StaleSignInAlert.* failed with 404/,
    );
});

test.each([
    [
        "an unknown cloud",
        { "pim-alerts:cloud": "Mars" },
        'pim-alerts:cloud is "Mars"; allowed: AzureCloud, AzureChinaCloud, AzureUSGovernment',
    ],
    [
        "an endpoint that is not a URL",
        { "pim-alerts:graphEndpoint": "graph" },
        'pim-alerts:graphEndpoint is "graph", which is not an absolute URL',
    ],
])("invalid config (%s) is a rejected promise naming the key", async (_what, config, message) => {
    useStackConfig(config);
    await expect(pim.getAlertDefinitions({ scope: "directory" })).rejects.toThrow(message);
});

test("a configured client secret appears in no error message", async () => {
    useStackConfig(
        {
            "pim-alerts:tenantId": emulator().tenantId,
            "pim-alerts:clientId": "app-1",
            "pim-alerts:clientSecret": SECRET,
            "pim-alerts:authorityHost": emulator().url,
        },
        ["pim-alerts:clientSecret"],
    );
    const error: unknown = await pim.getAlerts({ scope: SUB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    // @azure/identity refuses an http authority before any request: the failure names the setting, not the secret.
    expect((error as Error).message).toMatch(/authorityHost/);
    expect(`${(error as Error).message}\n${(error as Error).stack ?? ""}`).not.toContain(SECRET);
});
