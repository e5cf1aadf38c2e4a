// Interop with @pulumi/azure-native: the scope of an alert configuration can come from any
// azure-native resource id, and the subscription from the signed-in client's configuration.
import * as authorization from "@pulumi/azure-native/authorization";
import * as resources from "@pulumi/azure-native/resources";
import * as pim from "pulumi-pim-alerts";

// The subscription the stack is signed in to (azure-native's own config and credentials).
const client = authorization.getClientConfigOutput();
const subscriptionScope = client.subscriptionId.apply((id) => `/subscriptions/${id}`);

new pim.AlertConfiguration("subscription-permanent-owners", {
    scope: subscriptionScope,
    alertId: "TooManyPermanentOwnersAssignedToResource",
    thresholdNumberOfPermanentOwners: 2,
});

// A resource group created in the same program: its id is an ARM scope.
const payments = new resources.ResourceGroup("payments", {
    resourceGroupName: "rg-payments-prod",
    location: "westeurope",
});

new pim.AlertConfiguration("payments-owners", {
    scope: payments.id,
    alertId: "TooManyOwnersAssignedToResource",
    isEnabled: true,
    thresholdNumberOfOwners: 2,
});

export const paymentsScope = payments.id;
