import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

import { totpAt, totpStep } from "@ultramarket/api/auth/totp";

import { ADMIN_URL } from "./env";

export { ADMIN_URL, WEB_URL } from "./env";
export const DEMO_PASSWORD = "ultramarket-demo-2026";
export const ADMIN = { email: "admin@ultramarket.uz", totpSecret: "ULTRAMARKETADMINDEMOKEYTWOSIXAAA" };
export const SUPER_ADMIN = { email: "superadmin@ultramarket.uz", totpSecret: "ULTRAMARKETSUPERADMINDEMOTWOSIXA" };

/**
 * A TOTP code that has not been used yet: each code works once per 30-second step, so a
 * test that needs several codes in one window takes the next step's (one step of clock
 * drift is accepted).
 */
// Tests of different projects run in different worker processes (one at a time), so the
// steps already used are kept in a file rather than in memory.
const USED_STEPS_FILE = path.join(os.tmpdir(), "ultramarket-e2e-totp-steps.json");
function readUsedSteps(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(USED_STEPS_FILE, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

export async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const used = readUsedSteps();
    const now = totpStep(new Date());
    const step = Math.max(now, (used[secret] ?? -1) + 1);
    if (step <= now + 1) {
      writeFileSync(USED_STEPS_FILE, JSON.stringify({ ...used, [secret]: step }));
      return totpAt(secret, step);
    }
    // Both usable steps are spent: wait for the next 30-second window.
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
  }
}

/** Signs in to the console, answering the second-factor step when asked. */
export async function consoleSignIn(page: Page, email: string, password: string, totpSecret?: string) {
  await page.goto(`${ADMIN_URL}/sign-in`);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  if (totpSecret) {
    await page.getByTestId("totp-code").fill(await freshTotp(totpSecret));
    await page.getByRole("button", { name: /verify|continue|sign in/i }).click();
  }
  await expect(page.getByTestId("console-user")).toBeVisible();
}
