import { adviceFor } from "../../../src/http/advice";

describe("advice for Graph failures", () => {
    test("a 403 names the permission, the consent, the role and what was being changed", () => {
        const advice = adviceFor("graph", 403, {
            description: "directory alert configuration StaleSignInAlert in tenant t",
        });
        expect(advice).toBe(
            "The identity needs the Microsoft Graph permission RoleManagementAlert.ReadWrite.Directory, with admin consent, " +
                "to change directory alert configuration StaleSignInAlert in tenant t (RoleManagementAlert.Read.Directory is enough to read); " +
                "a signed-in user also needs the Privileged Role Administrator role (Global Reader, Security Administrator and Security Reader can only read)",
        );
    });

    test.each<[number, string]>([
        [401, "Microsoft Graph did not accept the credentials"],
        [404, "directory alert StaleSignInAlert in tenant t was not found: check the tenant id and the alert id"],
        [429, "Microsoft Graph is throttling the requests after 7 attempts"],
        [503, "The service failed after 7 attempts"],
    ])("%d: %s", (status, text) => {
        expect(
            adviceFor(
                "graph",
                status,
                { description: "directory alert StaleSignInAlert in tenant t" },
                { attempts: 7 },
            ),
        ).toContain(text);
    });

    test("no 'after all retries' when none was made: the advice says why it was sent once", () => {
        const advice = adviceFor(
            "arm",
            500,
            {},
            { attempts: 1, notRetried: "a POST is only retried when the service certainly did not act on it" },
        );
        expect(advice).toBe(
            "The service failed (not retried: a POST is only retried when the service certainly did not act on it); run again (every write of this provider is safe to repeat)",
        );
    });
});
