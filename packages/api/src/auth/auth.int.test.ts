import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_PASSWORD } from "@ultramarket/db/seed";
import { seedDatabase } from "@ultramarket/db/seed";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { totpAt, totpStep } from "./totp";

let h: TestHarness;
const ADMIN_TOTP = "ULTRAMARKETADMINDEMOKEYTWOSIXAAA";

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: 10, filesDir: "/tmp/ultramarket-test-files" });
});
afterAll(async () => {
  await h?.close();
});

async function lastMailTo(email: string): Promise<string> {
  const rows = (await h.runtime.sql`
    select data->>'text' as text from pgboss.job where name = 'email-send' and data->>'to' = ${email} order by created_on desc limit 1`) as unknown as {
    text: string;
  }[];
  if (!rows[0]) throw new Error(`no mail to ${email}`);
  return rows[0].text;
}
const tokenIn = (text: string) => /token=([a-z2-7]+)/.exec(text)?.[1] ?? "";

async function registerAndVerify(email: string, password = "kuchli-parol-2026") {
  await h.caller().auth.register({ email, password, name: "Test Foydalanuvchi", locale: "uz" });
  await h.caller().auth.verifyEmail({ token: tokenIn(await lastMailTo(email)) });
  return { email, password };
}

describe("registration and email verification", () => {
  it("registers, mails a single-use 24 h link, and verifies the address", async () => {
    const email = "aziza@example.uz";
    expect(
      await h.caller().auth.register({ email: "Aziza@Example.uz", password: "kuchli-parol-2026", name: "Aziza", phone: "90 123 45 67" }),
    ).toEqual({
      status: "verification_sent",
    });
    await expect(h.caller().auth.login({ email, password: "kuchli-parol-2026" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const token = tokenIn(await lastMailTo(email));
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(await h.caller().auth.verifyEmail({ token })).toEqual({ verified: true });
    await expect(h.caller().auth.verifyEmail({ token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [user] = (await h.runtime.sql`select phone from users where email = ${email}`) as unknown as { phone: string }[];
    expect(user?.phone).toBe("+998901234567");
  });

  it("expires verification links after 24 hours", async () => {
    const email = "late@example.uz";
    await h.caller().auth.register({ email, password: "kuchli-parol-2026", name: "Late" });
    const token = tokenIn(await lastMailTo(email));
    h.clock.advance(24 * 3600_000 + 1000);
    await expect(h.caller().auth.verifyEmail({ token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers a taken email exactly like a new one, and mails the owner instead", async () => {
    const first = await h.caller().auth.register({ email: "customer@ultramarket.uz", password: "boshqa-parol-2026", name: "X" });
    const second = await h.caller().auth.register({ email: "brand-new@example.uz", password: "boshqa-parol-2026", name: "X" });
    expect(first).toEqual(second);
    expect(await lastMailTo("customer@ultramarket.uz")).toMatch(/Hisobingiz bor/);
  });

  it("refuses common, short and over-long passwords without truncating", async () => {
    for (const password of ["password1", "qwerty123", "short", "x".repeat(257), "p".repeat(10_240)]) {
      await expect(h.caller().auth.register({ email: "weak@example.uz", password, name: "W" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    const rows = (await h.runtime.sql`select 1 from users where email = 'weak@example.uz'`) as unknown as unknown[];
    expect(rows).toHaveLength(0);
  });
});

describe("sign-in without enumeration", () => {
  it("gives the same error for an unknown email and a wrong password, both after a full hash", async () => {
    const unknown = h.caller().auth.login({ email: "nobody@example.uz", password: "whatever-123" });
    const wrong = h.caller().auth.login({ email: "customer@ultramarket.uz", password: "whatever-123" });
    const [a, b] = await Promise.allSettled([unknown, wrong]);
    expect(a.status).toBe("rejected");
    expect(b.status).toBe("rejected");
    const errorA = (a as PromiseRejectedResult).reason as { code: string; message: string };
    const errorB = (b as PromiseRejectedResult).reason as { code: string; message: string };
    expect(errorA.code).toBe("UNAUTHORIZED");
    expect(errorA.message).toBe(errorB.message);

    const time = async (email: string) => {
      const started = performance.now();
      await h
        .caller()
        .auth.login({ email, password: "whatever-123" })
        .catch(() => undefined);
      return performance.now() - started;
    };
    const unknownMs = Math.min(await time("nobody@example.uz"), await time("nobody2@example.uz"), await time("nobody3@example.uz"));
    const knownMs = Math.min(
      await time("customer@ultramarket.uz"),
      await time("customer@ultramarket.uz"),
      await time("customer@ultramarket.uz"),
    );
    // Both paths run argon2id (tens of ms); without the dummy hash the unknown path takes ~1 ms.
    expect(unknownMs).toBeGreaterThan(knownMs * 0.5);
  });
});

describe("browser sessions", () => {
  it("opens a new session at each sign-in and stores only the token's hash", async () => {
    const first = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    const second = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    expect(first.token).not.toBe(second.token);
    expect(first.token).toMatch(/^[a-z2-7]{32}$/); // 160 bits
    const me = await first.caller.auth.me();
    expect(me?.email).toBe("customer@ultramarket.uz");
    const sessions = await first.caller.users.sessions();
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
  });

  it("ends a customer session after 30 idle days, and keeps an active one alive", async () => {
    const { token, caller } = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    h.clock.advance(29 * 24 * 3600_000);
    expect((await resolve(token))?.kind).toBe("user"); // activity resets the idle timer
    h.clock.advance(29 * 24 * 3600_000);
    expect(await resolve(token)).not.toBeNull();
    h.clock.advance(31 * 24 * 3600_000);
    expect(await resolve(token)).toBeNull();
    void caller;
  });

  it("ends staff sessions 12 hours after sign-in however active", async () => {
    const { token } = await h.signIn("vendor@ultramarket.uz", DEMO_PASSWORD);
    for (let i = 0; i < 11; i++) {
      h.clock.advance(3600_000);
      expect(await resolve(token)).not.toBeNull();
    }
    h.clock.advance(3600_000 + 1000);
    expect(await resolve(token)).toBeNull();
  });

  it("revokes one session from the session list, and logs out everywhere", async () => {
    const a = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    const b = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    const sessions = await a.caller.users.sessions();
    const other = sessions.find((s) => !s.current && s.id === (b.session.kind === "user" ? b.session.sessionId : ""));
    expect(other).toBeDefined();
    await a.caller.users.revokeSession({ sessionId: other!.id });
    expect(await resolve(b.token)).toBeNull();
    expect(await resolve(a.token)).not.toBeNull();
    const c = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    await c.caller.auth.logoutEverywhere();
    expect(await resolve(a.token)).toBeNull();
    expect(await resolve(c.token)).toBeNull();
  });

  it("cannot revoke another user's session", async () => {
    const mine = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    const theirs = await h.signIn("vendor2@ultramarket.uz", DEMO_PASSWORD);
    const theirId = theirs.session.kind === "user" ? theirs.session.sessionId! : "";
    await expect(mine.caller.users.revokeSession({ sessionId: theirId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await resolve(theirs.token)).not.toBeNull();
  });

  it("ends a user's sessions when their role changes", async () => {
    const { email } = await registerAndVerify("promoted@example.uz");
    const user = await h.signIn(email, "kuchli-parol-2026");
    const admin = await h.signIn("superadmin@ultramarket.uz", DEMO_PASSWORD, "ULTRAMARKETSUPERADMINDEMOTWOSIXA");
    const [row] = (await h.runtime.sql`select id from users where email = ${email}`) as unknown as { id: string }[];
    await admin.caller.users.changeRole({ userId: row!.id, role: "VENDOR" });
    expect(await resolve(user.token)).toBeNull();
    const again = await h.signIn(email, "kuchli-parol-2026");
    expect(again.session.kind === "user" && again.session.role).toBe("VENDOR");
  });
});

async function resolve(token: string) {
  const { resolveCaller } = await import("./resolve");
  const { createContextInner } = await import("../core/context");
  return (await resolveCaller(createContextInner(h.runtime), new Headers({ cookie: `c=${token}` }), "c")).session;
}

describe("second factor", () => {
  it("enrols with a QR code, then asks for a code at sign-in; a code works once", async () => {
    const { email, password } = await registerAndVerify("totp@example.uz");
    const { caller } = await h.signIn(email, password);
    const enrolment = await caller.auth.totp.enroll();
    expect(enrolment.qrSvg).toContain("<svg");
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/UltraMarket:totp%40example\.uz\?/);
    await expect(caller.auth.totp.confirm({ code: "000000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const { recoveryCodes } = await caller.auth.totp.confirm({ code: totpAt(enrolment.secret, totpStep(h.clock.now())) });
    expect(recoveryCodes).toHaveLength(10);

    const login = await h.caller().auth.login({ email, password });
    expect(login.status).toBe("two_factor_required");
    if (login.status !== "two_factor_required") return;
    h.clock.advance(30_000);
    const code = totpAt(enrolment.secret, totpStep(h.clock.now()));
    await h.caller().auth.totp.verifyLogin({ challenge: login.challenge, code });
    const again = await h.caller().auth.login({ email, password });
    if (again.status !== "two_factor_required") throw new Error("expected a challenge");
    await expect(h.caller().auth.totp.verifyLogin({ challenge: again.challenge, code })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const viaRecovery = await h.caller().auth.totp.verifyLogin({ challenge: again.challenge, recoveryCode: recoveryCodes[0]! });
    expect(viaRecovery.status).toBe("signed_in");
    const third = await h.caller().auth.login({ email, password });
    if (third.status !== "two_factor_required") throw new Error("expected a challenge");
    await expect(h.caller().auth.totp.verifyLogin({ challenge: third.challenge, recoveryCode: recoveryCodes[0]! })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("requires the second factor before staff reach privileged procedures", async () => {
    const login = await h.caller().auth.login({ email: "admin@ultramarket.uz", password: DEMO_PASSWORD });
    expect(login.status).toBe("two_factor_required");
    const admin = await h.signIn("admin@ultramarket.uz", DEMO_PASSWORD, ADMIN_TOTP);
    expect(admin.session.kind === "user" && admin.session.twoFactorVerified).toBe(true);
    expect((await admin.caller.users.list({ limit: 5 })).items.length).toBeGreaterThan(0);
    await expect(admin.caller.auth.totp.disable({ code: "123456" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("password reset", () => {
  it("uses the token once even when 20 requests race, and ends every session", async () => {
    const { email } = await registerAndVerify("reset@example.uz");
    const before = await h.signIn(email, "kuchli-parol-2026");
    await h.caller().auth.requestPasswordReset({ email });
    const token = tokenIn(await lastMailTo(email));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        h.caller(null, { ip: `203.0.113.${i}` }).auth.resetPassword({ token, newPassword: `yangi-parol-${i}-2026` }),
      ),
    );
    const winners = results.filter((r) => r.status === "fulfilled");
    expect(winners).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code: string }).code).toBe("BAD_REQUEST");
    expect(await resolve(before.token)).toBeNull();
    await expect(h.caller().auth.login({ email, password: "kuchli-parol-2026" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("cancels an older link when a new one is requested, and expires links after an hour", async () => {
    const { email } = await registerAndVerify("reset2@example.uz");
    await h.caller().auth.requestPasswordReset({ email });
    const old = tokenIn(await lastMailTo(email));
    await h.caller().auth.requestPasswordReset({ email });
    const fresh = tokenIn(await lastMailTo(email));
    await expect(h.caller().auth.resetPassword({ token: old, newPassword: "yangi-parol-2026" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    h.clock.advance(3600_000 + 1000);
    await expect(h.caller().auth.resetPassword({ token: fresh, newPassword: "yangi-parol-2026" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("answers the same for unknown emails", async () => {
    expect(await h.caller().auth.requestPasswordReset({ email: "ghost@example.uz" })).toEqual(
      await h.caller().auth.requestPasswordReset({ email: "customer@ultramarket.uz" }),
    );
  });
});

describe("API tokens", () => {
  it("rotates refresh tokens, and reuse of an old one revokes the whole family", async () => {
    const pair = await h.caller().auth.issueTokens({ email: "customer@ultramarket.uz", password: DEMO_PASSWORD });
    expect(pair.tokenType).toBe("Bearer");
    const { resolveCaller } = await import("./resolve");
    const { createContextInner } = await import("../core/context");
    const viaBearer = await resolveCaller(createContextInner(h.runtime), new Headers({ authorization: `Bearer ${pair.accessToken}` }), "c");
    expect(viaBearer.session?.kind).toBe("user");
    const next = await h.caller().auth.refreshTokens({ refreshToken: pair.refreshToken });
    const nextAgain = await h.caller().auth.refreshTokens({ refreshToken: next.refreshToken });
    await expect(h.caller().auth.refreshTokens({ refreshToken: pair.refreshToken })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // The family is gone: even the newest token no longer works.
    await expect(h.caller().auth.refreshTokens({ refreshToken: nextAgain.refreshToken })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    h.clock.advance(16 * 60_000);
    const expired = await resolveCaller(
      createContextInner(h.runtime),
      new Headers({ authorization: `Bearer ${nextAgain.accessToken}` }),
      "c",
    );
    expect(expired.session).toBeNull();
  });

  it("authenticates API keys by hash and records their last use", async () => {
    const admin = await h.signIn("superadmin@ultramarket.uz", DEMO_PASSWORD, "ULTRAMARKETSUPERADMINDEMOTWOSIXA");
    const created = await admin.caller.apiKeys.create({ name: "Warehouse sync", scopes: ["users:read"] });
    expect(created.key).toMatch(/^umk_/);
    const { resolveCaller } = await import("./resolve");
    const { createContextInner } = await import("../core/context");
    const resolved = await resolveCaller(createContextInner(h.runtime), new Headers({ authorization: `ApiKey ${created.key}` }), "c");
    expect(resolved.session).toMatchObject({ kind: "api-key", scopes: ["users:read"] });
    expect((await h.caller(resolved.session).users.list({ limit: 1 })).items).toHaveLength(1);
    await expect(h.caller(resolved.session).apiKeys.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const keys = await admin.caller.apiKeys.list();
    expect(keys.find((k) => k.id === created.id)?.lastUsedAt).not.toBeNull();
    await admin.caller.apiKeys.revoke({ id: created.id });
    const revoked = await resolveCaller(createContextInner(h.runtime), new Headers({ authorization: `ApiKey ${created.key}` }), "c");
    expect(revoked.session).toBeNull();
  });
});

describe("no secret is stored in the clear", () => {
  it("keeps no raw session token, reset token, refresh token or API key in Postgres or the KV store", async () => {
    const { token } = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    const pair = await h.caller().auth.issueTokens({ email: "customer@ultramarket.uz", password: DEMO_PASSWORD });
    await h.caller().auth.requestPasswordReset({ email: "vendor3@ultramarket.uz" });
    const resetToken = tokenIn(await lastMailTo("vendor3@ultramarket.uz"));
    const admin = await h.signIn("superadmin@ultramarket.uz", DEMO_PASSWORD, "ULTRAMARKETSUPERADMINDEMOTWOSIXA");
    const { key } = await admin.caller.apiKeys.create({ name: "Scan", scopes: ["catalog:read"] });
    const secrets = [token, pair.refreshToken, key];

    const tables = (await h.runtime.sql`
      select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`) as unknown as {
      table_name: string;
    }[];
    let dump = "";
    for (const { table_name } of tables) {
      const rows = (await h.runtime.sql.unsafe(`select to_jsonb(t)::text as row from "${table_name}" t`)) as unknown as { row: string }[];
      dump += rows.map((r) => r.row).join("\n");
    }
    for (const secret of secrets) expect(dump).not.toContain(secret);
    // The reset token exists only inside the queued mail (pg-boss), which is how it reaches the user.
    expect(dump).not.toContain(resetToken);

    dump = "";
    if (h.runtime.kv.backend === "redis") {
      const { Redis } = await import("ioredis");
      const redis = new Redis(h.runtime.config.redisUrl!);
      for (const k of await redis.keys(`${h.kvPrefix}*`)) {
        dump += k + ((await redis.type(k)) === "hash" ? JSON.stringify(await redis.hgetall(k)) : ((await redis.get(k)) ?? ""));
      }
      redis.disconnect();
    } else {
      const rows = (await h.runtime
        .sql`select key || value as row from kv_strings union all select key || fields::text from kv_hashes`) as unknown as {
        row: string;
      }[];
      dump = rows.map((r) => r.row).join("\n");
    }
    expect(dump.length).toBeGreaterThan(0);
    for (const secret of [...secrets, resetToken]) expect(dump).not.toContain(secret);
  });
});

describe("bad input changes nothing", () => {
  it("refuses malformed emails, NUL bytes, unknown keys and role fields with field errors", async () => {
    const count = async () => ((await h.runtime.sql`select count(*)::int as n from users`) as unknown as [{ n: number }])[0].n;
    const before = await count();
    const attempts: unknown[] = [
      { email: "not-an-email", password: "kuchli-parol-2026", name: "X" },
      { email: "a@b", password: "kuchli-parol-2026", name: "X" },
      { email: "nul\u0000@example.uz", password: "kuchli-parol-2026", name: "X" },
      { email: "ok@example.uz", password: "kuchli-parol-2026", name: "X", role: "SUPER_ADMIN" },
      { email: "ok@example.uz", password: "kuchli-parol-2026", name: "X", phone: "+7 916 000 00 00" },
    ];
    for (const input of attempts) {
      const error = await h
        .caller()
        .auth.register(input as never)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await count()).toBe(before);

    const { caller } = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    await expect(caller.users.updateProfile({ name: "Hacker", role: "ADMIN" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const me = await caller.auth.me();
    expect(me?.role).toBe("CUSTOMER");
    expect(me?.name).not.toBe("Hacker");
  });
});
