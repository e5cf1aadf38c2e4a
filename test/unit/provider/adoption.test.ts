import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { adopt, type Adoption } from "../../../src/provider/common/adoption";
import { AdoptionJournal, originalValues, stateDirectory } from "../../../src/provider/common/adoptionJournal";
import { strictlyEqual } from "../../../src/provider/common/declaredState";
import { writeMayHaveLanded } from "../../../src/provider/common/partialFailure";
import {
    AdoptionJournalError,
    AzureApiError,
    NetworkError,
    PartialFailureError,
    UnexpectedResponseError,
} from "../../../src/errors";

const ID =
    "/subscriptions/x/providers/Microsoft.Authorization/roleManagementAlertConfigurations/TooManyOwnersAssignedToResource";

let dir: string;
let journal: AdoptionJournal;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pim-adoption-"));
    journal = new AdoptionJournal({ PIM_ALERTS_STATE_DIR: dir });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const azureError = (status: number) =>
    new AzureApiError({
        method: "PATCH",
        url: "u",
        status,
        statusText: "",
        code: undefined,
        serviceMessage: undefined,
        requestId: undefined,
        advice: undefined,
    });

/** An adoption of `live` declaring `declared`, whose write does `write` (and records what the journal held meanwhile). */
function adoption(
    live: Record<string, number>,
    declared: Record<string, number>,
    write: () => Promise<void> = () => Promise.resolve(),
) {
    const seen: { journalDuringWrite?: unknown; writes: Array<Record<string, number>> } = { writes: [] };
    const spec: Adoption<number, string> = {
        id: ID,
        description: "alert configuration X",
        live,
        declared,
        recordBefore: (initial) => ({ recorded: true, initialProperties: initial }),
        write: async (values) => {
            seen.writes.push(values);
            seen.journalDuringWrite = journal.pending(ID);
            await write();
        },
        readBack: () => Promise.resolve("after"),
    };
    return { spec, seen };
}

test("nothing to write: no write, no journal entry, the live values are the originals", async () => {
    const { spec, seen } = adoption({ a: 2 }, { a: 2 });
    await expect(adopt(spec, journal)).resolves.toEqual({ initialProperties: { a: 2 }, after: undefined });
    expect(seen.writes).toEqual([]);
    expect(fs.existsSync(journal.fileOf(ID))).toBe(false);
});

test("a write that succeeds: the originals are on disk while it is in flight, and forgotten after", async () => {
    const { spec, seen } = adoption({ a: 2, b: 1 }, { a: 5, b: 1 });
    await expect(adopt(spec, journal)).resolves.toEqual({ initialProperties: { a: 2, b: 1 }, after: "after" });
    expect(seen.writes).toEqual([{ a: 5 }]);
    expect(seen.journalDuringWrite).toMatchObject({ id: ID, initialProperties: { a: 2, b: 1 }, attempts: [{ a: 5 }] });
    expect(fs.existsSync(journal.fileOf(ID))).toBe(false);
});

test("a refused write fails as it is: nothing to keep, no entry left", async () => {
    const { spec } = adoption({ a: 2 }, { a: 5 }, () => Promise.reject(azureError(403)));
    const error = await adopt(spec, journal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AzureApiError);
    expect(error).not.toBeInstanceOf(PartialFailureError);
    expect(fs.existsSync(journal.fileOf(ID))).toBe(false);
});

test.each([
    ["every answer lost", new NetworkError("PATCH", "u", "ECONNRESET: socket hang up; retries exhausted")],
    ["a 500 after every attempt", azureError(500)],
    ["a 408", azureError(408)],
    ["a 2xx with a body it cannot read", new UnexpectedResponseError("PATCH", "u", 200, "not JSON")],
])("%s: a partial failure that records the state from before the write, originals included", async (_what, cause) => {
    const { spec } = adoption({ a: 2 }, { a: 5 }, () => Promise.reject(cause));
    const error = (await adopt(spec, journal).catch((e: unknown) => e)) as PartialFailureError;
    expect(error).toBeInstanceOf(PartialFailureError);
    expect(error.id).toBe(ID);
    expect(error.properties).toEqual({ recorded: true, initialProperties: { a: 2 } });
    expect(error.message).toMatch(
        /^updating alert configuration X: .*Whether Azure applied the write is unknown: the state is kept/,
    );
    // The engine has the originals now: the journal lets go.
    expect(fs.existsSync(journal.fileOf(ID))).toBe(false);
});

