import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { ADMIN_URL, consoleSignIn, DEMO_PASSWORD, SUPER_ADMIN } from "./helpers";

const row = (page: Page, slug: string) => page.locator(`[data-testid="category-row"][data-slug="${slug}"]`);
/** The Uzbek slugs of the tree's rows, top to bottom. */
const order = async (page: Page) => Promise.all((await page.getByTestId("category-row").all()).map((r) => r.getAttribute("data-slug")));

/** How many rows `below` comes after `above`. */
async function gap(page: Page, above: string, below: string) {
  const slugs = await order(page);
  return slugs.indexOf(below) - slugs.indexOf(above);
}

async function createRoot(page: Page, slug: string, name: string) {
  const form = page.getByTestId("new-category-form");
  await form.getByLabel("Name (Oʻzbekcha)", { exact: true }).fill(name);
  await form.getByLabel("Slug (Oʻzbekcha)", { exact: true }).fill(slug);
  await form.getByRole("button", { name: "Create category" }).click();
  await expect(form.getByRole("status")).toHaveText(`Category “${slug}” created.`);
  await expect(row(page, slug)).toBeVisible();
}

test("staff rename a category in Russian, set its English slug, add an enum attribute, and move a sibling above it", async ({ page }) => {
  const id = Date.now().toString(36);
  const first = { slug: `e2e-birinchi-${id}`, name: `E2E birinchi ${id}` };
  const second = { slug: `e2e-ikkinchi-${id}`, name: `E2E ikkinchi ${id}` };
  const russian = `E2E первая ${id}`;
  const english = `e2e-first-${id}`;

  await consoleSignIn(page, SUPER_ADMIN.email, DEMO_PASSWORD, SUPER_ADMIN.totpSecret);
  await page.goto(`${ADMIN_URL}/categories`);
  await createRoot(page, first.slug, first.name);

  await row(page, first.slug)
    .getByRole("button", { name: `Edit ${first.name}`, exact: true })
    .click();
  const editor = row(page, first.slug).getByTestId("category-editor");
  await editor.getByLabel("Name (Русский)", { exact: true }).fill(russian);
  await editor.getByLabel("Slug (English)", { exact: true }).fill(english);
  await editor.getByRole("button", { name: "Add attribute" }).click();
  const attribute = editor.getByTestId("attribute-row").first();
  await attribute.getByLabel("Key", { exact: true }).fill("material");
  await attribute.getByLabel("Type", { exact: true }).selectOption("enum");
  await attribute.getByLabel("Attribute name (Oʻzbekcha)", { exact: true }).fill("Material");
  for (const [index, [value, name]] of [
    ["cotton", "Paxta"],
    ["wool", "Jun"],
  ].entries()) {
    await attribute.getByRole("button", { name: "Add option to material", exact: true }).click();
    await attribute.getByLabel(`Option ${index + 1} value`, { exact: true }).fill(value!);
    await attribute.getByLabel(`Option ${index + 1} name (Oʻzbekcha)`, { exact: true }).fill(name!);
  }
  await editor.getByRole("button", { name: "Save category" }).click();
  await expect(editor.getByRole("status")).toHaveText("Saved.");

  await page.reload();
  await expect(row(page, first.slug).getByTestId("category-slugs")).toContainText(`/${english}`);
  await row(page, first.slug)
    .getByRole("button", { name: `Edit ${first.name}`, exact: true })
    .click();
  const reloaded = row(page, first.slug).getByTestId("category-editor");
  await expect(reloaded.getByLabel("Name (Русский)", { exact: true })).toHaveValue(russian);
  await expect(reloaded.getByLabel("Slug (English)", { exact: true })).toHaveValue(english);
  const saved = reloaded.getByTestId("attribute-row");
  await expect(saved).toHaveCount(1);
  await expect(saved.getByLabel("Key", { exact: true })).toHaveValue("material");
  await expect(saved.getByLabel("Type", { exact: true })).toHaveValue("enum");
  await expect(saved.getByLabel("Option 1 value", { exact: true })).toHaveValue("cotton");
  await expect(saved.getByLabel("Option 2 value", { exact: true })).toHaveValue("wool");
  await expect(saved.getByLabel("Option 2 name (Oʻzbekcha)", { exact: true })).toHaveValue("Jun");

  // A new root category goes last; "Move up" puts it before the first one.
  await createRoot(page, second.slug, second.name);
  await expect.poll(() => gap(page, first.slug, second.slug)).toBe(1);
  await expect(row(page, first.slug).getByRole("button", { name: `Move ${first.name} down`, exact: true })).toBeEnabled();
  await expect(row(page, second.slug).getByRole("button", { name: `Move ${second.name} down`, exact: true })).toBeDisabled();
  await row(page, second.slug)
    .getByRole("button", { name: `Move ${second.name} up`, exact: true })
    .click();
  await expect.poll(() => gap(page, second.slug, first.slug)).toBe(1);
  await page.reload();
  await expect.poll(() => gap(page, second.slug, first.slug)).toBe(1);
});
