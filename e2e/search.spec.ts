import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

/**
 * Storefront search over the demo catalog (scripts/e2e.ts seeds it; titles such as "Samsung Smartfon Nova 42",
 * in Russian "Смартфон Samsung Nova 42"). The worker builds the search index when it starts, so each test first
 * waits until the index answers.
 */
async function waitForSearchIndex(request: APIRequestContext) {
  const input = encodeURIComponent(JSON.stringify({ json: { text: "smartfon", limit: 1, facets: false } }));
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/trpc/search.query?input=${input}`);
        if (!response.ok()) return 0;
        const body = (await response.json()) as { result?: { data?: { json?: { total?: number } } } };
        return body.result?.data?.json?.total ?? 0;
      },
      { timeout: 30_000, message: "the search index answers for the demo catalog" },
    )
    .toBeGreaterThan(0);
}

const searchBox = (page: Page, name: string) => page.getByRole("combobox", { name });
const results = (page: Page) => page.getByTestId("search-result");

test.beforeEach(async ({ request }) => {
  await waitForSearchIndex(request);
});

test("the header's search box suggests while typing, and Enter shows results with the words marked", async ({ page }) => {
  await page.goto("/uz");
  const box = searchBox(page, "Mahsulotlarni qidirish");
  await box.fill("smartfon");
  const listbox = page.getByRole("listbox", { name: "Qidiruv takliflari" });
  await expect(listbox).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(box).toHaveAttribute("aria-controls", (await listbox.getAttribute("id")) ?? "");
  await expect(listbox.getByRole("group", { name: "Mahsulotlar" }).getByRole("option").first()).toBeVisible();
  await expect(
    listbox
      .getByRole("option")
      .filter({ hasText: /smartfon/i })
      .first()
      .locator("mark")
      .first(),
  ).toHaveText(/smartfon/i);

  await box.press("Enter");
  await expect(page).toHaveURL(/\/uz\/search\?q=smartfon$/);
  await expect(page.getByTestId("search-title")).toContainText("smartfon");
  await expect(page.getByTestId("search-total")).toContainText(/\d+ ta mahsulot topildi/);
  await expect(results(page).first()).toBeVisible();
  await expect(results(page).first().locator("mark").first()).toHaveText(/smartfon/i);
  // The box keeps the words searched for.
  await expect(box).toHaveValue("smartfon");
  // The plain words' page is the canonical one and may be indexed.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/uz\/search\?q=smartfon$/);
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
});

test("a search in Cyrillic finds the Russian titles", async ({ page }) => {
  await page.goto("/ru");
  const box = searchBox(page, "Поиск товаров");
  await box.fill("смартфон");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/ru\/search\?q=/);
  await expect(results(page).first()).toBeVisible();
  await expect(results(page).first().locator("mark").first()).toHaveText(/смартфон/i);
  await expect(page.getByTestId("search-total")).toContainText("Найдено товаров");
});

test("a typo still finds the products, saying which words were used", async ({ page }) => {
  await page.goto("/uz/search?q=smartfn");
  await expect(results(page).first()).toBeVisible();
  const corrected = page.getByTestId("search-corrected");
  // The engine either corrects the word (and says so) or matches it as typed; either way there are results.
  if ((await corrected.count()) > 0) await expect(corrected).toContainText(/smartfon/i);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});

test("a brand facet narrows the results and travels in the URL; a result opens its product", async ({ page }) => {
  await page.goto("/en/search?q=smartfon");
  await expect(results(page).first()).toBeVisible();
  const before = await results(page).count();
  const filters = page.getByRole("form", { name: "Filters" });
  const brands = filters.getByRole("group", { name: "Brand" });
  const option = brands.getByTestId("facet-value").first();
  const brand = (await option.getByRole("checkbox").getAttribute("value")) ?? "";
  const count = Number(await option.getByTestId("facet-count").innerText());
  expect(brand).not.toBe("");
  await option.getByRole("checkbox").check();
  await filters.getByRole("button", { name: "Apply" }).click();

  await expect(page).toHaveURL(new RegExp(`[?&]brand=${encodeURIComponent(brand).replace(/%20/g, "\\+")}(&|$)`));
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText(brand);
  await expect(results(page).first()).toBeVisible();
  const titles = await results(page).getByTestId("product-title").allInnerTexts();
  expect(titles.length).toBeLessThanOrEqual(Math.min(count, before));
  for (const title of titles) expect(title).toContain(brand);
  // Filtered pages are for shoppers: not indexed, the plain words' page named as canonical.
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/en\/search\?q=smartfon$/);

  // Sorting keeps the filter.
  await page.getByTestId("search-sort").selectOption("price_asc");
  await expect(page).toHaveURL(/[?&]sort=price_asc/);
  await expect(page).toHaveURL(new RegExp(`[?&]brand=`));
  const prices = (await page.getByTestId("price").allInnerTexts()).map((p) => Number(p.replace(/\D/g, "")));
  expect(prices).toEqual([...prices].sort((a, b) => a - b));

  // Opening a result reports the click without holding up the product page.
  const clickReported = page.waitForRequest((request) => request.url().includes("search.logClick") && request.method() === "POST");
  await results(page).first().click();
  await clickReported;
  await expect(page).toHaveURL(/\/en\/p\//);
  await expect(page.getByTestId("product-heading")).toContainText(brand);
});

test("suggestions are keyboard operable: arrows move the active option, Escape closes, Enter opens the option", async ({ page }) => {
  await page.goto("/en");
  const box = searchBox(page, "Search products");
  await box.focus();
  await box.pressSequentially("samsung", { delay: 20 });
  const listbox = page.getByRole("listbox", { name: "Search suggestions" });
  const options = listbox.getByRole("option");
  // The suggestions for "samsung" (not those shown on focus, which stay up until these arrive; the arrows wait too).
  await expect(options.filter({ hasText: /samsung/i }).first()).toBeVisible();
  await expect(listbox).not.toHaveAttribute("aria-busy", "true");

  await box.press("ArrowDown");
  const first = options.first();
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id")) ?? "");
  if ((await options.count()) > 1) {
    await box.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await box.press("ArrowUp");
    await expect(first).toHaveAttribute("aria-selected", "true");
  }

  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).not.toHaveAttribute("aria-activedescendant");
  await expect(box).toHaveValue("samsung");

  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await box.press("ArrowDown");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  // A query or brand opens the results, a category its page, a product its page.
  await expect(page).toHaveURL(/\/en\/(search\?q=|c\/|p\/)/);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
});

test("numbered pages, each its own URL", async ({ page }) => {
  // "telefon" matches the phones category and its accessories: several pages of the demo catalog.
  await page.goto("/uz/search?q=telefon");
  await expect(results(page).first()).toBeVisible();
  const pages = page.getByRole("navigation", { name: "Sahifalar" });
  await expect(pages.getByRole("link", { name: "1-sahifa" })).toHaveAttribute("aria-current", "page");
  const firstTitles = await results(page).getByTestId("product-title").allInnerTexts();
  await pages.getByRole("link", { name: "2-sahifa" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(pages.getByRole("link", { name: "2-sahifa" })).toHaveAttribute("aria-current", "page");
  await expect(results(page).first()).toBeVisible();
  const secondTitles = await results(page).getByTestId("product-title").allInnerTexts();
  expect(secondTitles.some((title) => firstTitles.includes(title))).toBe(false);
  await pages.getByRole("link", { name: "Oldingi" }).click();
  await expect(page).not.toHaveURL(/page=/);
  await expect(pages.getByRole("link", { name: "1-sahifa" })).toHaveAttribute("aria-current", "page");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search box is a plain form to the results page", async ({ page }) => {
    await page.goto("/uz");
    const box = searchBox(page, "Mahsulotlarni qidirish");
    await box.fill("smartfon");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/uz\/search\?q=smartfon$/);
    await expect(results(page).first()).toBeVisible();
  });
});

test.describe("on a phone", () => {
  test.use({
    viewport: { width: 390, height: 844 },
    userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
  });

  test("the facets wait behind a disclosure", async ({ page }) => {
    await page.goto("/en/search?q=smartfon");
    await expect(results(page).first()).toBeVisible();
    const form = page.getByRole("form", { name: "Filters" });
    await expect(form).toBeHidden();
    await page.locator("summary", { hasText: "Filters" }).click();
    await expect(form).toBeVisible();
    await expect(form.getByRole("group", { name: "Brand" })).toBeVisible();
  });
});
