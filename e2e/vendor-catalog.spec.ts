import { expect, test } from "@playwright/test";

import { ADMIN_URL, consoleSignIn, DEMO_PASSWORD } from "./helpers";

// Runs in the "catalog" project (playwright.config.ts matches /catalog\.spec\.ts/).

// A valid 1×1 PNG; the API re-encodes every upload to WebP.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64");

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csvLine = (values: string[]) => values.map(csvField).join(",");

test("a vendor imports a CSV with one bad row, bulk-edits the new variant's price and arranges its pictures", async ({ page }) => {
  test.setTimeout(150_000);
  const id = Date.now().toString(36);
  const ref = `E2E-${id}`;
  const title = `Import smartfon ${id}`;
  const sku128 = `${ref}-128`;
  const fileName = `e2e-${id}.csv`;
  await consoleSignIn(page, "vendor@ultramarket.uz", DEMO_PASSWORD);

  // Import: two good rows (one product, two variants) and a bad price on line 4 (the header is line 1).
  await page.goto(`${ADMIN_URL}/catalog-import`);
  const warehouse = (await page.getByTestId("export-warehouse").locator("option").first().textContent())?.trim();
  expect(warehouse).toBeTruthy();
  const description = "<p>Import <strong>sinov</strong> uchun</p>";
  const csv = [
    csvLine([
      "product_ref",
      "category",
      "title_uz",
      "description_uz",
      "option1_name",
      "option1_value",
      "sku",
      "price",
      "warehouse",
      "stock",
    ]),
    csvLine([ref, "smartfonlar", title, description, "storage", "128GB", sku128, "2500000", warehouse!, "5"]),
    csvLine([ref, "smartfonlar", title, description, "storage", "256GB", `${ref}-256`, "2900000.50", warehouse!, "2"]),
    csvLine([`${ref}-BAD`, "smartfonlar", `Yomon qator ${id}`, "Tavsif", "", "", `${ref}-BAD`, "abc", warehouse!, "1"]),
  ].join("\n");
  const upload = page.getByTestId("import-upload");
  const uploadButton = upload.getByRole("button", { name: "Upload and import" });
  await expect(uploadButton).toBeEnabled();
  await upload.getByLabel("CSV file").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await uploadButton.click();
  await expect(upload).toContainText(`“${fileName}” uploaded`);

  // The list polls while the worker runs the import; the import just uploaded shows its details.
  const row = page.getByTestId("import-row").filter({ hasText: fileName });
  await expect(row.getByTestId("import-status")).toHaveText("Succeeded", { timeout: 90_000 });
  await expect(row.getByTestId("import-created-products")).toHaveText("1");
  await expect(row.getByTestId("import-created-variants")).toHaveText("2");
  await expect(row.getByTestId("import-error-rows")).toHaveText("1");
  const refused = row.getByTestId("import-error");
  await expect(refused).toHaveCount(1);
  await expect(refused.locator("td").nth(0)).toHaveText("4");
  await expect(refused.locator("td").nth(1)).toHaveText(`${ref}-BAD`);
  await expect(refused.locator("td").nth(2)).toHaveText("price");
  await expect(row.getByRole("link", { name: "Download error report (CSV)" })).toHaveAttribute(
    "href",
    /^\/api\/imports\/errors\?vendorId=[0-9a-f-]{36}&importId=[0-9a-f-]{36}$/,
  );

  // Bulk edit: find the new SKU, change its price (the row selects itself), save with a reason.
  await page.goto(`${ADMIN_URL}/bulk-edit`);
  const search = page.getByRole("search");
  await search.getByLabel("Search").fill(sku128);
  await search.getByRole("button", { name: "Search" }).click();
  const bulkRow = page.getByTestId("bulk-row");
  await expect(bulkRow).toHaveCount(1);
  await expect(bulkRow).toHaveAttribute("data-sku", sku128);
  const price = page.getByLabel(`Price (soʻm) for ${sku128}`, { exact: true });
  await expect(price).toHaveValue("2500000");
  await price.fill("2450000");
  await expect(bulkRow.getByRole("checkbox", { name: `Select ${sku128}` })).toBeChecked();
  await page.getByLabel("Reason", { exact: true }).fill("E2E price list");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("bulk-result")).toHaveText("Saved: 1 price change and 0 stock changes.");
  await expect(price).toHaveValue("2450000");

  // The product editor: the imported description loads as rich text; two pictures, the second moved first with an alt text.
  await bulkRow.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}/);
  await expect(page.getByRole("textbox", { name: "Description (Oʻzbekcha)" }).locator("strong")).toHaveText("sinov");
  const gallery = page.getByTestId("image-manager");
  const fileInput = gallery.locator('input[type="file"]');
  await expect(fileInput).toBeEnabled();
  await fileInput.setInputFiles([
    { name: "front.png", mimeType: "image/png", buffer: PNG },
    { name: "back.png", mimeType: "image/png", buffer: PNG },
  ]);
  const pictures = gallery.getByTestId("gallery-item");
  await expect(pictures).toHaveCount(2);
  const firstId = await pictures.nth(0).getAttribute("data-image-id");
  const secondId = await pictures.nth(1).getAttribute("data-image-id");
  await gallery.getByRole("button", { name: "Move picture 2 up", exact: true }).click();
  await expect(pictures.nth(0)).toHaveAttribute("data-image-id", secondId!);
  await pictures.nth(0).getByLabel("Alt text (Oʻzbekcha)").fill("Orqa tomoni");
  await gallery.getByRole("button", { name: "Save gallery" }).click();
  await expect(gallery.getByRole("status").filter({ hasText: "Gallery saved." })).toBeVisible();

  await page.reload();
  await expect(pictures).toHaveCount(2);
  await expect(pictures.nth(0)).toHaveAttribute("data-image-id", secondId!);
  await expect(pictures.nth(1)).toHaveAttribute("data-image-id", firstId!);
  await expect(pictures.nth(0).getByLabel("Alt text (Oʻzbekcha)")).toHaveValue("Orqa tomoni");
});
