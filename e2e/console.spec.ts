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

  // Every vendor's products, narrowed to one vendor and to products in stock.
  await page.goto("/all-products");
  const table = page.getByTestId("all-products");
  await expect(table.locator("tbody tr")).toHaveCount(25);
  const vendor = page.getByLabel("Vendor");
  await vendor.selectOption((await vendor.locator("option", { hasText: "Samarqand" }).getAttribute("value")) ?? "");
  await page.getByLabel("Stock").selectOption("in_stock");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/stock=in_stock/);
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const name of await rows.locator("td:nth-child(2)").allTextContents()) expect(name).toMatch(/Samarqand/);
  for (const available of await rows.locator("td:nth-child(5)").allTextContents())
    expect(Number(available.replace(/,/g, ""))).toBeGreaterThan(0);
});
