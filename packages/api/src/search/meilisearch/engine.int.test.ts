import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";

import { describeEngineContract } from "../engine.contract";
import { MeilisearchEngine } from "./engine";
import { meiliTestEnv } from "./env";

// Test files share the server (and their cloned databases number index versions alike): a prefix of this run's own.
const engine = meiliTestEnv.MEILI_URL
  ? new MeilisearchEngine({
      url: meiliTestEnv.MEILI_URL,
      apiKey: meiliTestEnv.MEILI_API_KEY,
      indexPrefix: `test_contract_${randomBytes(4).toString("hex")}_`,
    })
  : null;

describeEngineContract("meilisearch", () => engine, "MEILI_URL is not set (point it at a Meilisearch 1.15+ server to run this suite)");

afterAll(async () => {
  await engine?.dropAllIndexes();
});
