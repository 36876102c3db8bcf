import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { withTransaction, createContextInner } from "../core/context";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import type { JobDefinition } from "./define";
import { deadLetterQueue } from "./define";
import { sendEmailJob } from "./definitions/send-email";
import { failingJob, slowJob } from "./testing/slow-job";

const extra = [slowJob, failingJob] as unknown as JobDefinition[];
let h: TestHarness;
const children: ChildProcess[] = [];

beforeAll(async () => {
  h = await createTestHarness({ jobs: { supervise: false, extraDefinitions: extra } });
});
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await h?.close();
});

const fixture = fileURLToPath(new URL("./testing/worker-fixture.ts", import.meta.url));

function startWorkerProcess(): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, h.database.url], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 20_000);
    child.stdout?.on("data", () => {
      if (output.includes("worker ready")) {
        clearTimeout(timer);
        resolve({ child, output: () => output, exited });
      }
    });
  });
}

async function jobState(id: string): Promise<string | undefined> {
  const rows = (await h.runtime.sql`select state from pgboss.job where id = ${id}`) as unknown as { state: string }[];
  return rows[0]?.state;
}

async function mailTo(to: string): Promise<number> {
  const rows = (await h.runtime.sql`select count(*)::int as n from dev_mailbox where "to" = ${to}`) as unknown as { n: number }[];
  return rows[0]?.n ?? 0;
}

describe("enqueueing inside a transaction", () => {
  it("creates the job when the transaction commits", async () => {
    const ctx = createContextInner(h.runtime);
    const id = await withTransaction(ctx, (tx) =>
      tx.jobs.enqueue(tx.db, sendEmailJob, { to: "commit@example.uz", subject: "Salom", text: "Xush kelibsiz" }),
    );
    expect(await jobState(id)).toBe("created");
  });

  it("leaves no job when the transaction rolls back", async () => {
    const ctx = createContextInner(h.runtime);
    let enqueued: string | undefined;
    await expect(
      withTransaction(ctx, async (tx) => {
        enqueued = await tx.jobs.enqueue(tx.db, sendEmailJob, { to: "rollback@example.uz", subject: "Salom", text: "x" });
        throw new Error("abort after enqueue");
      }),
    ).rejects.toThrow("abort after enqueue");
    expect(enqueued).toBeDefined();
    expect(await jobState(enqueued!)).toBeUndefined();
    const rows = (await h.runtime.sql`select count(*)::int as n from pgboss.job where data->>'to' = 'rollback@example.uz'`) as unknown as {
      n: number;
    }[];
    expect(rows[0]?.n).toBe(0);
  });

  it("refuses a payload that does not match the job's schema, before anything is written", async () => {
    const ctx = createContextInner(h.runtime);
    await expect(ctx.jobs.enqueue(ctx.db, sendEmailJob, { to: "not-an-email", subject: "x", text: "y" })).rejects.toThrow();
  });
});

describe("the worker process", () => {
  it("delivers an email job into the dev mailbox", async () => {
    const worker = await startWorkerProcess();
    const ctx = createContextInner(h.runtime);
    await ctx.jobs.enqueue(ctx.db, sendEmailJob, { to: "delivered@example.uz", subject: "Buyurtmangiz qabul qilindi", text: "Rahmat!" });
    await expect.poll(() => mailTo("delivered@example.uz"), { timeout: 15_000, interval: 200 }).toBe(1);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
  });

  it("moves a job that keeps failing to its dead-letter queue after its retries", async () => {
    const worker = await startWorkerProcess();
    const ctx = createContextInner(h.runtime);
    const id = await ctx.jobs.enqueue(ctx.db, failingJob, { note: "boom" });
    await expect.poll(() => jobState(id), { timeout: 20_000, interval: 250 }).toBe("failed");
    const rows = (await h.runtime.sql`select retry_count from pgboss.job where id = ${id}`) as unknown as { retry_count: number }[];
    expect(rows[0]?.retry_count).toBe(2);
    const dead = (await h.runtime.sql`select data from pgboss.job where name = ${deadLetterQueue(failingJob.name)}`) as unknown as {
      data: { note: string };
    }[];
    expect(dead.map((d) => d.data.note)).toContain("boom");
    worker.child.kill("SIGTERM");
    await worker.exited;
  });

  it("runs a job again after its worker is SIGKILLed mid-run: the job is not lost", async () => {
    const first = await startWorkerProcess();
    const ctx = createContextInner(h.runtime);
    const id = await ctx.jobs.enqueue(ctx.db, slowJob, { holdMs: 2000, to: "killed@example.uz" });
    await expect.poll(() => jobState(id), { timeout: 15_000, interval: 100 }).toBe("active");
    first.child.kill("SIGKILL");
    await first.exited;
    expect(await mailTo("killed@example.uz")).toBe(0);

    const second = await startWorkerProcess();
    await expect.poll(() => jobState(id), { timeout: 30_000, interval: 250 }).toBe("completed");
    expect(await mailTo("killed@example.uz")).toBe(1);
    second.child.kill("SIGTERM");
    await second.exited;
  });

  it("finishes the job in hand on SIGTERM before exiting", async () => {
    const worker = await startWorkerProcess();
    const ctx = createContextInner(h.runtime);
    const id = await ctx.jobs.enqueue(ctx.db, slowJob, { holdMs: 1500, to: "graceful@example.uz" });
    await expect.poll(() => jobState(id), { timeout: 15_000, interval: 100 }).toBe("active");
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(await jobState(id)).toBe("completed");
    expect(await mailTo("graceful@example.uz")).toBe(1);
  });
});
