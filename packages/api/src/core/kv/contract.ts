import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { KeyValueStore } from "./types";

/**
 * The behaviour every KeyValueStore must have. Run against Redis and against the
 * PostgreSQL twin, so code written against one works unchanged on the other.
 */
export function describeKeyValueContract(name: string, open: () => Promise<KeyValueStore>) {
  describe(`KeyValueStore contract: ${name}`, () => {
    let kv: KeyValueStore;
    beforeAll(async () => {
      kv = await open();
    });
    afterAll(async () => {
      await kv?.close();
    });

    it("stores, reads, overwrites and deletes a string", async () => {
      expect(await kv.get("s:1")).toBeNull();
      expect(await kv.set("s:1", "a")).toBe(true);
      expect(await kv.get("s:1")).toBe("a");
      await kv.set("s:1", "b");
      expect(await kv.get("s:1")).toBe("b");
      expect(await kv.del("s:1", "s:missing")).toBe(1);
      expect(await kv.get("s:1")).toBeNull();
    });

    it("keeps unicode and large values intact", async () => {
      const value = "Oʻzbekiston — Узбекистан ✓ ".repeat(2000);
      await kv.set("s:unicode", value);
      expect(await kv.get("s:unicode")).toBe(value);
    });

    it("expires a value after its TTL and reports TTLs like Redis", async () => {
      await kv.set("s:ttl", "x", { ttlSeconds: 1 });
      const ttl = await kv.ttl("s:ttl");
      expect(ttl).toBeGreaterThanOrEqual(0);
      expect(ttl).toBeLessThanOrEqual(1);
      await kv.set("s:forever", "x");
      expect(await kv.ttl("s:forever")).toBe(-1);
      expect(await kv.ttl("s:never-set")).toBe(-2);
      await sleep(1300);
      expect(await kv.get("s:ttl")).toBeNull();
      expect(await kv.ttl("s:ttl")).toBe(-2);
    });

    it("sets only when absent, and treats an expired value as absent", async () => {
      expect(await kv.set("s:nx", "first", { onlyIfAbsent: true })).toBe(true);
      expect(await kv.set("s:nx", "second", { onlyIfAbsent: true })).toBe(false);
      expect(await kv.get("s:nx")).toBe("first");
      await kv.set("s:nx-exp", "old", { ttlSeconds: 1 });
      await sleep(1200);
      expect(await kv.set("s:nx-exp", "new", { onlyIfAbsent: true, ttlSeconds: 10 })).toBe(true);
      expect(await kv.get("s:nx-exp")).toBe("new");
    });

    it("increments atomically under concurrency, applying the TTL once at creation", async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => kv.incrBy("c:1", 1, { ttlSeconds: 30 })));
      expect(new Set(results).size).toBe(50);
      expect(Math.max(...results)).toBe(50);
      expect(await kv.incrBy("c:1", 5)).toBe(55);
      const ttl = await kv.ttl("c:1");
      expect(ttl).toBeGreaterThan(25);
      expect(ttl).toBeLessThanOrEqual(30);
    });

    it("restarts a counter whose TTL ran out", async () => {
      await kv.incrBy("c:window", 3, { ttlSeconds: 1 });
      await sleep(1200);
      expect(await kv.incrBy("c:window", 1, { ttlSeconds: 1 })).toBe(1);
    });

    it("changes the expiry of an existing key and refuses a missing one", async () => {
      await kv.set("s:exp", "v");
      expect(await kv.expire("s:exp", 100)).toBe(true);
      expect(await kv.ttl("s:exp")).toBeGreaterThan(95);
      expect(await kv.expire("s:exp-missing", 100)).toBe(false);
    });

    it("keeps hashes: set, get, get all, delete fields, increment a field", async () => {
      await kv.hSet("h:1", { a: "1", b: "two" });
      await kv.hSet("h:1", { c: "3" });
      expect(await kv.hGet("h:1", "b")).toBe("two");
      expect(await kv.hGet("h:1", "zz")).toBeNull();
      expect(await kv.hGetAll("h:1")).toEqual({ a: "1", b: "two", c: "3" });
      expect(await kv.hDel("h:1", "a", "nope")).toBe(1);
      expect(await kv.hGetAll("h:1")).toEqual({ b: "two", c: "3" });
      expect(await kv.hIncrBy("h:1", "c", 4)).toBe(7);
      expect(await kv.hIncrBy("h:1", "new", 2)).toBe(2);
      expect(await kv.hGetAll("h:missing")).toEqual({});
      await kv.hDel("h:1", "b", "c", "new");
      expect(await kv.ttl("h:1")).toBe(-2);
    });

    it("increments hash fields atomically under concurrency", async () => {
      await Promise.all(Array.from({ length: 40 }, () => kv.hIncrBy("h:count", "views", 1)));
      expect(await kv.hGet("h:count", "views")).toBe("40");
    });

    it("expires a hash as a whole", async () => {
      await kv.hSet("h:exp", { a: "1" });
      expect(await kv.expire("h:exp", 1)).toBe(true);
      await sleep(1200);
      expect(await kv.hGetAll("h:exp")).toEqual({});
      expect(await kv.del("h:exp")).toBe(0);
    });

    it("delivers published messages to subscribers, in order, until they unsubscribe", async () => {
      const received: string[] = [];
      const unsubscribe = await kv.subscribe("events:orders", (message) => received.push(message));
      await kv.publish("events:orders", "one");
      await kv.publish("events:orders", JSON.stringify({ n: 2, text: "ikki — два" }));
      await expect.poll(() => received.length, { timeout: 3000 }).toBe(2);
      expect(received).toEqual(["one", JSON.stringify({ n: 2, text: "ikki — два" })]);
      await unsubscribe();
      await kv.publish("events:orders", "three");
      await sleep(300);
      expect(received).toHaveLength(2);
    });

    it("answers a ping", async () => {
      expect(await kv.ping()).toBe(true);
    });
  });
}
