import { expect } from "@jest/globals";
import { API, PROVIDER, send, useEmulator } from "./support";

const emulator = useEmulator({ pageSize: 1, retryAfterSeconds: 0 });

interface ListPage {
    value: Array<{ name: string }>;
    nextLink?: string;
}

async function collect(firstUrl: string): Promise<{ names: string[]; pages: number; links: string[] }> {
    const names: string[] = [];
    const links: string[] = [];
    let url: string | undefined = firstUrl;
    let pages = 0;
    while (url !== undefined) {
        const response = await send(emulator(), "GET", url);
        expect(response.status).toBe(200);
        const page = response.json as ListPage;
        names.push(...page.value.map((item) => item.name));
        pages += 1;
        url = page.nextLink;
        if (url !== undefined) links.push(url);
    }
    return { names, pages, links };
}

describe("paging", () => {
    test.each(["roleManagementAlerts", "roleManagementAlertConfigurations", "roleManagementAlertDefinitions"])(
        "%s with page size 1 spans four pages linked by absolute nextLinks",
        async (collection) => {
            const { names, pages, links } = await collect(`${PROVIDER}/${collection}${API}`);
            expect(pages).toBe(4);
            expect(new Set(names).size).toBe(4);
            for (const link of links) {
                expect(link.startsWith(`${emulator().url}${PROVIDER}/${collection}?`)).toBe(true);
                expect(new URL(link).searchParams.get("api-version")).toBe("2022-08-01-preview");
            }
        },
    );

    test("incidents page too", async () => {
        const { names } = await collect(
            `${PROVIDER}/roleManagementAlerts/AzureRolesAssignedOutsidePimAlert/alertIncidents${API}`,
        );
        expect(names).toHaveLength(2);
    });

    test("setPageSize changes the page size at run time", async () => {
        emulator().admin.setPageSize(3);
        const { pages } = await collect(`${PROVIDER}/roleManagementAlerts${API}`);
        expect(pages).toBe(2);
    });

    test("a forged skip token answers 400 InvalidSkipToken", async () => {
        const response = await send(emulator(), "GET", `${PROVIDER}/roleManagementAlerts${API}&$skipToken=abc`);
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({ error: { code: "InvalidSkipToken" } });
    });
});
