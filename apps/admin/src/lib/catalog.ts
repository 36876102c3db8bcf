import type { RouterInputs, RouterOutputs } from "@ultramarket/api";

export type ProductStatus = RouterOutputs["vendorCatalog"]["listProducts"]["items"][number]["status"];
export type CategoryNode = RouterOutputs["catalog"]["categoryTree"][number];
export type Locale = "uz" | "ru" | "en";

export const LOCALES: readonly Locale[] = ["uz", "ru", "en"];
export const LOCALE_LABELS: Record<Locale, string> = { uz: "Oʻzbekcha", ru: "Русский", en: "English" };

export const PRODUCT_STATUSES: readonly ProductStatus[] = ["draft", "pending_review", "published", "rejected", "archived"];

export const STATUS_LABELS: Record<ProductStatus, string> = {
  draft: "Draft",
  pending_review: "In review",
  published: "Published",
  rejected: "Rejected",
  archived: "Archived",
};

export const STATUS_TONES: Record<ProductStatus, "slate" | "indigo" | "green" | "amber" | "red"> = {
  draft: "slate",
  pending_review: "amber",
  published: "green",
  rejected: "red",
  archived: "slate",
};

export const isProductStatus = (value: unknown): value is ProductStatus =>
  typeof value === "string" && (PRODUCT_STATUSES as readonly string[]).includes(value);

/** Tiyin → so'm text for an input ("1250.5"), or "" for none. */
export function somText(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return "";
  const whole = Math.trunc(minor / 100);
  const fraction = minor % 100;
  return fraction ? `${whole}.${String(fraction).padStart(2, "0")}` : String(whole);
}

/** So'm text as typed ("12 500", "12500,50") → tiyin; null when empty, NaN when not a price. */
export function parseSom(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (!cleaned) return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  const [whole = "0", fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export interface FlatCategory {
  id: string;
  slug: string;
  title: string;
  depth: number;
  path: string;
  parentId: string | null;
  isLeaf: boolean;
}

/** The tree in display order, each node with its "Parent › Child" path. */
export function flattenTree(nodes: CategoryNode[], parent: FlatCategory | null = null): FlatCategory[] {
  const out: FlatCategory[] = [];
  for (const node of nodes) {
    const flat: FlatCategory = {
      id: node.id,
      slug: node.slug,
      title: node.title,
      depth: node.depth,
      path: parent ? `${parent.path} › ${node.title}` : node.title,
      parentId: parent?.id ?? null,
      isLeaf: node.children.length === 0,
    };
    out.push(flat, ...flattenTree(node.children, flat));
  }
  return out;
}

export type AdminCategory = RouterOutputs["adminCatalog"]["categories"][number];
export type AttributeDefinition = NonNullable<RouterInputs["adminCatalog"]["updateCategory"]["attributes"]>[number];
export type AttributeType = AttributeDefinition["type"];
export const ATTRIBUTE_TYPES: readonly AttributeType[] = ["text", "number", "enum", "boolean"];
export const ATTRIBUTE_TYPE_LABELS: Record<AttributeType, string> = {
  text: "Text",
  number: "Number",
  enum: "One of a list",
  boolean: "Yes / no",
};

/** A category of the console's manager: the API's row with its display title, path and place among its siblings. */
export interface ConsoleCategory extends AdminCategory {
  /** The English name, or the Uzbek one when there is none. */
  title: string;
  /** "Parent › Child" titles from the root. */
  trail: string;
  isLeaf: boolean;
  /** Every child of the same parent (archived ones included) in their current order. */
  siblingIds: string[];
  /** This category's index in `siblingIds`. */
  index: number;
}

export const categoryTitle = (category: Pick<AdminCategory, "name">) => category.name.en.trim() || category.name.uz;

/**
 * Builds the tree from `adminCatalog.categories` (parentId and position) and returns it in
 * display order: each category followed by its subtree. Categories whose parent is missing
 * are shown as roots rather than lost.
 */
export function consoleCategoryTree(rows: readonly AdminCategory[]): ConsoleCategory[] {
  const ids = new Set(rows.map((row) => row.id));
  const children = new Map<string | null, AdminCategory[]>();
  for (const row of rows) {
    const parent = row.parentId && ids.has(row.parentId) ? row.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(row);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.slug.localeCompare(b.slug));
  const out: ConsoleCategory[] = [];
  const seen = new Set<string>();
  const visit = (parentId: string | null, trail: string | null) => {
    const list = children.get(parentId) ?? [];
    const siblingIds = list.map((c) => c.id);
    list.forEach((row, index) => {
      if (seen.has(row.id)) return;
      seen.add(row.id);
      const title = categoryTitle(row);
      const path = trail ? `${trail} › ${title}` : title;
      out.push({ ...row, title, trail: path, isLeaf: !children.get(row.id)?.length, siblingIds, index });
      visit(row.id, path);
    });
  };
  visit(null, null);
  return out;
}
