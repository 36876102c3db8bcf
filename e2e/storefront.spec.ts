import { expect, test } from "@playwright/test";

test.describe("storefront: home → category → product", () => {
  test("in Uzbek (the default language)", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/uz$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "uz");
    await expect(page.getByRole("heading", { name: "Kategoriyalar" })).toBeVisible();
    await expect(page.getByTestId("category-list").getByRole("link", { name: "Elektronika" })).toBeVisible();
    await expect(page.getByTestId("product-title").first()).toBeVisible();

    await page.getByTestId("category-list").getByRole("link", { name: "Telefonlar va aksessuarlar" }).click();
    await expect(page.getByTestId("category-title")).toHaveText("Telefonlar va aksessuarlar");
    await expect(page.getByRole("navigation", { name: "Bosh sahifa" })).toContainText("Elektronika");
    const cards = page.getByTestId("product-title");
    await expect(cards.first()).toBeVisible();
    const firstPageCount = await cards.count();
    expect(firstPageCount).toBeGreaterThan(0);

    // Sorting by price puts the cheapest first.
    await page.getByRole("link", { name: "Arzonroq" }).click();
    await expect(page).toHaveURL(/sort=price_asc/);
    const prices = await page.getByTestId("price").allInnerTexts();
    const amounts = prices.map((p) => Number(p.replace(/\D/g, "")));
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    expect(prices[0]).toMatch(/soʻm$/);

    await page.getByRole("link", { name: "Smartfonlar" }).first().click();
    await expect(page.getByTestId("category-title")).toHaveText("Smartfonlar");
    await cards.first().click();

    const heading = page.getByTestId("product-heading");
    await expect(heading).toContainText("Smartfon");
    await expect(page.getByTestId("gallery-main")).toBeVisible();
    await expect(page.getByTestId("price").first()).toContainText("soʻm");
    await expect(page.getByTestId("stock")).toBeVisible();

    // The variant picker changes the SKU (and the price) in place.
    const options = page.getByRole("radio");
    expect(await options.count()).toBeGreaterThanOrEqual(2);
    await options.nth(0).click();
    const firstSku = await page.getByTestId("sku").innerText();
    const firstPrice = await page.getByTestId("price").first().innerText();
    await options.nth(1).click();
    await expect(page.getByTestId("sku")).not.toHaveText(firstSku);
    await expect(options.nth(1)).toHaveAttribute("aria-checked", "true");
    await expect(page.getByTestId("price").first()).not.toHaveText(firstPrice);
  });

  test("in Russian, switched to from the header", async ({ page }) => {
    await page.goto("/uz");
    await page.getByRole("link", { name: "Русский" }).click();
    await expect(page).toHaveURL(/\/ru$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { name: "Категории" })).toBeVisible();

    await page.getByTestId("category-list").getByRole("link", { name: "Бытовая техника" }).click();
    await expect(page.getByTestId("category-title")).toHaveText("Бытовая техника");
    await page.getByRole("link", { name: "Техника для кухни" }).click();
    await expect(page.getByTestId("category-title")).toHaveText("Техника для кухни");
    await page.getByRole("link", { name: "Холодильники" }).click();
    await expect(page.getByTestId("category-title")).toHaveText("Холодильники");
    await page.getByTestId("product-title").first().click();
    await expect(page.getByTestId("product-heading")).toContainText("Холодильник");
    await expect(page.getByTestId("price").first()).toContainText("сум");
    await expect(page.getByText("Цена с НДС (12%)")).toBeVisible();
  });

  test("loads further pages of a large category in the browser", async ({ page }) => {
    // The Uzbek slug leads to the English page's own slug.
    await page.goto("/en/c/elektronika");
    await expect(page).toHaveURL(/\/en\/c\/electronics$/);
    await expect(page.getByTestId("category-title")).toHaveText("Electronics");
    const cards = page.getByTestId("product-title");
    await expect(cards).toHaveCount(24);
    await page.getByRole("button", { name: "Show more" }).click();
    await expect(cards).toHaveCount(48);
  });

  test("answers unknown products and languages with a 404 page", async ({ page }) => {
    const product = await page.goto("/uz/p/no-such-product");
    expect(product?.status()).toBe(404);
    await expect(page.getByText("Page not found")).toBeVisible();
    const locale = await page.goto("/de");
    expect(locale?.status()).toBe(404);
  });
});

