/** An ARM scope as requested, and the key its state is stored under. */
export interface ArmScope {
    /** The scope as the caller wrote it (case kept), without leading or trailing slash. */
    readonly requested: string;
    /**
     * Lower-case key; `providers/Microsoft.Subscription/subscriptions/x` shares the state of
     * `subscriptions/x`, because both name the same subscription.
     */
    readonly key: string;
}

const SUBSCRIPTION_SCOPE = /^subscriptions\/[^/]+(?:\/resourcegroups\/[^/]+(?:\/providers\/[^/]+(?:\/[^/]+\/[^/]+)+)?)?$/i;
const MANAGEMENT_GROUP_SCOPE = /^providers\/microsoft\.management\/managementgroups\/[^/]+$/i;
const SUBSCRIPTION_PROVIDER_PREFIX = /^providers\/microsoft\.subscription\//i;

/**
 * Parses the `{scope}` part of an ARM URL: a subscription, resource group, resource (any depth of
 * child resources), management group, or the `providers/Microsoft.Subscription/subscriptions/...`
 * form of the first three. Returns `undefined` for anything else.
 * @param raw - The decoded path before `/providers/Microsoft.Authorization/`, slashes in any number.
 */
export function parseArmScope(raw: string): ArmScope | undefined {
    const requested = raw
        .split("/")
        .filter((segment) => segment !== "")
        .join("/");
    const withoutSubscriptionProvider = requested.replace(SUBSCRIPTION_PROVIDER_PREFIX, "");
    const valid = MANAGEMENT_GROUP_SCOPE.test(requested) || SUBSCRIPTION_SCOPE.test(withoutSubscriptionProvider);
    if (!valid) return undefined;
    return { requested, key: withoutSubscriptionProvider.toLowerCase() };
}

/**
 * The `/providers/Microsoft.Subscription/...` form the examples use in `resourceLocation`, for
 * subscription-based scopes; other scopes are returned unchanged.
 * @param scope - A parsed scope.
 */
export function subscriptionProviderForm(scope: ArmScope): string {
    if (SUBSCRIPTION_PROVIDER_PREFIX.test(scope.requested)) return scope.requested;
    if (/^subscriptions\//i.test(scope.requested)) return `providers/Microsoft.Subscription/${scope.requested}`;
    return scope.requested;
}
