/**
 * The fixture of an end-to-end test file: the providers captured once for the file, and sessions
 * started by the tests, each stopped after its test.
 */

/** What a test file gets from {@link sessionFixture}. */
export interface SessionFixture<Providers, Options, Session> {
    /** The captured providers; filled in by the file's `beforeAll`. */
    readonly providers: Providers;
    /** Starts a session that is stopped after the test. */
    start(options?: Options): Promise<Session>;
}

/** Registers the hooks (`beforeAll`: capture; `afterEach`: stop the test's session) of the calling test file. */
export function sessionFixture<Providers extends object, Options, Session extends { stop(): Promise<void> }>(
    capture: () => Promise<Providers>,
    startSession: (options?: Options) => Promise<Session>,
): SessionFixture<Providers, Options, Session> {
    const providers = {} as Providers;
    let session: Session | undefined;
    beforeAll(async () => {
        Object.assign(providers, await capture());
    });
    afterEach(async () => {
        await session?.stop();
        session = undefined;
    });
    return {
        providers,
        start: async (options) => {
            session = await startSession(options);
            return session;
        },
    };
}
