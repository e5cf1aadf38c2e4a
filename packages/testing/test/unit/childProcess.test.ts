import { spawn } from "child_process";
import {
    LineSplitter,
    PARENT_WATCHDOG_SOURCE,
    isRunning,
    terminate,
    trackChild,
    waitForExit,
} from "../../src/childProcess";

describe("LineSplitter", () => {
    test("joins chunks, splits LF and CRLF, keeps the incomplete tail until flush", () => {
        const lines = new LineSplitter();
        expect(lines.push("12345")).toEqual([]);
        expect(lines.push("\nfirst\r\nsec")).toEqual(["12345", "first"]);
        expect(lines.push("ond\n\n")).toEqual(["second", ""]);
        expect(lines.push("tail")).toEqual([]);
        expect(lines.flush()).toEqual(["tail"]);
        expect(lines.flush()).toEqual([]);
    });
});

describe("terminate", () => {
    test("a child running the watchdog exits cleanly as soon as its stdin is closed", async () => {
        const child = spawn(process.execPath, ["-e", `${PARENT_WATCHDOG_SOURCE}setInterval(() => {}, 1000);`], {
            stdio: ["pipe", "ignore", "ignore"],
        });
        trackChild(child);
        await new Promise((resolve) => child.once("spawn", resolve));
        expect(isRunning(child)).toBe(true);
        const started = Date.now();
        await terminate(child, 5000);
        expect(Date.now() - started).toBeLessThan(5000);
        expect(child.exitCode).toBe(0);
        expect(child.signalCode).toBeNull();
    });

    test("a child that ignores stdin and SIGTERM is SIGKILLed, within the bounds", async () => {
        const child = spawn(
            process.execPath,
            ["-e", "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('ready');"],
            {
                stdio: ["pipe", "pipe", "ignore"],
            },
        );
        trackChild(child);
        await new Promise((resolve) => child.stdout?.once("data", resolve));
        const started = Date.now();
        await terminate(child, 300);
        expect(child.signalCode).toBe("SIGKILL");
        expect(Date.now() - started).toBeLessThan(3000);
    });

    test("waitForExit gives up after its timeout and reports the child as running", async () => {
        const child = spawn(process.execPath, ["-e", `${PARENT_WATCHDOG_SOURCE}setInterval(() => {}, 1000);`], {
            stdio: ["pipe", "ignore", "ignore"],
        });
        trackChild(child);
        try {
            expect(await waitForExit(child, 100)).toBe(false);
        } finally {
            await terminate(child);
        }
        expect(await waitForExit(child, 100)).toBe(true);
    });
});
