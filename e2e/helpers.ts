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
const usedSteps = new Map<string, number>();
export async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const now = totpStep(new Date());
    const step = Math.max(now, (usedSteps.get(secret) ?? -1) + 1);
    if (step <= now + 1) {
      usedSteps.set(secret, step);
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
