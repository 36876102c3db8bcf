import type { Browser, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { ADMIN, ADMIN_URL, consoleSignIn, DEMO_PASSWORD, WEB_URL } from "./helpers";

const VENDOR_A = { email: "vendor@ultramarket.uz", slug: "toshkent-elektron" };
const VENDOR_B = { email: "vendor2@ultramarket.uz", slug: "samarqand-savdo" };

/** Opens the vendor's products one by one until one can be added to the cart; adds one unit and returns its SKU. */
async function addSomethingFrom(page: Page, vendorSlug: string): Promise<{ sku: string }> {
  await page.goto(`${WEB_URL}/en/v/${vendorSlug}`);
  const hrefs: string[] = [];
  for (const link of await page.locator('a[href*="/en/p/"]').all()) {
    const href = await link.getAttribute("href");
    if (href && !hrefs.includes(href)) hrefs.push(href);
  }
  for (const href of hrefs) {
    await page.goto(`${WEB_URL}${href}`);
    const add = page.getByRole("button", { name: "Add to cart" });
    if ((await add.count()) === 0) continue;
    const sku = (await page.getByTestId("sku").innerText()).replace(/^[^:]*:\s*/, "").trim();
    await add.click();
    // The header's cart drawer opens with the new line.
    const drawer = page.getByTestId("cart-drawer");
    await expect(drawer).toBeVisible();
    await expect(drawer.getByTestId("cart-line").filter({ hasText: sku })).toBeVisible();
    await drawer.getByRole("button", { name: "Close" }).first().click();
    await expect(drawer).toBeHidden();
    return { sku };
  }
  throw new Error(`no product of ${vendorSlug} can be added to the cart`);
}

/** Available units of a SKU over all of its vendor's warehouses, read from the console's product page. */
async function consoleAvailable(page: Page, sku: string): Promise<number> {
  await page.goto(`${ADMIN_URL}/products?search=${encodeURIComponent(sku)}`);
  await page.locator('a[href^="/products/"]:not([href^="/products/new"])').first().click();
  await expect(page.getByTestId("stock-editor")).toBeVisible();
  const rows = page
    .getByTestId("stock-editor")
    .locator("form")
    .filter({ has: page.getByText(sku, { exact: true }) });
  const counts: number[] = [];
  for (const span of await rows.getByTestId("stock-available").all()) counts.push(Number(await span.getAttribute("data-count")));
  expect(counts.length).toBeGreaterThan(0);
  return counts.reduce((sum, n) => sum + n, 0);
}

async function consolePage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await consoleSignIn(page, email, DEMO_PASSWORD);
  return page;
}

/** Opens the vendor's part of the order from the order queue. */
async function openVendorOrder(page: Page, orderNumber: string): Promise<string> {
  await page.goto(`${ADMIN_URL}/orders`);
  const link = page.getByTestId("vendor-orders").getByRole("link", { name: new RegExp(`^${orderNumber}-\\d+$`) });
  await expect(link).toBeVisible();
  const number = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole("heading", { name: `Order ${number}` })).toBeVisible();
  return number;
}

async function move(page: Page, button: string, fields: Record<string, string> = {}) {
  await page.getByTestId("order-actions").getByRole("button", { name: button, exact: true }).click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: `${button} now` }).click();
}