test.describe("storefront SEO", () => {
  test("a product page carries Product and BreadcrumbList JSON-LD, a canonical URL and hreflang links", async ({ page }) => {
    await page.goto("/uz/c/smartfonlar");
    await page.getByTestId("product-title").first().click();
    await expect(page.getByTestId("product-heading")).toBeVisible();
    const slug = new URL(page.url()).pathname.split("/").at(-1)!;

    const raw = (await page.getByTestId("product-jsonld").textContent()) ?? "";
    const parsed = JSON.parse(raw) as Record<string, unknown> | Record<string, unknown>[];
    const nodes = Array.isArray(parsed) ? parsed : [parsed];
    const product = nodes.find((n) => n["@type"] === "Product") as Record<string, unknown> & { offers: Record<string, string> };
    expect(product["@context"]).toBe("https://schema.org");
    expect(typeof product.name).toBe("string");
    expect(product.offers.priceCurrency).toBe("UZS");
    expect(["Offer", "AggregateOffer"]).toContain(product.offers["@type"]);
    expect(product.offers.price ?? product.offers.lowPrice).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(product.offers.availability).toMatch(/^https:\/\/schema\.org\/(InStock|OutOfStock)$/);
    const crumbs = nodes.find((n) => n["@type"] === "BreadcrumbList") as { itemListElement: { position: number; item: string }[] };
    expect(crumbs.itemListElement.map((c) => c.position)).toEqual(crumbs.itemListElement.map((_, i) => i + 1));

    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/uz/p/${slug}$`));
    await expect(page.locator('link[rel="alternate"][hreflang="ru"]')).toHaveAttribute("href", new RegExp(`/ru/p/${slug}$`));
  });

  test("robots.txt points at a sitemap index whose pages list published products", async ({ request }) => {
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
    const index = await (await request.get("/sitemap.xml")).text();
    expect(index).toContain("<sitemapindex");
    expect(index).toMatch(/\/sitemaps\/ru\/products\/1\.xml/);
    const products = await request.get("/sitemaps/uz/products/1.xml");
    expect(products.status()).toBe(200);
    const xml = await products.text();
    expect(xml).toMatch(/<loc>[^<]*\/uz\/p\/[a-z0-9-]+<\/loc>/);
    expect(xml).toContain('hreflang="ru"');
    expect((await request.get("/sitemaps/uz/products/999.xml")).status()).toBe(404);
  });

  test("a vendor page lists the vendor's products, linked from the product page", async ({ page }) => {
    await page.goto("/uz/c/smartfonlar");
    await page.getByTestId("product-title").first().click();
    await page.getByTestId("vendor-name").getByRole("link").click();
    await expect(page).toHaveURL(/\/uz\/v\/[a-z-]+$/);
    await expect(page.getByTestId("product-title").first()).toBeVisible();
  });
});

test("category filters by brand, price and stock, in a shareable URL that sorting keeps", async ({ page }) => {
  await page.goto("/en/c/elektronika");
  const filters = page.getByRole("form", { name: "Filters" });
  const firstBrand = filters.getByRole("checkbox").first();
  const brand = ((await firstBrand.getAttribute("value")) ?? "").trim();
  await firstBrand.check();
  await filters.getByLabel("In stock only").check();
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`brand=${encodeURIComponent(brand).replace(/%20/g, "\\+")}.*instock=1|instock=1.*brand=`));
  const cards = page.getByTestId("product-title");
  await expect(cards.first()).toBeVisible();
  for (const title of await cards.allInnerTexts()) expect(title).toContain(brand);
  await expect(page.getByText("Out of stock")).toHaveCount(0);

  await page.getByRole("link", { name: "Price: low to high" }).click();
  await expect(page).toHaveURL(/sort=price_asc.*instock=1/);
  const prices = (await page.getByTestId("price").allInnerTexts()).map((p) => Number(p.replace(/\D/g, "")));
  expect(prices).toEqual([...prices].sort((a, b) => a - b));
});

test("category attribute filters show counts, travel in the URL and survive the Popular sort; the product page renders its description", async ({
  page,
}) => {
  await page.goto("/uz/c/smartfonlar");
  const filters = page.getByRole("form", { name: "Filtrlar" });
  const origin = filters.getByRole("group", { name: "Ishlab chiqarilgan mamlakat" });
  await expect(origin).toBeVisible();
  await expect(filters.getByRole("group", { name: "Operativ xotira" })).toBeVisible();

  const option = origin.getByTestId("facet-value").first();
  const value = (await option.getByRole("checkbox").getAttribute("value")) ?? "";
  const name = (await option.getByTestId("facet-name").innerText()).trim();
  const count = Number(await option.getByTestId("facet-count").innerText());
  expect(value).toMatch(/^[a-z]+$/);
  expect(count).toBeGreaterThan(0);
  await option.getByRole("checkbox").check();
  await filters.getByRole("button", { name: "Qoʻllash" }).click();

  await expect(page).toHaveURL(new RegExp(`[?&]attr\\.origin=${value}(&|$)`));
  await expect(page.getByRole("list", { name: "Tanlangan filtrlar" })).toContainText(name);
  await expect(origin.getByRole("checkbox", { name })).toBeChecked();
  const cards = page.getByTestId("product-title");
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeLessThanOrEqual(count);

  // The Popular sort keeps the attribute filter.
  await page.getByRole("link", { name: "Ommabop", exact: true }).click();
  await expect(page).toHaveURL(/[?&]sort=popular/);
  await expect(page).toHaveURL(new RegExp(`[?&]attr\\.origin=${value}(&|$)`));
  await expect(page.getByRole("link", { name: "Ommabop", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(origin.getByRole("checkbox", { name })).toBeChecked();
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeLessThanOrEqual(count);

  // A hand-edited URL with unknown attributes or values is ignored, not an error.
  const odd = await page.goto(`/uz/c/smartfonlar?sort=popular&attr.origin=${value}&attr.origin=zz&attr.Bad-Key=1&attr.nosuch=x`);
  expect(odd?.status()).toBe(200);
  await expect(page.getByRole("list", { name: "Tanlangan filtrlar" }).getByRole("listitem")).toHaveCount(1);

  // "Clear all" drops the filters and keeps the sort.
  await page.getByRole("link", { name: "Hammasini tozalash" }).click();
  await expect(page).not.toHaveURL(/attr\./);
  await expect(page).toHaveURL(/[?&]sort=popular/);
  await expect(origin.getByRole("checkbox", { name })).not.toBeChecked();

  // The product page: description rendered as HTML, plain text in the meta description, one view recorded from the browser.
  const viewed = page.waitForRequest((request) => request.method() === "POST" && request.url().includes("catalog.recordView"));
  await cards.first().click();
  await expect(page.getByTestId("product-heading")).toBeVisible();
  await viewed;
  await expect(page.getByRole("heading", { name: "Tavsif" })).toBeVisible();
  const description = page.getByTestId("product-description");
  await expect(description).toBeVisible();
  await expect(description).not.toBeEmpty();
  expect(await description.locator("script, style, iframe").count()).toBe(0);
  const meta = (await page.locator('meta[name="description"]').getAttribute("content")) ?? "";
  expect(meta.length).toBeGreaterThan(0);
  expect(meta).not.toMatch(/[<>]/);
  // Every leaf category defines "country of origin"; the seed fills it.
  await expect(page.getByTestId("product-attributes")).toContainText("Ishlab chiqarilgan mamlakat");
});
