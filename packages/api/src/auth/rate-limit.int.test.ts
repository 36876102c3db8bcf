import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_PASSWORD, seedDatabase } from "@ultramarket/db/seed";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { RATE_LIMITS } from "./rate-limit";
import { totpAt, totpStep } from "./totp";

let h: TestHarness;

beforeAll(async () => {
  h = await createTestHarness({
    rateLimits: {
      ...RATE_LIMITS,
      loginByAccount: { points: 3, duration: 60 },
      loginByIp: { points: 6, duration: 60 },
      registerByIp: { points: 2, duration: 60 },
    },
  });
  await seedDatabase(h.database.url, { products: 5, filesDir: "/tmp/ultramarket-test-files" });
});
afterAll(async () => {
  await h?.close();
});

const elapsed = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  const outcome = await fn().then(
    () => ({ ok: true as const, error: null }),
    (error: { code?: string }) => ({ ok: false as const, error }),
  );
  return { ...outcome, ms: performance.now() - started };
};

describe("rate limits", () => {
  it("answers 429 once an account's sign-in attempts are used up, before any password hashing", async () => {
    const attempt = () =>
      h.caller(null, { ip: "192.0.2.10" }).auth.login({ email: "vendor4@ultramarket.uz", password: "wrong-password-1" });
    const hashed = [];
    for (let i = 0; i < 3; i++) hashed.push(await elapsed(attempt));
    for (const r of hashed) expect(r.error?.code).toBe("UNAUTHORIZED");
    const failures = async () =>
      (
        (await h.runtime
          .sql`select count(*)::int as n from audit_log where action = 'auth.login_failed' and actor_email = 'vendor4@ultramarket.uz'`) as unknown as [
          { n: number },
        ]
      )[0].n;
    const checkedBefore = await failures();
    const limited = await elapsed(attempt);
    expect(limited.error?.code).toBe("TOO_MANY_REQUESTS");
    // Refused before the credentials were looked at: every checked attempt leaves an
    // auth.login_failed entry, and the refused one left none (no argon2id run).
    expect(checkedBefore).toBe(3);
    expect(await failures()).toBe(3);
    // Even the right password is refused while limited.
    const right = await elapsed(() =>
      h.caller(null, { ip: "192.0.2.11" }).auth.login({ email: "vendor4@ultramarket.uz", password: DEMO_PASSWORD }),
    );
    expect(right.error?.code).toBe("TOO_MANY_REQUESTS");
  });

  it("limits one IP across accounts", async () => {
    const ip = "192.0.2.20";
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await elapsed(() => h.caller(null, { ip }).auth.login({ email: `someone${i}@example.uz`, password: "wrong-password-1" }));
      codes.push(r.error?.code ?? "OK");
    }
    expect(codes.slice(0, 6).every((c) => c === "UNAUTHORIZED")).toBe(true);
    expect(codes[6]).toBe("TOO_MANY_REQUESTS");
  });

  it("limits registrations per IP", async () => {
    const ip = "192.0.2.30";
    const register = (n: number) =>
      h.caller(null, { ip }).auth.register({ email: `reg${n}@example.uz`, password: "kuchli-parol-2026", name: "R" });
    await register(1);
    await register(2);
    await expect(register(3)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("locks the second factor after 5 wrong codes in 30 minutes, even for a right code", async () => {
    const secret = "ULTRAMARKETADMINDEMOKEYTWOSIXAAA";
    const challenge = async () => {
      const result = await h.caller(null, { ip: "192.0.2.40" }).auth.login({ email: "admin@ultramarket.uz", password: DEMO_PASSWORD });
      if (result.status !== "two_factor_required") throw new Error("expected a challenge");
      return result.challenge;
    };
    const c = await challenge();
    for (let i = 0; i < 5; i++) {
      await expect(h.caller().auth.totp.verifyLogin({ challenge: c, code: "000000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    h.clock.advance(30_000);
    const good = totpAt(secret, totpStep(h.clock.now()));
    await expect(h.caller().auth.totp.verifyLogin({ challenge: c, code: good })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});
