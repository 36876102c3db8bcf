import { expect, test } from "@playwright/test";

import { ADMIN, consoleSignIn, DEMO_PASSWORD } from "./helpers";

test("the console sends anonymous visitors to sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("staff see live counts and the dev mailbox after signing in with a second factor", async ({ page }) => {
  await consoleSignIn(page, ADMIN.email, DEMO_PASSWORD, ADMIN.totpSecret);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const counts = page.getByTestId("dashboard-counts");
  await expect(counts.getByText("Products")).toBeVisible();
  await expect(counts).toContainText("600");
  await expect(page.getByText(/Updated \d/)).toBeVisible();

  await page.goto("/mailbox");
  const mailbox = page.getByTestId("mailbox");
  await expect(mailbox).toContainText("customer@ultramarket.uz");
  await mailbox.getByRole("link").first().click();
  await expect(page.getByText(/Demo hisobingiz tayyor/)).toBeVisible();
});
