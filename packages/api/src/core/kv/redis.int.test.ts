import { randomBytes } from "node:crypto";
import { describe, inject, it } from "vitest";

import "../../testing";
import { describeKeyValueContract } from "./contract";
import { createRedisStore } from "./redis";

const redisUrl = inject("redisUrl");

if (redisUrl) {
  describeKeyValueContract("Redis", async () => createRedisStore(redisUrl, { prefix: `test:${randomBytes(4).toString("hex")}:` }));
} else {
  const reason = "REDIS_URL is unset; set it (CI does) to run the KeyValueStore contract against Redis";
  console.log(`SKIPPED Redis contract tests: ${reason}`);
  describe("KeyValueStore contract: Redis", () => {
    it.skip(`skipped: ${reason}`, () => undefined);
  });
}
