import { resolveSettings } from "../../../src/clients/settings";

const config = (values: Record<string, string>) => (key: string) => values[key];

describe("provider settings", () => {
    test("default to the public cloud and its endpoints", () => {
        expect(resolveSettings(config({}), {})).toMatchObject({
            armEndpoint: "https://management.azure.com",
            graphEndpoint: "https://graph.microsoft.com/beta",
            authorityHost: "https://login.microsoftonline.com",
            tenantId: undefined,
            clientSecret: undefined,
            timeoutMs: 30_000,
        });
    });

    test.each([
        ["AzureChinaCloud", "https://management.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn/.default"],
        ["azureusgovernment", "https://management.usgovcloudapi.net", "https://graph.microsoft.us/.default"],
    ])("cloud %s has its own endpoints and audiences", (cloud, arm, graphAudience) => {
        const settings = resolveSettings(config({ "pim-alerts:cloud": cloud }), {});
        expect(settings.armEndpoint).toBe(arm);
        expect(settings.cloud.graphAudience).toBe(graphAudience);
    });

    test("pim-alerts config wins over the environment, which wins over azure-native config", () => {
        const settings = resolveSettings(
            config({
                "pim-alerts:armEndpoint": "http://127.0.0.1:1/",
                "azure-native:tenantId": "from-azure-native",
                "azure-native:clientId": "an-client",
            }),
            { PIM_ALERTS_ARM_ENDPOINT: "http://127.0.0.1:2", PIM_ALERTS_TENANT_ID: "from-env" },
        );
        expect(settings).toMatchObject({
            armEndpoint: "http://127.0.0.1:1",
            tenantId: "from-env",
            clientId: "an-client",
        });
    });

    test("azure-native's environment selects the cloud when pim-alerts:cloud is not set", () => {
        expect(resolveSettings(config({ "azure-native:environment": "usgovernment" }), {}).cloud.name).toBe(
            "AzureUSGovernment",
        );
    });

    test("the environment variables of the issue are read", () => {
        const settings = resolveSettings(config({}), {
            PIM_ALERTS_CLOUD: "AzureChinaCloud",
            PIM_ALERTS_GRAPH_ENDPOINT: "http://127.0.0.1:9/beta",
        });
        expect(settings.cloud.name).toBe("AzureChinaCloud");
        expect(settings.graphEndpoint).toBe("http://127.0.0.1:9/beta");
    });

    test.each([
        [
            { "pim-alerts:cloud": "Mars" },
            'pim-alerts:cloud is "Mars"; allowed: AzureCloud, AzureChinaCloud, AzureUSGovernment',
        ],
        [
            { "pim-alerts:armEndpoint": "management.azure.com" },
            'pim-alerts:armEndpoint is "management.azure.com", which is not an absolute URL',
        ],
        [
            { "pim-alerts:timeoutSeconds": "0" },
            'pim-alerts:timeoutSeconds is "0"; allowed: a number of seconds from 1 to 600',
        ],
        [
            { "pim-alerts:readCacheSeconds": "-1" },
            'pim-alerts:readCacheSeconds is "-1"; allowed: a number of seconds from 0 (off) to 300',
        ],
        [
            { "pim-alerts:graphEndpoint": "http://127.0.0.1:9" },
            'pim-alerts:graphEndpoint is "http://127.0.0.1:9", which is not Microsoft Graph beta: the PIM alerts of directory roles are only in the beta API, so the endpoint ends in /beta (e.g. "http://127.0.0.1:9/beta")',
        ],
        [
            { "pim-alerts:graphEndpoint": "https://graph.microsoft.com/v1.0" },
            '(e.g. "https://graph.microsoft.com/beta")',
        ],
    ])("rejects %j with a message naming the key, the value and what is allowed", (values, message) => {
        expect(() => resolveSettings(config(values), {})).toThrow(message);
    });

    test("refresh reads are coalesced for 30 s by default; readCacheSeconds (or its variable) changes that, 0 turns it off", () => {
        expect(resolveSettings(config({}), {}).readCacheMs).toBe(30_000);
        expect(resolveSettings(config({ "pim-alerts:readCacheSeconds": "0" }), {}).readCacheMs).toBe(0);
        expect(resolveSettings(config({}), { PIM_ALERTS_READ_CACHE_SECONDS: "2.5" }).readCacheMs).toBe(2_500);
    });

    test("waits between attempts are real unless a test bench scales them with PIM_ALERTS_RETRY_DELAY_SCALE (0 to 1)", () => {
        expect(resolveSettings(config({}), {}).retryDelayScale).toBe(1);
        expect(resolveSettings(config({}), { PIM_ALERTS_RETRY_DELAY_SCALE: "0.01" }).retryDelayScale).toBe(0.01);
        // Not stack config: a program's state never records it.
        expect(resolveSettings(config({ "pim-alerts:retryDelayScale": "0.5" }), {}).retryDelayScale).toBe(1);
        for (const bad of ["2", "-1", "fast"]) {
            expect(() => resolveSettings(config({}), { PIM_ALERTS_RETRY_DELAY_SCALE: bad })).toThrow(
                `PIM_ALERTS_RETRY_DELAY_SCALE is "${bad}"; allowed: a number from 0 to 1 (1 = real waits)`,
            );
        }
    });
});
