/**
 * The fixture of an end-to-end test file: the serialized providers (captured for the run by jest's
 * globalSetup), one session (emulator + provider host) shared by the tests that ask for no options of
 * their own (the emulator is reset after each test: seed data, faults, request log), and sessions of
 * their own for the tests that do, each stopped after its test.
 *
 * A shared provider host keeps its per-process state across tests (token cache, the tenant id, the
 * ARM read cache): a file whose tests depend on a fresh process passes `{ shared: false }`.
 */
import type { Emulator } from "pulumi-pim-alerts-emulator";

/** What a test file gets from {@link sessionFixture}. */
export interface SessionFixture<Providers, Options, Session> {
    /** The captured providers; filled in by the file's `beforeAll`. */
    readonly providers: Providers;
    /**
     * The file's shared session (without options, unless the file opted out), or a session of the
     * test's own (with options), stopped after the test.
     */
    readonly start: (options?: Options) => Promise<Session>;
}

/** Options of {@link sessionFixture}. */
export interface FixtureOptions<Options> {
    /** Share one session between the tests that pass no options. @default true */
    readonly shared?: boolean;
    /** The options of the shared session. */
    readonly sharedOptions?: Options;
}

/** Registers the hooks of the calling test file. */
export function sessionFixture<
    Providers extends object,
    Options,
    Session extends { readonly emulator: Emulator; stop(): Promise<void> },
>(
    captured: () => Providers,
    startSession: (options?: Options) => Promise<Session>,
    fixtureOptions: FixtureOptions<NoInfer<Options>> = {},
): SessionFixture<Providers, Options, Session> {
    const providers = {} as Providers;
    let shared: Promise<Session> | undefined;
    let own: Session | undefined;
    beforeAll(() => {
        Object.assign(providers, captured());
    });
    afterEach(async () => {
        await own?.stop();
        own = undefined;
        (await shared)?.emulator.reset();
    });
    afterAll(async () => {
        await (await shared)?.stop();
    });
    return {
        providers,
        start: async (options) => {
            if (options === undefined && fixtureOptions.shared !== false) {
                shared ??= startSession(fixtureOptions.sharedOptions);
                return shared;
            }
            own = await startSession(options);
            return own;
        },
    };
}