test("a guest fills a cart from two vendors, signs in, pays cash on delivery; one vendor ships and delivers, the other cancels and the stock comes back; an admin opens a return the vendor receives", async ({
  page,
  browser,
}) => {
  // ── the guest's cart ────────────────────────────────────────────────────────────
  await addSomethingFrom(page, VENDOR_A.slug);
  const b = await addSomethingFrom(page, VENDOR_B.slug);
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  const vendorB = await consolePage(browser, VENDOR_B.email);
  const availableBefore = await consoleAvailable(vendorB, b.sku);

  await page.goto(`${WEB_URL}/en/cart`);
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await page.getByRole("main").getByRole("link", { name: "Check out" }).click();

  // ── sign in: the guest cart joins the account's ─────────────────────────────────
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await page.getByLabel("Email", { exact: true }).fill("customer@ultramarket.uz");
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/checkout$/);
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();

  // ── checkout: an address in Tashkent, the cheapest delivery per vendor, COD ─────
  if ((await page.getByTestId("checkout-address").count()) === 0) {
    await page.getByLabel("Phone number", { exact: true }).fill("+998 90 123 45 67");
    await page.getByLabel("Region", { exact: true }).selectOption({ label: "Tashkent city" });
    await page.getByLabel("City or district", { exact: true }).selectOption({ label: "Tashkent" });
    await page.getByLabel("Street, house, apartment", { exact: true }).fill("Amir Temur ko'chasi, 1");
    await page.getByRole("button", { name: "Save address" }).click();
  }
  await expect(page.getByTestId("checkout-address").first()).toBeVisible();
  await expect(page.getByTestId("shipping-group")).toHaveCount(2);
  // One line per vendor, each with its VAT as receipts print it.
  const reviewLines = page.getByTestId("review-line");
  await expect(reviewLines).toHaveCount(2);
  for (const line of await reviewLines.all()) await expect(line).toContainText("VAT 12%");
  const placeOrder = page.getByRole("button", { name: "Place order" });
  await expect(placeOrder).toBeEnabled();
  const placeRequest = page.waitForRequest((request) => request.url().includes("checkout.placeOrder"));
  await placeOrder.click();
  // Sent alone (not batched) with this checkout attempt's key.
  expect((await placeRequest).headers()["idempotency-key"]).toMatch(/^checkout-[0-9a-f]{32}$/);

  await expect(page.getByRole("heading", { name: "Thank you! Your order is placed" })).toBeVisible();
  const orderNumber = (await page.getByTestId("order-number").innerText()).trim();
  expect(orderNumber).toMatch(/^UM-\d{4}-\d+$/);
  await expect(page.getByTestId("cart-count")).toHaveText("0");
  await page.getByRole("link", { name: "View the order" }).click();
  await expect(page).toHaveURL(/\/en\/account\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("vendor-order")).toHaveCount(2);
  const orderUrl = page.url();

  // ── both vendors see their part ────────────────────────────────────────────────
  const vendorA = await consolePage(browser, VENDOR_A.email);
  const numberA = await openVendorOrder(vendorA, orderNumber);
  const numberB = await openVendorOrder(vendorB, orderNumber);
  // B's unit is reserved while the order waits.
  expect(await consoleAvailable(vendorB, b.sku)).toBe(availableBefore - 1);

  // ── vendor A: confirm, process, ship in bulk with a tracking number ────────────
  await openVendorOrder(vendorA, orderNumber);
  await move(vendorA, "Confirm");
  await expect(vendorA.getByTestId("order-status")).toHaveText("Confirmed");
  await move(vendorA, "Start processing");
  await expect(vendorA.getByTestId("order-status")).toHaveText("Processing");
  await vendorA.goto(`${ADMIN_URL}/orders`);
  const bulk = vendorA.getByTestId("bulk-ship");
  await bulk.getByLabel(`Carrier for ${numberA}`).fill("UzPost");
  await bulk.getByLabel(`Tracking number for ${numberA}`).fill("UZ123456789");
  await bulk.getByRole("button", { name: "Mark these shipped" }).click();
  await expect(vendorA.getByTestId("vendor-orders").locator("tr").filter({ hasText: numberA })).toContainText("Shipped");

  // ── the shopper sees the timeline and the tracking number ─────────────────────
  await page.goto(orderUrl);
  const partA = page.locator(`[data-testid="vendor-order"][data-number="${numberA}"]`);
  await expect(partA.getByTestId("vendor-order-status")).toHaveText("Shipped");
  await expect(partA.getByTestId("tracking")).toContainText("UZ123456789");
  await expect(partA.getByTestId("timeline").locator("li")).toHaveCount(4);
  await expect(partA.getByTestId("timeline")).toContainText("Shipped");
  // The shopper's invoice for that part, a PDF.
  const invoice = await page.request.get(`${WEB_URL}${await partA.getByTestId("invoice-link").getAttribute("href")}`);
  expect(invoice.status()).toBe(200);
  expect(invoice.headers()["content-type"]).toContain("application/pdf");

  // ── vendor A marks it delivered ────────────────────────────────────────────────
  await openVendorOrder(vendorA, orderNumber);
  // The vendor's packing slip for the shipped order, a PDF.
  const slipHref = await vendorA.getByTestId("order-documents").getByRole("link", { name: "Packing slip (PDF)" }).getAttribute("href");
  const slip = await vendorA.request.get(`${ADMIN_URL}${slipHref}`);
  expect(slip.status()).toBe(200);
  expect(slip.headers()["content-type"]).toContain("application/pdf");
  await move(vendorA, "Mark delivered");
  await expect(vendorA.getByTestId("order-status")).toHaveText("Delivered");
  await page.reload();
  await expect(partA.getByTestId("vendor-order-status")).toHaveText("Delivered");
  await expect(partA.getByRole("button", { name: "Request a return" })).toBeVisible();

  // ── vendor B cancels its part with a reason: the stock comes back ──────────────
  await openVendorOrder(vendorB, orderNumber);
  await move(vendorB, "Cancel order", { Reason: "Damaged in the warehouse" });
  await expect(vendorB.getByTestId("order-status")).toHaveText("Cancelled");
  expect(await consoleAvailable(vendorB, b.sku)).toBe(availableBefore);
  await page.reload();
  const partB = page.locator(`[data-testid="vendor-order"][data-number="${numberB}"]`);
  await expect(partB.getByTestId("vendor-order-status")).toHaveText("Cancelled");
  await expect(partB.getByTestId("timeline")).toContainText("Damaged in the warehouse");

  // ── an admin opens a return for A's part (with a reason); vendor A receives it into a warehouse ──
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await consoleSignIn(admin, ADMIN.email, DEMO_PASSWORD, ADMIN.totpSecret);
  await admin.goto(`${ADMIN_URL}/all-orders`);
  await admin.getByTestId("all-orders").getByRole("link", { name: numberA, exact: true }).click();
  await expect(admin.getByRole("heading", { name: `Order ${orderNumber}` })).toBeVisible();
  await move(admin, "Open a return", { Reason: "The customer called support" });
  await expect(admin.getByText("Return requested")).toBeVisible();
  await adminContext.close();
  await page.reload();
  await expect(partA.getByTestId("vendor-order-status")).toHaveText("Return requested");

  await openVendorOrder(vendorA, orderNumber);
  await vendorA.getByTestId("order-actions").getByRole("button", { name: "Receive the return", exact: true }).click();
  await vendorA.getByLabel("Warehouse the goods go back to").selectOption({ index: 1 });
  await vendorA.getByRole("button", { name: "Receive the return now" }).click();
  await expect(vendorA.getByTestId("order-status")).toHaveText("Returned");

  // The history lists the order once, cancelled part and all.
  await page.goto(`${WEB_URL}/en/account/orders`);
  await expect(page.getByTestId("orders").getByRole("link", { name: new RegExp(`Order ${orderNumber}\\b`) })).toHaveCount(1);

  await vendorA.context().close();
  await vendorB.context().close();
});

