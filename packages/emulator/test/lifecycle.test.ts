import { expect } from "@jest/globals";
import { Agent, request } from "node:http";
import { startEmulator } from "../src";

function keepAliveGet(url: string, agent: Agent): Promise<number> {
    return new Promise((resolve, reject) => {
        request(url, { agent }, (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
        })
            .on("error", reject)
            .end();
    });
}

describe("emulator lifecycle", () => {
    test("listens on 127.0.0.1 at a free port and stop() closes kept-alive connections at once", async () => {
        const emulator = await startEmulator();
        expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
        const agent = new Agent({ keepAlive: true });
        expect(await keepAliveGet(`${emulator.url}/_emulator/health`, agent)).toBe(200);
        const started = Date.now();
        await emulator.stop();
        expect(Date.now() - started).toBeLessThan(1000);
        await expect(keepAliveGet(`${emulator.url}/_emulator/health`, agent)).rejects.toThrow();
        agent.destroy();
    });

    test("stop() also ends hung requests, and may be called twice", async () => {
        const emulator = await startEmulator();
        emulator.admin.injectFault({ hang: true });
        const pending = fetch(
            `${emulator.url}/subscriptions/x/providers/Microsoft.Authorization/roleManagementAlerts`,
        ).catch((error: unknown) => error);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await Promise.all([emulator.stop(), emulator.stop()]);
        expect(String(await pending)).toContain("fetch failed");
    });

    test("the port option is honoured and the tenant id is configurable", async () => {
        const probe = await startEmulator();
        const port = probe.port;
        await probe.stop();
        const emulator = await startEmulator({ port, tenantId: "11111111-1111-4111-8111-111111111111" });
        try {
            expect(emulator.port).toBe(port);
            expect(emulator.tenantId).toBe("11111111-1111-4111-8111-111111111111");
        } finally {
            await emulator.stop();
        }
    });
});
