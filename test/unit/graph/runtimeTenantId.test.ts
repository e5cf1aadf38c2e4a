// The tenant id is found once per provider process: config, else the Graph token's tid, else the list.
import type * as Runtime from "../../../src/provider/runtime";

const TENANT = "44444444-4444-4444-4444-444444444444";
const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.s`;

let token: string;
let listedIds: string[];
let lists: number;
let tokens: number;

jest.mock("../../../src/auth/tokenSource", () => ({
    createCredential: jest.fn(),
    createTokenSource: () => ({
        requests: new Map(),
        getToken: async () => {
            tokens++;
            return token;
        },
    }),
}));
jest.mock("../../../src/graph/alertsClient", () => ({
    createDirectoryAlertsClient: () => ({
        listConfigurationIds: async () => {
            lists++;
            return listedIds;
        },
    }),
}));

/** A fresh provider process: the runtime module with no state. */
function freshRuntime(config: Record<string, string> = {}): typeof Runtime {
    let runtime: typeof Runtime | undefined;
    jest.isolateModules(() => {
        runtime = jest.requireActual<typeof Runtime>("../../../src/provider/runtime");
    });
    (runtime as typeof Runtime).configureRuntime((key) => config[key], {});
    return runtime as typeof Runtime;
}

beforeEach(() => {
    token = jwt({ tid: TENANT });
    listedIds = [];
    lists = 0;
    tokens = 0;
});

describe("directoryTenantId", () => {
    test("a configured GUID is used without a token", async () => {
        const runtime = freshRuntime({ "pim-alerts:tenantId": "55555555-5555-5555-5555-555555555555" });
        await expect(runtime.directoryTenantId()).resolves.toBe("55555555-5555-5555-5555-555555555555");
        expect(tokens).toBe(0);
    });

    test("else the token's tid, found once per process", async () => {
        const runtime = freshRuntime();
        await expect(Promise.all([runtime.directoryTenantId(), runtime.directoryTenantId()])).resolves.toEqual([
            TENANT,
            TENANT,
        ]);
        await expect(runtime.directoryTenantId()).resolves.toBe(TENANT);
        expect(tokens).toBe(1);
        expect(lists).toBe(0);
    });

    test("else the listed ids; a failure is not cached", async () => {
        token = "an-opaque-secret-token";
        const runtime = freshRuntime();
        const error = await runtime.directoryTenantId().catch((e: unknown) => e);
        expect(String(error)).toContain("set pim-alerts:tenantId to the tenant's GUID");
        expect(String(error)).not.toContain("an-opaque-secret-token");
        listedIds = [`DirectoryRole_${TENANT}_StaleSignInAlert`];
        await expect(runtime.directoryTenantId()).resolves.toBe(TENANT);
        await expect(runtime.directoryTenantId()).resolves.toBe(TENANT);
        expect(lists).toBe(2);
    });

    test("graphTokenClaims gives the claims, never the token", async () => {
        const runtime = freshRuntime();
        await expect(runtime.graphTokenClaims()).resolves.toEqual({ tid: TENANT });
    });
});
