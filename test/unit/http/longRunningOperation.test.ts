// awaitOperation reads every shape of long-running operation an Azure service may answer with; a fake
// client plays the service and a fake clock records the waits (no real time passes).
import type { ApiClient, ApiRequest, ApiResponse } from "../../../src/http/apiClient";
import { OperationFailedError, OperationTimeoutError } from "../../../src/errors";
import { awaitOperation, type OperationStatus } from "../../../src/http/longRunningOperation";
import type { Clock } from "../../../src/http/retryPolicy";

interface Op extends OperationStatus {
    readonly id: string;
}

const BASE = "https://management.example";
const OP_URL = `${BASE}/operations/1`;
const ASYNC_URL = `${BASE}/asyncOperations/1`;

function reply(status: number, body?: unknown, headers: Record<string, string> = {}): ApiResponse {
    return { status, headers, body };
}

/** A client that answers GETs from a script, one answer per request, and records the URLs asked for. */
function scriptedClient(answers: ApiResponse[]): ApiClient & { readonly asked: string[] } {
    const asked: string[] = [];
    return {
        api: "arm",
        baseUrl: BASE,
        asked,
        send: (request: ApiRequest) => {
            asked.push(request.path);
            const next = answers.shift();
            if (next === undefined) throw new Error(`unexpected request ${request.method} ${request.path}`);
            return Promise.resolve(next);
        },
        listAll: () => Promise.reject(new Error("not used")),
        listPage: () => Promise.reject(new Error("not used")),
    };
}

/** A clock that moves only when the poller sleeps. */
function fakeTimer(): Clock & { readonly sleeps: number[] } {
    let now = 1_000_000;
    const sleeps: number[] = [];
    return {
        sleeps,
        now: () => now,
        sleep: (ms) => {
            sleeps.push(ms);
            now += ms;
            return Promise.resolve();
        },
    };
}

const reader = {
    read: (body: unknown): Op => {
        const b = body as { id?: string; status: string; statusDetail?: string };
        return { id: b.id ?? "", status: b.status, detail: b.statusDetail ?? "" };
    },
    succeededWithoutStatus: (last: Op | undefined): Op => ({ id: last?.id ?? "", status: "Succeeded", detail: "" }),
};

