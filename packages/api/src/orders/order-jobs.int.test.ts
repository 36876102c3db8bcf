import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedDatabase } from "@ultramarket/db/seed";
import { createBuyers, one, pickVariant, setStock } from "../checkout/test-fixtures";
import type { JobDefinition } from "../jobs/define";
import { lowStockAlertJob } from "../jobs/definitions/low-stock";
import { orderPlacedJob, orderStatusChangedJob } from "../jobs/definitions/order-notifications";
import { idempotencyKeysPruneJob, ordersAutoCancelJob, reservationsExpireJob } from "../jobs/definitions/order-schedules";
import { JOB_DEFINITIONS } from "../jobs/registry";
import type { Worker } from "../jobs/worker";
import { startWorker } from "../jobs/worker";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";

let h: TestHarness;
let worker: Worker;
const definitions = [
  orderPlacedJob,
  orderStatusChangedJob,
  lowStockAlertJob,
  ordersAutoCancelJob,
  reservationsExpireJob,
  idempotencyKeysPruneJob,
] as unknown as JobDefinition[];

beforeAll(async () => {
  h = await createTestHarness({ orderAutoCancelMinutes: 30 });
  await seedDatabase(h.database.url, { products: 5, filesDir: "/tmp/ultramarket-test-files" });
  worker = await startWorker(h.runtime, definitions);
});
afterAll(async () => {
  await worker?.stop(5_000);
  await h?.close();
});

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const subjectsTo = async (to: string) =>
  ((await h.runtime.sql`select subject from dev_mailbox where "to" = ${to} order by created_at`) as unknown as { subject: string }[]).map(
    (m) => m.subject,
  );

describe("order jobs in the worker", () => {
  it("are registered, and the three sweeps run on a cron schedule", async () => {
    for (const job of definitions) expect(JOB_DEFINITIONS).toContain(job);
    const schedules = (await h.runtime.sql`select name, cron from pgboss.schedule order by name`) as unknown as {
      name: string;
      cron: string;
    }[];
    expect(schedules).toEqual(
      expect.arrayContaining([
        { name: "checkout-prune-idempotency-keys", cron: "17 3 * * *" },
        { name: "inventory-expire-reservations", cron: "* * * * *" },
        { name: "orders-auto-cancel", cron: "*/5 * * * *" },
      ]),
    );
  });

  it("mail the shopper (in the order's language) and the vendor (in theirs) when an order is placed, and cancel it when nobody confirms it in time", async () => {
    const variant = await pickVariant(h, "toshkent-elektron");
    await setStock(h, variant.variantId, { [variant.warehouses[0]!.id]: 5, [variant.warehouses[1]!.id]: 0 });
    const [buyer] = await createBuyers(h, 1);
    await h.runtime.sql`update users set locale = 'ru' where id = ${buyer!.session.userId}`;
    const email = (await one<{ email: string }>(h.runtime.sql`select email from users where id = ${buyer!.session.userId}`)).email;
    const api = h.caller(buyer!.session);
    await api.cart.addItem({ variantId: variant.variantId, quantity: 1 });
    const placed = await api.checkout.placeOrder({ addressId: buyer!.addressId, idempotencyKey: `jobs-test-${Date.now()}` });

    expect(
      await eventually(
        () => subjectsTo(email),
        (s) => s.length > 0,
      ),
    ).toEqual([`Заказ ${placed.number} принят`]);
    expect(
      await eventually(
        () => subjectsTo("vendor@ultramarket.uz"),
        (s) => s.length > 0,
      ),
    ).toEqual([`Yangi buyurtma ${placed.vendorOrders[0]!.number}`]);

    h.clock.advance(31 * 60_000);
    await h.runtime.jobs.boss.send(ordersAutoCancelJob.name, {});
    const status = await eventually(
      async () =>
        (await one<{ status: string }>(h.runtime.sql`select status from vendor_orders where id = ${placed.vendorOrders[0]!.id}`)).status,
      (s) => s === "CANCELLED",
    );
    expect(status).toBe("CANCELLED");
    expect(
      await eventually(
        () => subjectsTo(email),
        (s) => s.length > 1,
      ),
    ).toEqual([`Заказ ${placed.number} принят`, `Заказ ${placed.vendorOrders[0]!.number}: Отменён`]);
  });
});
