import path from "node:path";
import { parseArgs } from "node:util";

import { runMigrations } from "../migrate";
import { dataDir } from "../paths";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDatabase } from "../seed";
import { openDatabase } from "./database";
import { env } from "./env";

const { values } = parseArgs({ options: { products: { type: "string", default: "600" } } });
const products = Number(values.products);
if (!Number.isInteger(products) || products < 1) {
  console.error("--products must be a whole number ≥ 1");
  process.exit(1);
}

const database = await openDatabase(env.DATABASE_URL);
try {
  await runMigrations(database.url);
  const report = await seedDatabase(database.url, {
    products,
    filesDir: env.FILES_DIR ?? path.join(dataDir(), "files"),
    log: (line) => console.log(line),
  });
  console.log(
    `seeded ${report.products.toLocaleString("en")} products (${report.variants.toLocaleString("en")} variants, ${report.images.toLocaleString("en")} images), ${report.categories} categories, ${report.vendors} vendors in ${report.seconds.toFixed(1)} s`,
  );
  console.log(`demo accounts (password: ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) {
    const extra = account.vendor ? ` (${account.vendor})` : account.totpSecret ? ` (TOTP secret ${account.totpSecret})` : "";
    console.log(`  ${account.role.padEnd(11)} ${account.email}${extra}`);
  }
} finally {
  await database.close();
}