test("a shopper is told when an item in the cart runs out, and cannot check it out", async ({ page, browser }) => {
  const { sku } = await addSomethingFrom(page, "buxoro-bozori");

  // The vendor counts the shelves and finds none left.
  const vendor = await consolePage(browser, "vendor4@ultramarket.uz");
  expect(await consoleAvailable(vendor, sku)).toBeGreaterThan(0);
  const rows = vendor
    .getByTestId("stock-editor")
    .locator("form")
    .filter({ has: vendor.getByText(sku, { exact: true }) });
  for (const row of await rows.all()) {
    if (Number(await row.getByTestId("stock-available").getAttribute("data-count")) === 0) continue;
    await row.getByLabel("On hand").fill("0");
    await row.getByLabel("Reason").fill("Stock count");
    await row.getByRole("button", { name: "Save stock" }).click();
    await expect(row.getByTestId("stock-available")).toHaveAttribute("data-count", "0");
  }
  // The adjustment is in the variant's ledger.
  await vendor.getByRole("button", { name: `Show movements of ${sku}` }).click();
  await expect(vendor.getByTestId("stock-movements")).toContainText("Stock count");
  await vendor.context().close();

  await page.goto(`${WEB_URL}/en/cart`);
  await expect(page.getByTestId("cart-notices")).toContainText("now out of stock");
  await expect(page.getByTestId("cart-line").filter({ hasText: sku })).toContainText("Out of stock");
  await expect(page.getByRole("main").getByRole("button", { name: "Check out" })).toBeDisabled();
  // Removing the line empties the cart.
  await page
    .getByRole("main")
    .getByRole("button", { name: /^Remove / })
    .click();
  await expect(page.getByText("Your cart is empty")).toBeVisible();
});