const run = (started: ApiResponse, answers: ApiResponse[], timer = fakeTimer(), timeoutMs?: number) => {
    const http = scriptedClient(answers);
    const options = { timer, defaultIntervalMs: 5000, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
    return { http, timer, result: awaitOperation(http, started, reader, "refresh of X", options) };
};

describe("awaitOperation", () => {
    test("Location: 202 while running (Microsoft's convention), then 200 with the final status", async () => {
        const started = reply(202, { id: "1", status: "Running" }, { location: OP_URL, "retry-after": "3" });
        const { http, timer, result } = run(started, [
            reply(202, { id: "1", status: "Running" }, { location: OP_URL, "retry-after": "2" }),
            reply(202, undefined, { location: OP_URL }),
            reply(200, { id: "1", status: "Succeeded", statusDetail: "done" }),
        ]);
        await expect(result).resolves.toEqual({ id: "1", status: "Succeeded", detail: "done" });
        expect(http.asked).toEqual([OP_URL, OP_URL, OP_URL]);
        expect(timer.sleeps).toEqual([3000, 2000, 5000]);
    });

    test("Location: 200 with status Running (the spec's AlertOperation_Get) is still running", async () => {
        const { http, result } = run(reply(202, undefined, { location: OP_URL }), [
            reply(200, { id: "1", status: "Running" }),
            reply(200, { id: "1", status: "notStarted" }),
            reply(200, { id: "1", status: "succeeded" }),
        ]);
        await expect(result).resolves.toMatchObject({ status: "succeeded" });
        expect(http.asked).toHaveLength(3);
    });

    test.each([
        ["200 without a body", reply(200)],
        ["204", reply(204)],
        ["200 with a body that has no status (the resource)", reply(200, { name: "TooManyOwners" })],
    ])("Location: %s ends it, keeping what the last status said", async (_what, end) => {
        const { result } = run(reply(202, { id: "7", status: "Running" }, { location: OP_URL }), [
            reply(202, undefined, { location: OP_URL }),
            end,
        ]);
        await expect(result).resolves.toEqual({ id: "7", status: "Succeeded", detail: "" });
    });

    test("Location: a 202 that names a new Location is followed there", async () => {
        const next = `${BASE}/operations/2`;
        const { http, result } = run(reply(202, undefined, { location: OP_URL }), [
            reply(202, undefined, { location: next }),
            reply(200, { status: "Succeeded" }),
        ]);
        await expect(result).resolves.toMatchObject({ status: "Succeeded" });
        expect(http.asked).toEqual([OP_URL, next]);
    });

    test("Azure-AsyncOperation is polled before Location; after success the Location holds the result", async () => {
        const started = reply(202, undefined, {
            "azure-asyncoperation": ASYNC_URL,
            location: OP_URL,
            "retry-after-ms": "250",
        });
        const { http, timer, result } = run(started, [
            reply(200, { status: "InProgress" }),
            reply(200, { status: "Succeeded" }),
            reply(200, { id: "1", status: "Succeeded", statusDetail: "scan complete" }),
        ]);
        await expect(result).resolves.toEqual({ id: "1", status: "Succeeded", detail: "scan complete" });
        expect(http.asked).toEqual([ASYNC_URL, ASYNC_URL, OP_URL]);
        expect(timer.sleeps).toEqual([250, 5000]);
    });

    test("Azure-AsyncOperation without a Location: the operation's own body is the result", async () => {
        const { http, result } = run(reply(201, { status: "Accepted" }, { "azure-asyncoperation": ASYNC_URL }), [
            reply(200, { id: "a", status: "Succeeded" }),
        ]);
        await expect(result).resolves.toMatchObject({ id: "a", status: "Succeeded" });
        expect(http.asked).toEqual([ASYNC_URL]);
    });

    test("Azure-AsyncOperation: a failure names the service's error message", async () => {
        const { result } = run(reply(202, undefined, { "azure-asyncoperation": ASYNC_URL }), [
            reply(200, { status: "Failed", error: { code: "ScanFailed", message: "the scan broke" } }),
        ]);
        await expect(result).rejects.toThrow(new OperationFailedError("refresh of X ended Failed: the scan broke"));
    });

    test("Azure-AsyncOperation: an answer without a status is an unexpected response, not a success", async () => {
        const { result } = run(reply(202, undefined, { "azure-asyncoperation": ASYNC_URL }), [reply(200, {})]);
        await expect(result).rejects.toThrow("an operation status without a `status`");
    });

    test.each(["Failed", "Canceled", "cancelled"])(
        "a %s status throws OperationFailedError with the detail",
        async (status) => {
            const { result } = run(reply(202, undefined, { location: OP_URL }), [
                reply(200, { status, statusDetail: "DuplicateRoleCreated: Alert scan failed." }),
            ]);
            await expect(result).rejects.toThrow(
                new OperationFailedError(`refresh of X ended ${status}: DuplicateRoleCreated: Alert scan failed.`),
            );
        },
    );

    test.each([
        ["a terminal status", reply(200, { id: "1", status: "Succeeded" }, { location: OP_URL }), "Succeeded"],
        ["no body and nothing to poll", reply(200), "Succeeded"],
        ["204", reply(204), "Succeeded"],
    ])("a start answer with %s is the end already (no poll)", async (_what, started, status) => {
        const { http, timer, result } = run(started, []);
        await expect(result).resolves.toMatchObject({ status });
        expect(http.asked).toEqual([]);
        expect(timer.sleeps).toEqual([]);
    });

    test("a start answer that fails is an OperationFailedError without polling", async () => {
        const { result } = run(reply(200, { status: "Failed", statusDetail: "no" }), []);
        await expect(result).rejects.toBeInstanceOf(OperationFailedError);
    });

    test.each([
        ["202 without Location", reply(202)],
        ["200 with a running status and no Location", reply(200, { status: "Running" })],
    ])("%s is an error naming what is missing", async (_what, started) => {
        const { result } = run(started, []);
        await expect(result).rejects.toThrow("refresh of X: the service accepted it (");
        await expect(result).rejects.toThrow("but gave no Location or Azure-AsyncOperation to follow");
    });

    test("gives up before a wait would pass the deadline, naming the last status; the fake clock shows no real wait", async () => {
        const running = () => reply(202, { id: "1", status: "Running" }, { location: OP_URL, "retry-after": "4" });
        const { http, timer, result } = run(running(), [running(), running(), running()], fakeTimer(), 10_000);
        await expect(result).rejects.toThrow(
            new OperationTimeoutError("refresh of X did not finish within 10 s (last status: Running)"),
        );
        expect(timer.sleeps).toEqual([4000, 4000]);
        expect(http.asked).toHaveLength(2);
    });
});
