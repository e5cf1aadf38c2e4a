/**
 * The adoption journal: the values a configuration held before this package first wrote to it, kept
 * on local disk from just before the adopting PATCH until the Pulumi engine has them in its state.
 *
 * It covers the one window no answer can: the provider host killed after the PATCH left and before
 * its outcome reached the engine. The engine then records no resource, so the next `up` adopts the
 * configuration again and would read the values this package wrote as the "original" ones. With an
 * entry left here, that next create takes the originals from the entry instead, for every property
 * whose live value is one the unrecorded write set (anything else was changed since, by someone else,
 * and is taken as it is live).
 *
 * One JSON file per configuration (named by a hash of its id), written atomically and flushed before
 * the PATCH; removed once the create's answer (a success or a partial failure, both carrying the
 * originals) is returned. Nothing secret is in it: the id and the alert's values.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AdoptionJournalError } from "../../errors";
import type { DeclaredValue, SameValue } from "./declaredState";

/** Environment variable naming the directory of the package's local state (the journal is in `adoptions/` below it). */
export const STATE_DIR_ENV = "PIM_ALERTS_STATE_DIR";

/** An adoption whose outcome no engine has heard of. */
export interface PendingAdoption {
    readonly id: string;
    /** The values the configuration held before the first write of this adoption. */
    readonly initialProperties: Readonly<Record<string, DeclaredValue>>;
    /** The values each write of this adoption sent, oldest first. */
    readonly attempts: ReadonlyArray<Readonly<Record<string, DeclaredValue>>>;
    /** When the first write was about to be sent (ISO-8601). */
    readonly startedAt: string;
}

/** The directory of the package's local state: `PIM_ALERTS_STATE_DIR`, else the platform's per-user state directory. */
export function stateDirectory(env: Readonly<Record<string, string | undefined>> = process.env): string {
    const configured = env[STATE_DIR_ENV];
    if (configured !== undefined && configured !== "") return path.resolve(configured);
    if (process.platform === "win32")
        return path.join(env["LOCALAPPDATA"] ?? path.join(os.homedir(), "AppData", "Local"), "pulumi-pim-alerts");
    return path.join(env["XDG_STATE_HOME"] || path.join(os.homedir(), ".local", "state"), "pulumi-pim-alerts");
}

function removeQuietly(file: string): void {
    try {
        fs.rmSync(file, { force: true });
    } catch {
        // Nothing was written there.
    }
}

/** The journal of one process's environment. */
export class AdoptionJournal {
    readonly directory: string;

    constructor(env: Readonly<Record<string, string | undefined>> = process.env) {
        this.directory = path.join(stateDirectory(env), "adoptions");
    }

    /** The file of a configuration's entry. */
    fileOf(id: string): string {
        return path.join(
            this.directory,
            `${createHash("sha256").update(id.toLowerCase()).digest("hex").slice(0, 32)}.json`,
        );
    }

    /** The pending adoption of `id`, if an earlier create left one (an unreadable entry counts as none). */
    pending(id: string): PendingAdoption | undefined {
        let text: string;
        try {
            text = fs.readFileSync(this.fileOf(id), "utf8");
        } catch {
            return undefined;
        }
        try {
            const entry = JSON.parse(text) as PendingAdoption;
            const valid =
                entry.id.toLowerCase() === id.toLowerCase() &&
                typeof entry.initialProperties === "object" &&
                Array.isArray(entry.attempts);
            return valid ? entry : undefined;
        } catch {
            return undefined;
        }
    }

    /**
     * Records, before a write is sent, the originals and the values it sends (added to an earlier pending
     * adoption's attempts, whose originals are kept). Throws {@link AdoptionJournalError} when the entry cannot be written.
     */
    recordAttempt(
        id: string,
        initialProperties: Readonly<Record<string, DeclaredValue>>,
        written: Readonly<Record<string, DeclaredValue>>,
    ): void {
        const earlier = this.pending(id);
        const entry: PendingAdoption = earlier
            ? { ...earlier, attempts: [...earlier.attempts, written] }
            : { id, initialProperties, attempts: [written], startedAt: new Date().toISOString() };
        const file = this.fileOf(id);
        const temporary = `${file}.${process.pid}.tmp`;
        try {
            fs.mkdirSync(this.directory, { recursive: true });
            const fd = fs.openSync(temporary, "w", 0o600);
            try {
                fs.writeSync(fd, JSON.stringify(entry, null, 2));
                fs.fsyncSync(fd);
            } finally {
                fs.closeSync(fd);
            }
            fs.renameSync(temporary, file);
        } catch (error) {
            removeQuietly(temporary);
            throw new AdoptionJournalError(
                `keeping the original values of ${id} before writing to it: ${error instanceof Error ? error.message : String(error)}; ` +
                    `nothing was written. Set ${STATE_DIR_ENV} to a writable directory (the adoption journal lives in its adoptions/ folder)`,
            );
        }
    }

    /** Forgets the entry of `id` (its originals reached the engine, or no write of it can have landed). */
    forget(id: string): void {
        fs.rmSync(this.fileOf(id), { force: true });
    }
}

/**
 * The values to keep as a configuration's originals: its live values, except where an unrecorded earlier write
 * of this package set the live value (then the value from before that write).
 */
export function originalValues<V extends DeclaredValue>(
    live: Readonly<Record<string, V>>,
    pending: PendingAdoption | undefined,
    same: SameValue,
): Record<string, V> {
    const originals: Record<string, V> = { ...live };
    if (pending === undefined) return originals;
    for (const [name, value] of Object.entries(live)) {
        const wroteIt = pending.attempts.some((attempt) => name in attempt && same(name, attempt[name], value));
        const before = pending.initialProperties[name];
        if (wroteIt && before !== undefined) originals[name] = before as V;
    }
    return originals;
}
