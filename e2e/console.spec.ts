import { expect, test } from "@playwright/test";

test("the console dashboard shows live counts", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const counts = page.getByTestId("dashboard-counts");
  await expect(counts.getByText("Products")).toBeVisible();
  await expect(counts.getByText("Vendors")).toBeVisible();
  await expect(counts).toContainText("600");
  await expect(page.getByText(/Updated \d/)).toBeVisible();
});

test("the dev mailbox shows mail the worker delivered", async ({ page }) => {
  await page.goto("/mailbox");
  await expect(page.getByRole("heading", { name: "Dev mailbox" })).toBeVisible();
  const mailbox = page.getByTestId("mailbox");
  await expect(mailbox).toContainText("customer@ultramarket.uz");
  await mailbox.getByRole("link").first().click();
  await expect(page.getByText(/Demo hisobingiz tayyor/)).toBeVisible();
});
