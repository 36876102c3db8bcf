import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";

import type { IsolatedDatabase } from "@ultramarket/db/testing";
import { createIsolatedDatabase } from "@ultramarket/db/testing";
import "../../testing";
import { describeKeyValueContract } from "./contract";
import { createPostgresStore } from "./postgres";

let database: IsolatedDatabase;
beforeAll(async () => {
  database = await createIsolatedDatabase(inject("pgServerUrl"), inject("pgTemplate"));
});
afterAll(async () => {
  await database?.drop();
});

describeKeyValueContract("PostgreSQL (UNLOGGED tables + LISTEN/NOTIFY)", async () =>
  createPostgresStore(database.url, { prefix: `test:${randomBytes(4).toString("hex")}:` }),
);
