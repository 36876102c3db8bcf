import { randomBytes } from "node:crypto";
import { inject } from "vitest";

import type { IsolatedDatabase } from "@ultramarket/db/testing";
import { createIsolatedDatabase } from "@ultramarket/db/testing";
import type { Session } from "./core/context";
import { createContextInner } from "./core/context";
import type { Runtime, RuntimeConfig } from "./core/runtime";
import { createRuntime } from "./core/runtime";
import { createLogger } from "./core/logger";
import { RATE_LIMITS } from "./auth/rate-limit";
import { resolveCaller } from "./auth/resolve";
import { totpAt, totpStep } from "./auth/totp";
import type { Clock } from "./core/clock";
import { createCaller } from "./root";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
    redisUrl: string;
  }
}

/** A clock tests can move: session expiry and token lifetimes without sleeping. */
export interface TestClock extends Clock {
  advance(ms: number): void;
  set(date: Date): void;
}

export function createTestClock(start = new Date()): TestClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
    set: (date) => void (now = date.getTime()),
  };
}

export interface CallOptions {
  session?: Session | null;
  ip?: string;
  /** Receives the token when a procedure sets the session cookie. */
  onCookie?: (token: string | null) => void;
  /** The guest cart cookie the request carries, and where a procedure's new value goes. */
  cartToken?: string | null;
  onCartCookie?: (token: string | null) => void;
  idempotencyKey?: string;
}

export interface TestHarness {
  runtime: Runtime;
  database: IsolatedDatabase;
  kvPrefix: string;
  clock: TestClock;
  caller: (session?: Session | null, options?: Omit<CallOptions, "session">) => ReturnType<typeof createCaller>;
  /** Signs in through auth.login (and the second factor when a TOTP secret is given); returns the session and a caller for it. */
  signIn: (
    email: string,
    password: string,
    totpSecret?: string,
  ) => Promise<{ session: Session; token: string; caller: ReturnType<typeof createCaller> }>;
  close: () => Promise<void>;
}

/**
 * A test file's own world: a fresh database cloned from the migrated template, a Redis key
 * prefix of its own (Redis when the run has REDIS_URL, else the PostgreSQL twin), and a
 * caller for the app router. Call in beforeAll; close in afterAll.
 */
export async function createTestHarness(overrides: Partial<RuntimeConfig> = {}): Promise<TestHarness> {
  const database = await createIsolatedDatabase(inject("pgServerUrl"), inject("pgTemplate"));
  const kvPrefix = `test:${randomBytes(6).toString("hex")}:`;
  const redisUrl = inject("redisUrl") || undefined;
  const clock = createTestClock();
  const runtime = await createRuntime({
    service: "test",
    appEnv: "test",
    databaseUrl: database.url,
    publicWebUrl: "http://localhost:3000",
    publicAdminUrl: "http://localhost:3001",
    databaseSource: "external",
    redisUrl,
    filesDir: "/tmp/ultramarket-test-files",
    kvPrefix,
    // Off unless a test is about the cache: other tests change rows directly and read them back.
    catalogCache: false,
    dbPoolSize: 20,
    logger: createLogger({ service: "test", level: "silent" }),
    clock,
    // Generous limits so tests that sign in often are not throttled; rate-limit tests set their own.
    rateLimits: Object.fromEntries(Object.entries(RATE_LIMITS).map(([name, limit]) => [name, { ...limit, points: 1000 }])),
    ...overrides,
  });
  const caller = (session: Session | null = null, options: Omit<CallOptions, "session"> = {}) =>
    createCaller({
      ...createContextInner(runtime, {
        session,
        request: { ip: options.ip ?? "198.51.100.7", userAgent: "vitest", idempotencyKey: options.idempotencyKey ?? null },
        cookie: { set: (token) => options.onCookie?.(token), clear: () => options.onCookie?.(null) },
        cartCookie: {
          read: () => options.cartToken ?? null,
          set: (token) => options.onCartCookie?.(token),
          clear: () => options.onCartCookie?.(null),
        },
      }),
      exposeInternals: false,
    });
  return {
    runtime,
    database,
    kvPrefix,
    clock,
    caller,
    async signIn(email, password, totpSecret) {
      let token: string | null = null;
      const result = await caller(null, { onCookie: (t) => (token = t) }).auth.login({ email, password });
      if (result.status === "two_factor_required") {
        if (!totpSecret) throw new Error(`${email} needs a second factor`);
        // Move to the next 30-second step so a code used moments ago is not a replay.
        clock.advance(30_000);
        const code = totpAt(totpSecret, totpStep(clock.now()));
        await caller(null, { onCookie: (t) => (token = t) }).auth.totp.verifyLogin({ challenge: result.challenge, code });
      }
      if (!token) throw new Error("no session cookie was set");
      const { session } = await resolveCaller(createContextInner(runtime), new Headers({ cookie: `c=${token}` }), "c");
      if (!session) throw new Error("session did not resolve");
      return { session, token, caller: caller(session) };
    },
    async close() {
      await runtime.close();
      await database.drop();
    },
  };
}
