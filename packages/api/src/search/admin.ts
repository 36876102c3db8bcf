import { and, arrayOverlaps, desc, eq, lt, ne, sql } from "drizzle-orm";

import { schema } from "@ultramarket/db";
import { recordAudit } from "../audit/service";
import type { Context, UserSession } from "../core/context";
import { withTransaction } from "../core/context";
import type { FieldErrors } from "../core/errors";
import { Conflict, NotFound, ValidationFailed } from "../core/errors";
import { containsPattern } from "../core/like";
import type { CreateSynonymsInput, ListSynonymsInput, UpdateSynonymsInput } from "./admin-schema";
import { searchIndexChanged } from "./cache";
import { foldText } from "./fold";

const { searchSynonyms, users } = schema;
type StaffContext = Context & { session: UserSession };

export interface SynonymGroup {
  id: string;
  terms: string[];
  foldedTerms: string[];
  createdBy: { id: string; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
}

const groupColumns = {
  id: searchSynonyms.id,
  terms: searchSynonyms.terms,
  foldedTerms: searchSynonyms.foldedTerms,
  createdById: searchSynonyms.createdBy,
  createdByName: users.name,
  createdAt: searchSynonyms.createdAt,
  updatedAt: searchSynonyms.updatedAt,
};

type GroupRow = { createdById: string | null; createdByName: string | null } & Omit<SynonymGroup, "createdBy">;

function toGroup({ createdById, createdByName, ...row }: GroupRow): SynonymGroup {
  return { ...row, createdBy: createdById ? { id: createdById, name: createdByName ?? "" } : null };
}

/** Synonym groups, newest first (UUIDv7 ids sort by creation, so the last id seen is the cursor). */
export async function listSynonyms(ctx: Pick<Context, "db">, input: ListSynonymsInput) {
  const folded = input.search ? foldText(input.search) : "";
  const rows = await ctx.db
    .select(groupColumns)
    .from(searchSynonyms)
    .leftJoin(users, eq(users.id, searchSynonyms.createdBy))
    .where(
      and(
        folded ? sql`exists (select 1 from unnest(${searchSynonyms.foldedTerms}) t where t like ${containsPattern(folded)})` : undefined,
        input.cursor ? lt(searchSynonyms.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(searchSynonyms.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit).map(toGroup);
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

export async function createSynonyms(ctx: StaffContext, input: CreateSynonymsInput): Promise<SynonymGroup> {
  const group = await withTransaction(ctx, async (tx) => {
    const foldedTerms = await checkedFolds(tx, input.terms, null);
    const [created] = await tx.db
      .insert(searchSynonyms)
      .values({ terms: input.terms, foldedTerms, createdBy: ctx.session.userId })
      .returning({ id: searchSynonyms.id });
    await recordAudit(tx, {
      action: "synonyms.created",
      targetType: "search_synonyms",
      targetId: created!.id,
      metadata: { terms: input.terms },
    });
    return loadGroup(tx, created!.id);
  });
  await synonymsChanged(ctx);
  return group;
}

export async function updateSynonyms(ctx: StaffContext, input: UpdateSynonymsInput): Promise<SynonymGroup> {
  const group = await withTransaction(ctx, async (tx) => {
    const [current] = await tx.db.select().from(searchSynonyms).where(eq(searchSynonyms.id, input.synonymId)).for("update");
    if (!current) throw new NotFound("Synonym group not found");
    const foldedTerms = await checkedFolds(tx, input.terms, current.id);
    await tx.db.update(searchSynonyms).set({ terms: input.terms, foldedTerms }).where(eq(searchSynonyms.id, current.id));
    await recordAudit(tx, {
      action: "synonyms.updated",
      targetType: "search_synonyms",
      targetId: current.id,
      metadata: { from: current.terms, to: input.terms },
    });
    return loadGroup(tx, current.id);
  });
  await synonymsChanged(ctx);
  return group;
}

export async function deleteSynonyms(ctx: StaffContext, input: { synonymId: string }): Promise<{ id: string }> {
  await withTransaction(ctx, async (tx) => {
    const [deleted] = await tx.db.delete(searchSynonyms).where(eq(searchSynonyms.id, input.synonymId)).returning();
    if (!deleted) throw new NotFound("Synonym group not found");
    await recordAudit(tx, {
      action: "synonyms.deleted",
      targetType: "search_synonyms",
      targetId: deleted.id,
      metadata: { terms: deleted.terms },
    });
  });
  await synonymsChanged(ctx);
  return { id: input.synonymId };
}

async function loadGroup(ctx: Pick<Context, "db">, id: string): Promise<SynonymGroup> {
  const [row] = await ctx.db
    .select(groupColumns)
    .from(searchSynonyms)
    .leftJoin(users, eq(users.id, searchSynonyms.createdBy))
    .where(eq(searchSynonyms.id, id));
  return toGroup(row!);
}

/**
 * The group's terms as search keys, refused (by the term's index, as the form shows it) when a term folds to
 * nothing, to the same key as an earlier term, or to a key another group holds: a word in two groups would
 * silently join them at query time.
 */
async function checkedFolds(ctx: Pick<Context, "db">, terms: string[], groupId: string | null): Promise<string[]> {
  const folded = terms.map((term) => foldText(term));
  const errors: FieldErrors = {};
  folded.forEach((key, index) => {
    const first = folded.indexOf(key);
    if (!key) errors[`terms.${index}`] = ["Use letters or digits: this term has nothing to search for"];
    else if (first !== index) errors[`terms.${index}`] = [`Searches the same as “${terms[first]}” (term ${first + 1})`];
  });
  if (Object.keys(errors).length) throw new ValidationFailed("Check the terms", errors);

  // One change at a time: two groups created together could otherwise each take the same term.
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext('search-synonyms'))`);
  const others = await ctx.db
    .select({ terms: searchSynonyms.terms, foldedTerms: searchSynonyms.foldedTerms })
    .from(searchSynonyms)
    .where(and(arrayOverlaps(searchSynonyms.foldedTerms, folded), groupId ? ne(searchSynonyms.id, groupId) : undefined));
  folded.forEach((key, index) => {
    const other = others.find((group) => group.foldedTerms.includes(key));
    if (other) errors[`terms.${index}`] = [`Already in the group “${other.terms.join(", ")}”`];
  });
  if (Object.keys(errors).length) throw new Conflict("A term belongs to another group", errors);
  return folded;
}

/** Engines that keep synonyms in their settings take the new groups, and cached results of the old ones end. */
async function synonymsChanged(ctx: Pick<Context, "db" | "kv" | "search">): Promise<void> {
  await ctx.search.applySynonyms(ctx.db);
  await searchIndexChanged(ctx);
}
