/**
 * Mocks for resources and functions that are not this package's (e.g. @pulumi/azure-native), so an
 * example program that takes its scope from them runs without Azure. Values are realistic ARM ids.
 */

/** The subscription the mocks pretend to be signed in to. */
export const DEFAULT_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000001";

/** State for a mocked resource of another package. */
export function foreignResource(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    subscriptionId: string,
): { id: string; state: Record<string, unknown> } {
    if (type === "azure-native:resources:ResourceGroup") {
        const groupName = typeof inputs["resourceGroupName"] === "string" ? inputs["resourceGroupName"] : name;
        const id = `/subscriptions/${subscriptionId}/resourceGroups/${groupName}`;
        return { id, state: { ...inputs, name: groupName, id } };
    }
    return { id: `${name}-id`, state: inputs };
}

/** Result of a mocked function call of another package. */
export function foreignCall(
    token: string,
    inputs: Record<string, unknown>,
    subscriptionId: string,
    tenantId: string,
): Record<string, unknown> {
    if (token === "azure-native:authorization:getClientConfig") {
        return {
            subscriptionId,
            tenantId,
            clientId: "00000000-0000-0000-0000-00000000c11e",
            objectId: "00000000-0000-0000-0000-0000000000b1",
        };
    }
    return inputs;
}
