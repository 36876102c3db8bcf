import { and, asc, desc, eq, like, lt, ne, sql } from "drizzle-orm";
import type { z } from "zod";

import type { ProductStatus } from "@ultramarket/db";
import { newId, schema } from "@ultramarket/db";
import { recordAudit } from "../audit/service";
import { pageByLastId } from "../core/cursor";
import type { Context, UserSession } from "../core/context";
import { withTransaction } from "../core/context";
import { Conflict, InvalidState, NotFound, ValidationFailed } from "../core/errors";
import type { createCategoryInput, moveCategoryInput, reviewQueueInput, updateCategoryInput } from "./admin-schema";
import { slugify } from "../core/slug";
import { catalogChanged } from "./cache";
import { categorySlugIs } from "./service";
import { assertTransition } from "./moderation";

const { products, categories, vendors } = schema;
type StaffContext = Context & { session: UserSession };

export async function reviewQueue(ctx: Pick<Context, "db">, input: z.infer<typeof reviewQueueInput>) {
  const rows = await ctx.db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      status: products.status,
      vendorName: vendors.name,
      vendorId: vendors.id,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .innerJoin(vendors, eq(vendors.id, products.vendorId))
    .where(
      and(
        eq(products.status, input.status),
        input.vendorId ? eq(products.vendorId, input.vendorId) : undefined,
        input.cursor ? lt(products.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(products.id))
    .limit(input.limit + 1);
  return pageByLastId(rows, input.limit);
}

/** Approve, reject (with a reason) or unpublish (with a reason); every decision is audited. */
export async function moderate(
  ctx: StaffContext,
  input: { productId: string; decision: "approve" | "reject" | "unpublish"; reason?: string },
) {
  const to: ProductStatus = input.decision === "approve" ? "published" : input.decision === "reject" ? "rejected" : "draft";
  if (input.decision !== "approve" && (input.reason?.trim().length ?? 0) < 5) {
    throw new ValidationFailed("Give the vendor a reason", { reason: ["Explain the decision to the vendor (at least 5 characters)"] });
  }
  return withTransaction(ctx, async (tx) => {
    const [product] = await tx.db.select().from(products).where(eq(products.id, input.productId)).for("update");
    if (!product) throw new NotFound("Product not found");
    assertTransition(product.status, to, "admin");
    const [updated] = await tx.db
      .update(products)
      .set({
        status: to,
        moderationNote: input.decision === "approve" ? null : input.reason!.trim(),
        publishedAt: to === "published" ? (product.publishedAt ?? tx.clock.now()) : product.publishedAt,
      })
      .where(eq(products.id, product.id))
      .returning();
    const action =
      input.decision === "approve" ? "product.approved" : input.decision === "reject" ? "product.rejected" : "product.unpublished";
    await recordAudit(tx, {
      action,
      targetType: "product",
      targetId: product.id,
      metadata: { from: product.status, to, reason: input.reason },
    });
    await catalogChanged(tx, { productIds: [product.id], listings: true });
    return updated!;
  });
}

export async function createCategory(ctx: StaffContext, input: z.infer<typeof createCategoryInput>) {
  return withTransaction(ctx, async (tx) => {
    const parent = input.parentId ? (await tx.db.select().from(categories).where(eq(categories.id, input.parentId)))[0] : null;
    if (input.parentId && !parent) throw new ValidationFailed("Parent not found", { parentId: ["This parent category does not exist"] });
    const [{ next }] = (await tx.db
      .select({ next: sql<number>`coalesce(max(${categories.position}) + 1, 0)::int` })
      .from(categories)
      .where(parent ? eq(categories.parentId, parent.id) : sql`${categories.parentId} is null`)) as [{ next: number }];
    const id = newId();
    const slugs = await categorySlugs(tx, id, input.slug, input.slugs, input.name);
    const [category] = await tx.db
      .insert(categories)
      .values({
        id,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? "/"}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        position: next,
        slug: input.slug,
        slugs,
        name: input.name,
        description: input.description ?? null,
        attributes: input.attributes,
      })
      .returning();
    await recordAudit(tx, { action: "category.created", targetType: "category", targetId: id });
    await catalogChanged(tx, { categories: true });
    return category!;
  });
}

/**
 * A category's slug in each language. Given slugs must be free (no other category uses them in any language);
 * missing ones are made from the names and fall back to the Uzbek slug when taken.
 */
async function categorySlugs(
  ctx: Pick<Context, "db">,
  categoryId: string,
  uz: string,
  given: { ru?: string; en?: string },
  name: { uz: string; ru: string; en: string },
): Promise<{ uz: string; ru: string; en: string }> {
  const usedElsewhere = async (slug: string) =>
    (
      await ctx.db
        .select({ id: categories.id })
        .from(categories)
        .where(and(categorySlugIs(slug), ne(categories.id, categoryId)))
    ).length > 0;
  if (await usedElsewhere(uz)) throw new Conflict("Slug taken", { slug: ["Another category uses this slug"] });
  const slugs = { uz, ru: uz, en: uz };
  const errors: Record<string, string[]> = {};
  for (const locale of ["ru", "en"] as const) {
    const wanted = given[locale];
    if (wanted) {
      if (await usedElsewhere(wanted)) errors[`slugs.${locale}`] = ["Another category uses this slug"];
      else slugs[locale] = wanted;
    } else {
      const made = slugify(name[locale]);
      if (made.length >= 2 && !(await usedElsewhere(made))) slugs[locale] = made;
    }
  }
  if (Object.keys(errors).length) throw new Conflict("Slug taken", errors);
  return slugs;
}

export async function updateCategory(ctx: StaffContext, input: z.infer<typeof updateCategoryInput>) {
  return withTransaction(ctx, async (tx) => {
    const [current] = await tx.db.select().from(categories).where(eq(categories.id, input.categoryId)).for("update");
    if (!current) throw new NotFound("Category not found");
    const slugs =
      input.slugs || input.name
        ? await categorySlugs(tx, current.id, current.slug, input.slugs ?? current.slugs, input.name ?? current.name)
        : undefined;
    const [category] = await tx.db
      .update(categories)
      .set({ name: input.name, slugs, description: input.description, attributes: input.attributes, icon: input.icon })
      .where(eq(categories.id, input.categoryId))
      .returning();
    if (!category) throw new NotFound("Category not found");
    await recordAudit(tx, { action: "category.updated", targetType: "category", targetId: category.id });
    await catalogChanged(tx, { categories: true, categoryIds: [category.id] });
    return category;
  });
}

/**
 * Moves a category (with its whole subtree) under a new parent. Paths of every descendant
 * category and of every product in the subtree are rewritten in the same transaction, so
 * "a category and its descendants" stays one prefix match.
 */
export async function moveCategory(ctx: StaffContext, input: z.infer<typeof moveCategoryInput>) {
  return withTransaction(ctx, async (tx) => {
    // Lock the whole tree: concurrent moves could otherwise create a cycle.
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext('category-tree'))`);
    const [category] = await tx.db.select().from(categories).where(eq(categories.id, input.categoryId));
    if (!category) throw new NotFound("Category not found");
    const parent = input.parentId ? (await tx.db.select().from(categories).where(eq(categories.id, input.parentId)))[0] : null;
    if (input.parentId && !parent) throw new ValidationFailed("Parent not found", { parentId: ["This parent category does not exist"] });
    if (parent && parent.path.startsWith(category.path))
      throw new InvalidState("A category cannot move under itself or its own descendant");
    const oldPath = category.path;
    const newPath = `${parent?.path ?? "/"}${category.id}/`;
    const depthShift = (parent ? parent.depth + 1 : 0) - category.depth;
    const prefixLength = oldPath.length;
    await tx.db
      .update(categories)
      .set({ path: sql`${newPath} || substr(${categories.path}, ${prefixLength + 1})`, depth: sql`${categories.depth} + ${depthShift}` })
      .where(like(categories.path, `${oldPath}%`));
    await tx.db
      .update(products)
      .set({ categoryPath: sql`${newPath} || substr(${products.categoryPath}, ${prefixLength + 1})` })
      .where(like(products.categoryPath, `${oldPath}%`));
    const [{ next }] = (await tx.db
      .select({ next: sql<number>`coalesce(max(${categories.position}) + 1, 0)::int` })
      .from(categories)
      .where(parent ? eq(categories.parentId, parent.id) : sql`${categories.parentId} is null`)) as [{ next: number }];
    const [moved] = await tx.db
      .update(categories)
      .set({ parentId: parent?.id ?? null, position: input.position ?? next })
      .where(eq(categories.id, category.id))
      .returning();
    await recordAudit(tx, {
      action: "category.moved",
      targetType: "category",
      targetId: category.id,
      metadata: { from: category.parentId, to: parent?.id ?? null },
    });
    await catalogChanged(tx, { categories: true, categoryIds: [category.id] });
    return moved!;
  });
}

/** Sets the order of a parent's children to the given list. */
export async function reorderCategories(ctx: StaffContext, input: { parentId: string | null; orderedIds: string[] }) {
  return withTransaction(ctx, async (tx) => {
    const children = await tx.db
      .select({ id: categories.id })
      .from(categories)
      .where(input.parentId ? eq(categories.parentId, input.parentId) : sql`${categories.parentId} is null`)
      .orderBy(asc(categories.position));
    const ids = new Set(children.map((c) => c.id));
    if (input.orderedIds.length !== ids.size || input.orderedIds.some((id) => !ids.has(id))) {
      throw new ValidationFailed("List every child once", { orderedIds: ["Give every child category exactly once"] });
    }
    for (const [position, id] of input.orderedIds.entries()) await tx.db.update(categories).set({ position }).where(eq(categories.id, id));
    await recordAudit(tx, {
      action: "category.reordered",
      targetType: "category",
      targetId: input.parentId ?? undefined,
      metadata: { parentId: input.parentId, orderedIds: input.orderedIds },
    });
    await catalogChanged(tx, { categories: true });
  });
}

export async function archiveCategory(ctx: StaffContext, input: { categoryId: string }) {
  return withTransaction(ctx, async (tx) => {
    const [category] = await tx.db
      .update(categories)
      .set({ archivedAt: tx.clock.now() })
      .where(eq(categories.id, input.categoryId))
      .returning();
    if (!category) throw new NotFound("Category not found");
    await recordAudit(tx, { action: "category.archived", targetType: "category", targetId: category.id });
    await catalogChanged(tx, { categories: true, categoryIds: [category.id] });
    return category;
  });
}

/** Every vendor with its number of products: the filter of the staff product list. */
export async function vendorsWithProducts(ctx: Pick<Context, "db">) {
  const { vendors } = schema;
  return ctx.db
    .select({
      id: vendors.id,
      slug: vendors.slug,
      name: vendors.name,
      products: sql<number>`(select count(*)::int from ${products} where ${products.vendorId} = ${vendors.id})`,
    })
    .from(vendors)
    .orderBy(asc(vendors.name));
}

/** The whole tree for the console, archived categories included, with everything an editor needs. */
export async function allCategories(ctx: Pick<Context, "db">) {
  return ctx.db
    .select({
      id: categories.id,
      parentId: categories.parentId,
      path: categories.path,
      depth: categories.depth,
      position: categories.position,
      slug: categories.slug,
      slugs: categories.slugs,
      name: categories.name,
      description: categories.description,
      icon: categories.icon,
      attributes: categories.attributes,
      archivedAt: categories.archivedAt,
      products: sql<number>`(select count(*)::int from ${products} where ${products.categoryId} = ${categories.id})`,
    })
    .from(categories)
    .orderBy(asc(categories.depth), asc(categories.position));
}
