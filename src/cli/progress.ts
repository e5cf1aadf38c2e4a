/**
 * A one-line progress indicator on stderr while many scopes are read (`[3/12] /subscriptions/...`),
 * redrawn in place. Only on a terminal: piped stderr stays clean for logs.
 */
import type { CliStream } from "./io";
import { printable } from "./terminalText";

/** Reports the reading of scopes. */
export interface Progress {
    /** A scope started. */
    started(label: string): void;
    /** A scope finished (successfully or not). */
    finished(label: string): void;
    /** Clears the line; call once at the end. */
    close(): void;
}

const CLEAR_LINE = "\r\u001b[2K";

/** A progress line over `total` scopes on `stream`; does nothing unless `stream` is a terminal. */
export function createProgress(stream: CliStream, total: number): Progress {
    if (!stream.isTTY) return { started: () => undefined, finished: () => undefined, close: () => undefined };
    const running = new Set<string>();
    let done = 0;
    let drawn = false;
    const draw = () => {
        const current = [...running][0];
        stream.write(
            `${CLEAR_LINE}[${done}/${total}] ${current === undefined ? "done" : `reading ${printable(current)}`}`,
        );
        drawn = true;
    };
    return {
        started(label) {
            running.add(label);
            draw();
        },
        finished(label) {
            running.delete(label);
            done += 1;
            draw();
        },
        close() {
            if (drawn) stream.write(CLEAR_LINE);
        },
    };
}
