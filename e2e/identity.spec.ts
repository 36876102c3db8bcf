import type { Browser, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { ADMIN_URL, consoleSignIn, DEMO_PASSWORD, freshTotp, SUPER_ADMIN, WEB_URL } from "./helpers";

/** Reads the newest mail to `to` in the console's dev mailbox (as an admin) and returns the first link in it. */
async function linkFromMailbox(browser: Browser, to: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The super admin, not the admin: console.spec.ts signs the admin in from another worker,
  // and a TOTP code works once per 30-second step.
  await consoleSignIn(page, SUPER_ADMIN.email, DEMO_PASSWORD, SUPER_ADMIN.totpSecret);
  await page.goto(`${ADMIN_URL}/mailbox`);
  const row = page.getByTestId("mailbox").getByRole("row").filter({ hasText: to }).first();
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.getByRole("link").click();
  const text = await page.locator("pre").innerText();
  await context.close();
  const link = /https?:\/\/\S+/.exec(text)?.[0];
  if (!link) throw new Error(`no link in the mail to ${to}:\n${text}`);
  return link;
}

async function storefrontSignIn(page: Page, email: string, password: string) {
  await page.goto(`${WEB_URL}/en/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("sign up, verify by mail, sign in, enrol TOTP, sign out, sign in with TOTP", async ({ page, browser }) => {
  const email = `shopper-${Date.now()}@example.uz`;
  const password = "qovun-va-tarvuz-2026";

  await page.goto(`${WEB_URL}/en/sign-up`);
  await page.getByLabel("Name", { exact: true }).fill("Shahzoda Karimova");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByTestId("signup-done")).toBeVisible();

  const verifyLink = await linkFromMailbox(browser, email);
  expect(verifyLink).toContain("/verify-email?token=");
  await page.goto(verifyLink);
  await page.getByRole("button", { name: /confirm|tasdiq/i }).click();
  await expect(page.getByTestId("email-verified")).toBeVisible();

  await storefrontSignIn(page, email, password);
  await expect(page.getByTestId("account-link")).toBeVisible();
  await page.goto(`${WEB_URL}/en/account/security`);
  await page.getByRole("button", { name: "Turn on", exact: true }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Verification code").fill(await freshTotp(secret));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);

  await page
    .getByRole("button", { name: /sign out/i })
    .first()
    .click();
  await expect(page.getByTestId("account-link")).toBeHidden();

  await storefrontSignIn(page, email, password);
  const code = page.getByLabel("Verification code");
  await expect(code).toBeVisible();
  await code.fill(await freshTotp(secret));
  await page.getByRole("button", { name: /verify|continue|sign in/i }).click();
  await expect(page.getByTestId("account-link")).toBeVisible();
});

test("a customer applies to sell, an admin approves, and the new vendor reaches the console", async ({ page, browser }) => {
  await storefrontSignIn(page, "customer@ultramarket.uz", DEMO_PASSWORD);
  await expect(page.getByTestId("account-link")).toBeVisible();
  await page.goto(`${WEB_URL}/en/account/sell`);
  await page.getByLabel("Store name").fill("Chorsu Bozori");
  await page.getByLabel("Legal name").fill("“Chorsu Bozori” MChJ");
  await page.getByLabel("Taxpayer number (STIR)").fill("209876543");
  await page.getByLabel("Bank", { exact: true }).fill("Kapitalbank");
  await page.getByLabel("Settlement account").fill("20208000900123456001");
  await page.getByLabel("Bank code (MFO)").fill("01158");
  await page.getByLabel("Name", { exact: true }).fill("Bobur Qodirov");
  await page.getByLabel("Phone number").fill("+998 97 765 43 21");
  await page.getByLabel("Email", { exact: true }).fill("bobur@chorsu.uz");
  await page.locator('input[type="file"]').setInputFiles({
    name: "guvohnoma.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
  });
  await expect(page.getByText("guvohnoma.pdf")).toBeVisible();
  await page.getByRole("button", { name: "Submit the application" }).click();
  await expect(page.getByTestId("application-status")).toContainText("pending");

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await consoleSignIn(admin, SUPER_ADMIN.email, DEMO_PASSWORD, SUPER_ADMIN.totpSecret);
  await admin.goto(`${ADMIN_URL}/vendor-applications`);
  await admin
    .getByTestId("applications")
    .getByRole("link", { name: /Chorsu Bozori/ })
    .click();
  await admin.getByRole("button", { name: /approve/i }).click();
  await expect(admin.getByText(/approved/i).first()).toBeVisible();
  await adminContext.close();

  const vendorContext = await browser.newContext();
  const vendor = await vendorContext.newPage();
  await consoleSignIn(vendor, "customer@ultramarket.uz", DEMO_PASSWORD);
  await expect(vendor.getByTestId("vendor-stores")).toContainText("Chorsu Bozori");
  await vendorContext.close();
});
