import { expect, test } from "@playwright/test";

import { ADMIN_URL, consoleSignIn, DEMO_PASSWORD, SUPER_ADMIN, WEB_URL } from "./helpers";

// A valid 1×1 PNG; the API re-encodes every upload to WebP.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64");

test("a vendor lists a 2×2-variant product with a picture and stock; an admin approves; shoppers see it in Uzbek and Russian", async ({
  page,
  browser,
  request,
}) => {
  const title = `Orion E2E ${Date.now().toString(36)}`;
  await consoleSignIn(page, "vendor@ultramarket.uz", DEMO_PASSWORD);
  await page.goto(`${ADMIN_URL}/products/new`);
  await page.getByLabel("Title (Oʻzbekcha)").fill(`Smartfon ${title}`);
  await page.getByLabel("Description (Oʻzbekcha)").fill("Sinov uchun smartfon");
  await page.getByRole("tab", { name: "Русский" }).click();
  await page.getByLabel("Title (Русский)").fill(`Смартфон ${title}`);
  await page.getByLabel("Description (Русский)").fill("Тестовый смартфон");
  const category = page.getByLabel("Category");
  const smartphones = (await category.locator("option").allTextContents()).find((text) => /Smartphones|Smartfonlar/.test(text));
  await category.selectOption({ label: smartphones! });
  // The category's attributes load once it is chosen: both are optional enums.
  const attributeFields = page.getByTestId("product-attribute-fields");
  await attributeFields.getByLabel("Country of origin").selectOption({ label: "China" });
  await attributeFields.getByLabel("RAM", { exact: true }).selectOption({ label: "8GB" });

  for (const [index, [key, values]] of [
    ["color", "black, white"],
    ["storage", "128GB, 256GB"],
  ].entries()) {
    await page.getByRole("button", { name: "Add option" }).click();
    await page.getByLabel("Key").nth(index).fill(key!);
    await page
      .getByLabel(/^Name \(Oʻzbekcha\)$/)
      .nth(index)
      .fill(key === "color" ? "Rang" : "Xotira");
    await page.getByLabel("Values").nth(index).fill(values!);
  }
  const prices: Record<string, string> = {
    "black / 128GB": "3000000",
    "black / 256GB": "3500000",
    "white / 128GB": "3000000",
    "white / 256GB": "3500000",
  };
  for (const [name, price] of Object.entries(prices)) {
    await page.getByLabel(`SKU for ${name}`, { exact: true }).fill(`${title.replace(/\W+/g, "-")}-${name.replace(/\W+/g, "-")}`);
    await page.getByLabel(`Price for ${name}`, { exact: true }).fill(price);
  }
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}/);

  await page
    .getByTestId("image-manager")
    .locator('input[type="file"]')
    .setInputFiles({ name: "orion.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByTestId("image-manager").locator("img")).toHaveCount(1);
  const stockRows = page.getByTestId("stock-editor").locator("form");
  // First row: black / 128GB in the first warehouse gets stock; the others stay at 0.
  await stockRows.first().getByLabel("On hand").fill("3");
  await stockRows.first().getByLabel("Reason").fill("Delivery");
  await stockRows.first().getByRole("button", { name: "Save stock" }).click();
  await expect(stockRows.first().getByLabel("On hand")).toHaveValue("3");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review").first()).toBeVisible();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await consoleSignIn(staff, SUPER_ADMIN.email, DEMO_PASSWORD, SUPER_ADMIN.totpSecret);
  await staff.goto(`${ADMIN_URL}/review`);
  const approve = staff.getByRole("button", { name: `Approve Smartfon ${title}` });
  await approve.click();
  // Approval refreshes the queue, which the product then leaves (its confirmation goes with its row).
  await expect(approve).toHaveCount(0);
  await staffContext.close();

  await page.goto(`${WEB_URL}/uz/c/smartfonlar`);
  await page.getByRole("link", { name: new RegExp(`Smartfon ${title}`) }).click();
  await expect(page.getByTestId("product-heading")).toHaveText(`Smartfon ${title}`);
  const slug = new URL(page.url()).pathname.split("/").at(-1)!;
  await expect(page.getByTestId("gallery-main")).toBeVisible();
  const specifications = page.getByTestId("product-attributes");
  await expect(specifications).toContainText("Xitoy");
  await expect(specifications).toContainText("8GB");
  await page.getByRole("radio", { name: "Qora" }).click();
  await page.getByRole("radio", { name: "128GB" }).click();
  await expect(page.getByTestId("price").first()).toContainText("3\u00a0000\u00a0000");
  await expect(page.getByTestId("stock")).toHaveText("Faqat 3 dona qoldi");
  await page.getByRole("radio", { name: "256GB" }).click();
  await expect(page.getByTestId("price").first()).toContainText("3\u00a0500\u00a0000");
  await expect(page.getByTestId("stock")).toHaveText("Tugagan");
  const jsonLd = JSON.parse((await page.getByTestId("product-jsonld").textContent()) ?? "null") as {
    "@type": string;
    offers: { lowPrice?: string };
  }[];
  expect(jsonLd.find((n) => n["@type"] === "Product")?.offers.lowPrice).toBe("3000000.00");

  await page.goto(`${WEB_URL}/ru/p/${slug}`);
  await expect(page.getByTestId("product-heading")).toHaveText(`Смартфон ${title}`);

  const sitemap = await (await request.get(`${WEB_URL}/sitemaps/uz/products/1.xml`)).text();
  expect(sitemap).toContain(`/uz/p/${slug}</loc>`);
});
