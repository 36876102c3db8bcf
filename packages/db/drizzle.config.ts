import { defineConfig } from "drizzle-kit";

// Only `generate` uses this file; migrations are applied by src/migrate.ts, never by `push`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./migrations",
  casing: "snake_case",
});
