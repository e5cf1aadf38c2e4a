/**
 * What to tell a user about a failed call, looked up by API and HTTP status (no regexes on messages).
 */

/** Which Azure API answered. */
export type AzureApi = "arm" | "graph";

/** What the caller knows about the request, to make the advice concrete. */
export interface RequestSubject {
    /** e.g. `alert configuration TooManyOwnersAssignedToResource at /subscriptions/...` */
    readonly description?: string;
    /** The ARM scope, when there is one. */
    readonly scope?: string;
}

const SIGN_IN =
    "Sign in: locally run `az login`; in a pipeline give the identity to DefaultAzureCredential " +
    "(AZURE_CLIENT_ID + AZURE_TENANT_ID with AZURE_CLIENT_SECRET or a federated token / workload identity, " +
    "or a managed identity), or set pim-alerts:tenantId, pim-alerts:clientId and the secret pim-alerts:clientSecret";

/** How the request went: how many attempts, and why it was not retried (when it was sent once). */
export interface AttemptHistory {
    readonly attempts: number;
    readonly notRetried?: string | undefined;
}

type AdviceFor = (subject: RequestSubject, history: AttemptHistory) => string;

const tried = (h: AttemptHistory) =>
    h.attempts > 1 ? `after ${h.attempts} attempts` : `(not retried: ${h.notRetried ?? "not a transient failure"})`;

const ADVICE: Readonly<Record<AzureApi, Readonly<Record<number, AdviceFor>>>> = {
    arm: {
        401: () => `Azure Resource Manager did not accept the credentials. ${SIGN_IN}`,
        403: (s) =>
            `The identity is missing the permission Microsoft.Authorization/roleAssignments/write` +
            `${s.scope ? ` on ${s.scope}` : ""} (held by the Owner and User Access Administrator roles); ` +
            "reading alerts needs Microsoft.Authorization/roleAssignments/read",
        404: (s) =>
            `${s.description ?? "The object"} was not found: check that the scope exists, is spelled right, ` +
            "and that the identity can see it",
        429: (_s, h) =>
            `Azure Resource Manager is throttling the requests ${tried(h)}; run again later, or lower pim-alerts:maxConcurrentRequests`,
    },
    graph: {
        401: () => `Microsoft Graph did not accept the credentials. ${SIGN_IN}`,
        403: (s) =>
            "The identity needs the Microsoft Graph permission RoleManagementAlert.ReadWrite.Directory, with admin consent, " +
            `to change ${s.description ?? "directory-role PIM alerts"} (RoleManagementAlert.Read.Directory is enough to read); ` +
            "a signed-in user also needs the Privileged Role Administrator role (Global Reader, Security Administrator and Security Reader can only read)",
        404: (s) => `${s.description ?? "The object"} was not found: check the tenant id and the alert id`,
        429: (_s, h) =>
            `Microsoft Graph is throttling the requests ${tried(h)}; run again later, or lower pim-alerts:maxConcurrentRequests`,
    },
};

/** Advice for a failed call, or undefined when there is nothing useful to add. */
export function adviceFor(
    api: AzureApi,
    status: number,
    subject: RequestSubject,
    history: AttemptHistory = { attempts: 1 },
): string | undefined {
    const specific = ADVICE[api][status];
    if (specific) return specific(subject, history);
    if (status >= 500)
        return `The service failed ${tried(history)}; run again (every write of this provider is safe to repeat)`;
    return undefined;
}