test("after a process killed mid-write, the next adoption takes the originals of what that write set from the journal", async () => {
    journal.recordAttempt(ID, { a: 2, b: 1, c: 9 }, { a: 5, b: 4 });
    // a: our write landed; b: someone set it since (not a value we wrote); c: never written.
    const { spec, seen } = adoption({ a: 5, b: 7, c: 9 }, { a: 5, b: 7, c: 8 });
    await expect(adopt(spec, journal)).resolves.toEqual({ initialProperties: { a: 2, b: 7, c: 9 }, after: "after" });
    expect(seen.journalDuringWrite).toMatchObject({
        initialProperties: { a: 2, b: 1, c: 9 },
        attempts: [{ a: 5, b: 4 }, { c: 8 }],
    });
    expect(fs.existsSync(journal.fileOf(ID))).toBe(false);
});

test("a refusal after an earlier unrecorded attempt keeps the entry (that attempt may have landed)", async () => {
    journal.recordAttempt(ID, { a: 2 }, { a: 5 });
    const { spec } = adoption({ a: 5 }, { a: 6 }, () => Promise.reject(azureError(429)));
    await expect(adopt(spec, journal)).rejects.toBeInstanceOf(AzureApiError);
    expect(journal.pending(ID)?.initialProperties).toEqual({ a: 2 });
});

test("a journal that cannot be written: no write is sent", async () => {
    const blocked = path.join(dir, "file");
    fs.writeFileSync(blocked, "");
    const unwritable = new AdoptionJournal({ PIM_ALERTS_STATE_DIR: blocked });
    const { spec, seen } = adoption({ a: 2 }, { a: 5 });
    const error = await adopt(spec, unwritable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdoptionJournalError);
    expect((error as Error).message).toMatch(
        /^keeping the original values of .* nothing was written\. Set PIM_ALERTS_STATE_DIR to a writable directory/,
    );
    expect(seen.writes).toEqual([]);
});

test("an unreadable entry counts as none", () => {
    fs.mkdirSync(journal.directory, { recursive: true });
    fs.writeFileSync(journal.fileOf(ID), "{ not json");
    expect(journal.pending(ID)).toBeUndefined();
    expect(originalValues({ a: 1 }, journal.pending(ID), strictlyEqual)).toEqual({ a: 1 });
});

test("the state directory: PIM_ALERTS_STATE_DIR, else XDG_STATE_HOME, else ~/.local/state", () => {
    if (process.platform === "win32") return;
    expect(stateDirectory({ PIM_ALERTS_STATE_DIR: "/srv/pim" })).toBe("/srv/pim");
    expect(stateDirectory({ XDG_STATE_HOME: "/x" })).toBe("/x/pulumi-pim-alerts");
    expect(stateDirectory({})).toBe(path.join(os.homedir(), ".local", "state", "pulumi-pim-alerts"));
});

test.each([
    ["400", false, azureError(400)],
    ["403", false, azureError(403)],
    ["409", false, azureError(409)],
    ["429", false, azureError(429)],
    ["408", true, azureError(408)],
    ["500", true, azureError(500)],
    ["503", true, azureError(503)],
    ["no HTTP answer", true, new NetworkError("PATCH", "u", "timed out")],
    ["any other error", true, new Error("anything else")],
])("a write that failed with %s may have landed: %s", (_what, landed, error) => {
    expect(writeMayHaveLanded(error)).toBe(landed);
});
