import "server-only";

import { flattenTree } from "~/lib/catalog";
import { getApi } from "~/server/viewer";
import type { CategoryChoice } from "./product-editor";

/** Leaf categories (where products live) with their full path; `keep` stays listed even if it is not a leaf. */
export async function categoryChoices(keep?: string): Promise<CategoryChoice[]> {
  const tree = await (await getApi()).catalog.categoryTree({ locale: "en" });
  return flattenTree(tree)
    .filter((c) => c.isLeaf || c.id === keep)
    .map((c) => ({ id: c.id, label: c.path }));
}
