import { defineConfig } from "@playwright/test";

/**
 * Runs against production builds started by scripts/e2e.ts (which passes the URLs), in
 * Debian's chromium: `npx playwright install` cannot download browsers on our machines.
 */
import { ADMIN_URL, CHROMIUM_PATH, WEB_URL } from "./e2e/env";

export default defineConfig({
  testDir: "e2e",
  // One worker: staff sign-ins share TOTP secrets, and a code works only once per 30 s step.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 90_000,
  use: {
    baseURL: WEB_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "storefront", testMatch: /storefront\.spec\.ts/, use: { baseURL: WEB_URL } },
    { name: "console", testMatch: /console\.spec\.ts/, use: { baseURL: ADMIN_URL } },
    { name: "console-search", testMatch: /console-search\.spec\.ts/, use: { baseURL: ADMIN_URL } },
    { name: "identity", testMatch: /identity\.spec\.ts/, use: { baseURL: WEB_URL } },
    { name: "catalog", testMatch: /catalog\.spec\.ts/, use: { baseURL: WEB_URL } },
    { name: "search", testMatch: /[\\/]search\.spec\.ts$/, use: { baseURL: WEB_URL } },
    { name: "orders", testMatch: /[\\/]orders\.spec\.ts$/, use: { baseURL: WEB_URL } },
  ],
});
