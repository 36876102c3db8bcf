import { expect, test } from "@playwright/test";

import { ADMIN, consoleSignIn, DEMO_PASSWORD } from "./helpers";

test("staff see the search index and reports, and add a synonym group with its field errors shown", async ({ page }) => {
  await consoleSignIn(page, ADMIN.email, DEMO_PASSWORD, ADMIN.totpSecret);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();

  // Index status: the embedded engine, its size against the catalog, and the rebuild control.
  const status = page.getByTestId("index-status");
  await expect(status.getByTestId("index-engine")).toHaveText("PostgreSQL");
  await expect(status.getByTestId("index-documents")).toContainText(/of [\d,]+ published products/);
  await expect(status.getByRole("button", { name: /^Rebuild/ })).toBeVisible();

  // Reports: a period is chosen and kept in the URL.
  await expect(page.getByRole("heading", { name: "What shoppers search for" })).toBeVisible();
  await expect(page.getByTestId("report-summary")).toContainText("Searches");
  await page.getByRole("group", { name: "Report period" }).getByRole("button", { name: "Last 30 days" }).click();
  await expect(page).toHaveURL(/\/search\?days=30$/);
  await expect(page.getByTestId("report-top").getByRole("heading", { name: "Top queries" })).toBeVisible();

  // Synonyms: a group needs two terms; the missing one is marked next to its field.
  const suffix = Date.now().toString(36);
  const uzbek = `kir yuvish ${suffix}`;
  const russian = `стиральная ${suffix}`;
  const editor = page.getByTestId("synonym-editor");
  await editor.getByLabel("Term 1", { exact: true }).fill(uzbek);
  await editor.getByRole("button", { name: "Add group" }).click();
  const second = editor.getByLabel("Term 2", { exact: true });
  await expect(second).toHaveAttribute("aria-invalid", "true");
  await expect(editor.getByText("Enter a word or phrase")).toBeVisible();

  await second.fill(russian);
  await editor.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByText(`Group “${uzbek}, ${russian}” added.`)).toBeVisible();
  const group = page.getByTestId("synonym-list").getByTestId("synonym-group").filter({ hasText: uzbek });
  await expect(group).toContainText(russian);

  // The same word in capitals folds to the same key: refused, with the group that holds it named beside the field.
  await editor.getByLabel("Term 1", { exact: true }).fill(`qurilma ${suffix}`);
  await editor.getByLabel("Term 2", { exact: true }).fill(russian.toUpperCase());
  await editor.getByRole("button", { name: "Add group" }).click();
  await expect(editor.getByText(`Already in the group “${uzbek}, ${russian}”`)).toBeVisible();
  await expect(editor.getByLabel("Term 2", { exact: true })).toHaveAttribute("aria-invalid", "true");
});
