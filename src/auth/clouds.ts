/**
 * The Azure clouds this package knows, each with its own endpoints and token audiences.
 */

/** A cloud name as written in `pim-alerts:cloud` / `PIM_ALERTS_CLOUD`. */
export type CloudName = "AzureCloud" | "AzureChinaCloud" | "AzureUSGovernment";

/** Endpoints and audiences of one cloud. */
export interface CloudEndpoints {
    readonly name: CloudName;
    /** Azure Resource Manager, no trailing slash. */
    readonly armEndpoint: string;
    /** The token scope for ARM. */
    readonly armAudience: string;
    /** Microsoft Graph beta base, no trailing slash. */
    readonly graphEndpoint: string;
    /** The token scope for Microsoft Graph. */
    readonly graphAudience: string;
    /** Microsoft Entra authority host. */
    readonly authorityHost: string;
}

export const CLOUDS: Readonly<Record<CloudName, CloudEndpoints>> = {
    AzureCloud: {
        name: "AzureCloud",
        armEndpoint: "https://management.azure.com",
        armAudience: "https://management.azure.com/.default",
        graphEndpoint: "https://graph.microsoft.com/beta",
        graphAudience: "https://graph.microsoft.com/.default",
        authorityHost: "https://login.microsoftonline.com",
    },
    AzureChinaCloud: {
        name: "AzureChinaCloud",
        armEndpoint: "https://management.chinacloudapi.cn",
        armAudience: "https://management.chinacloudapi.cn/.default",
        graphEndpoint: "https://microsoftgraph.chinacloudapi.cn/beta",
        graphAudience: "https://microsoftgraph.chinacloudapi.cn/.default",
        authorityHost: "https://login.chinacloudapi.cn",
    },
    AzureUSGovernment: {
        name: "AzureUSGovernment",
        armEndpoint: "https://management.usgovcloudapi.net",
        armAudience: "https://management.usgovcloudapi.net/.default",
        graphEndpoint: "https://graph.microsoft.us/beta",
        graphAudience: "https://graph.microsoft.us/.default",
        authorityHost: "https://login.microsoftonline.us",
    },
};

/** azure-native's `environment` values, mapped to cloud names (so an existing stack config is honoured). */
export const AZURE_NATIVE_ENVIRONMENTS: Readonly<Record<string, CloudName>> = {
    public: "AzureCloud",
    china: "AzureChinaCloud",
    usgovernment: "AzureUSGovernment",
};

/** Narrows a string to a known cloud name (case-insensitive, returns the canonical spelling). */
export function findCloud(name: string): CloudName | undefined {
    return (Object.keys(CLOUDS) as CloudName[]).find((c) => c.toLowerCase() === name.toLowerCase());
}
