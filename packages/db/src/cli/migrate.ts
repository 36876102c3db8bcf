import { runMigrations } from "../migrate";
import { openDatabase } from "./database";
import { env } from "./env";

const database = await openDatabase(env.DATABASE_URL);
try {
  await runMigrations(database.url);
  console.log("migrations applied");
} finally {
  await database.close();
}
