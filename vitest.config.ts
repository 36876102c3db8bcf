import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{packages,apps}/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/.next/**"],
    globalSetup: ["./vitest.global-setup.ts"],
    // Files run in parallel, each in its own database cloned from the migrated template.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
