import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";

import type { AttributeDefinition, ProductOption } from "@ultramarket/db";
import { LOCALES, newId, schema } from "@ultramarket/db";
import { recordAudit } from "../../audit/service";
import type { Context, VendorContext } from "../../core/context";
import { withTransaction } from "../../core/context";
import { DomainError, NotFound, ValidationFailed } from "../../core/errors";
import { slugify } from "../../core/slug";
import { moveStock } from "../../inventory/ledger";
import { catalogImportJob } from "../../jobs/definitions/catalog-import";
import { freeSlug } from "../authoring";
import { catalogChanged } from "../cache";
import type { CsvRecord, ParsedRow, RowError } from "./csv-format";
import { checkHeader, parseRow, productFingerprint } from "./csv-format";

const {
  catalogImports,
  catalogImportErrors,
  categories,
  products,
  productSlugs,
  productVariants,
  stockLevels,
  stockMovements,
  warehouses,
} = schema;

export const CATALOG_IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** Rows applied per transaction: progress shows after each, and a crash loses at most one. */
const CHUNK_ROWS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Takes a vendor's CSV: checks it is text with the expected header, stores it privately
 * and queues the import job in the same transaction as the import's row.
 */
export async function startImport(ctx: VendorContext, input: { fileName: string; bytes: Uint8Array }) {
  const { bytes } = input;
  if (bytes.byteLength === 0) throw new ValidationFailed("Empty file", { file: ["The file is empty"] });
  if (bytes.byteLength > CATALOG_IMPORT_MAX_BYTES)
    throw new ValidationFailed("File too large", { file: ["The file is larger than 50 MB"] });
  // A CSV is text: anything file-type recognises (zip/xlsx, images, executables) or NUL bytes is refused.
  if ((await fileTypeFromBuffer(bytes)) || bytes.subarray(0, 64 * 1024).includes(0)) {
    throw new ValidationFailed("Not a CSV file", { file: ["Upload a CSV file (UTF-8); save spreadsheets as CSV first"] });
  }
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 64 * 1024));
  let header: string[] = [];
  try {
    header = ((parseSync(head, { bom: true, to_line: 1, relax_quotes: true }) as string[][])[0] ?? []).map((c) => c.trim());
  } catch {
    header = [];
  }
  const problem = header.length ? checkHeader(header) : "The file has no header row";
  if (problem) throw new ValidationFailed("Check the file's columns", { file: [problem] });

  const stored = await ctx.files.put({ folder: "imports", bytes, contentType: "text/csv", extension: "csv", visibility: "private" });
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(catalogImports)
      .values({
        vendorId: ctx.vendorId,
        createdBy: ctx.session.userId,
        fileName: input.fileName.slice(0, 200) || "catalog.csv",
        storageKey: stored.storageKey,
        sizeBytes: bytes.byteLength,
      })
      .returning();
    await tx.jobs.enqueue(tx.db, catalogImportJob, { importId: row!.id });
    await recordAudit(tx, { action: "catalog.import_started", targetType: "catalog_import", targetId: row!.id });
    return row!;
  });
}

export async function listImports(ctx: VendorContext, input: { cursor?: string; limit: number }) {
  const rows = await ctx.db
    .select()
    .from(catalogImports)
    .where(and(eq(catalogImports.vendorId, ctx.vendorId), input.cursor ? lt(catalogImports.id, input.cursor) : undefined))
    .orderBy(desc(catalogImports.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  return { items: page.map(withoutStorageKey), nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

export async function getImport(ctx: VendorContext, input: { importId: string }) {
  const [row] = await ctx.db
    .select()
    .from(catalogImports)
    .where(and(eq(catalogImports.id, input.importId), eq(catalogImports.vendorId, ctx.vendorId)));
  if (!row) throw new NotFound("Import not found");
  const errors = await ctx.db
    .select({
      line: catalogImportErrors.line,
      sku: catalogImportErrors.sku,
      field: catalogImportErrors.field,
      message: catalogImportErrors.message,
    })
    .from(catalogImportErrors)
    .where(eq(catalogImportErrors.importId, row.id))
    .orderBy(asc(catalogImportErrors.line), asc(catalogImportErrors.id))
    .limit(50);
  return { ...withoutStorageKey(row), firstErrors: errors };
}

function withoutStorageKey<T extends { storageKey: string }>(row: T): Omit<T, "storageKey"> {
  const { storageKey: _storageKey, ...rest } = row;
  return rest;
}

/** The error report: every refused row by line number, as CSV rows (header first). */
export async function* importErrorReport(ctx: VendorContext, input: { importId: string }): AsyncGenerator<string[]> {
  await getImport(ctx, input);
  yield ["line", "sku", "column", "error"];
  let after: { line: number; id: string } | null = null;
  for (;;) {
    const page = await ctx.db
      .select()
      .from(catalogImportErrors)
      .where(
        and(
          eq(catalogImportErrors.importId, input.importId),
          after ? sql`(${catalogImportErrors.line}, ${catalogImportErrors.id}) > (${after.line}, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(catalogImportErrors.line), asc(catalogImportErrors.id))
      .limit(1000);
    for (const e of page) yield [String(e.line), e.sku ?? "", e.field ?? "", e.message];
    if (page.length < 1000) return;
    after = page.at(-1)!;
  }
}

interface Tally {
  /** Products whose cached pages and listings the chunk made stale. */
  changedProducts: Set<string>;
  processedRows: number;
  createdProducts: number;
  createdVariants: number;
  updatedVariants: number;
  unchangedRows: number;
  errorRows: number;
}

interface ImportState {
  importId: string;
  vendorId: string;
  actorId: string | null;
  categoryBySlug: Map<string, { id: string; path: string; attributes: AttributeDefinition[] } | null>;
  warehouseByName: Map<string, string>;
  defaultWarehouse: string | null;
  /** First line of each SKU and of each product reference in the file, and each product's fields. */
  skuLines: Map<string, number>;
  products: Map<string, { line: number; fingerprint: string }>;
  combos: Map<string, number>;
}

/**
 * The job: reads the stored CSV as a stream and applies it in chunks of rows, each chunk
 * in one transaction with its row errors and progress. Idempotent by SKU: an existing SKU
 * is updated only where the file differs, so the same file imported twice changes nothing.
 * A rerun after a crash starts over, which is safe for the same reason.
 */
export async function runImport(ctx: Context, importId: string): Promise<void> {
  const [job] = await ctx.db.select().from(catalogImports).where(eq(catalogImports.id, importId));
  if (!job || job.status === "succeeded" || job.status === "failed") return;
  await ctx.db.delete(catalogImportErrors).where(eq(catalogImportErrors.importId, importId));
  await ctx.db
    .update(catalogImports)
    .set({
      status: "running",
      startedAt: new Date(ctx.clock.now()),
      processedRows: 0,
      processedBytes: 0,
      createdProducts: 0,
      createdVariants: 0,
      updatedVariants: 0,
      unchangedRows: 0,
      errorRows: 0,
    })
    .where(eq(catalogImports.id, importId));

  const vendorWarehouses = await ctx.db
    .select({ id: warehouses.id, name: warehouses.name })
    .from(warehouses)
    .where(eq(warehouses.vendorId, job.vendorId))
    .orderBy(asc(warehouses.createdAt));
  const state: ImportState = {
    importId,
    vendorId: job.vendorId,
    actorId: job.createdBy,
    categoryBySlug: new Map(),
    warehouseByName: new Map(vendorWarehouses.map((w) => [w.name.trim().toLowerCase(), w.id])),
    defaultWarehouse: vendorWarehouses[0]?.id ?? null,
    skuLines: new Map(),
    products: new Map(),
    combos: new Map(),
  };

  const stream = await ctx.files.openStream(job.storageKey);
  if (!stream) return finish(ctx, importId, "The uploaded file is missing from storage");
  const parser = stream.pipe(
    parse({ bom: true, skip_empty_lines: true, relax_column_count: true, skip_records_with_error: true, info: true, trim: false }),
  );
  const skipped: RowError[] = [];
  parser.on("skip", (error: Error & { lines?: number }) => {
    skipped.push({ line: error.lines ?? 0, sku: null, field: null, message: `Unreadable row: ${error.message}` });
  });

  let header: string[] | null = null;
  let chunk: { record: CsvRecord; line: number; fieldCount: number }[] = [];
  let bytesRead = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      if (!header) {
        header = record.map((c) => c.trim());
        const problem = checkHeader(header);
        if (problem) return finish(ctx, importId, problem);
        continue;
      }
      // A quoted field may span lines: the row starts where its first field did.
      const newlines = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
      chunk.push({
        record: Object.fromEntries(header.map((column, i) => [column, record[i] ?? ""])),
        line: info.lines - newlines,
        fieldCount: record.length,
      });
      bytesRead = info.bytes;
      if (chunk.length >= CHUNK_ROWS) {
        await applyChunk(ctx, state, chunk, header.length, skipped.splice(0), bytesRead);
        chunk = [];
      }
    }
  } catch (error) {
    ctx.log.warn({ err: error, importId }, "catalog import could not read the file");
    await applyChunk(ctx, state, chunk, header?.length ?? 0, skipped.splice(0), bytesRead);
    return finish(
      ctx,
      importId,
      `The file could not be read past line ${(error as { lines?: number }).lines ?? "?"}: ${(error as Error).message}`,
    );
  }
  if (!header) return finish(ctx, importId, "The file has no header row");
  await applyChunk(ctx, state, chunk, header.length, skipped.splice(0), job.sizeBytes);
  await finish(ctx, importId, null);
}

async function finish(ctx: Context, importId: string, failure: string | null) {
  const [row] = await ctx.db
    .update(catalogImports)
    .set({ status: failure ? "failed" : "succeeded", failure, finishedAt: new Date(ctx.clock.now()) })
    .where(eq(catalogImports.id, importId))
    .returning();
  await recordAudit(ctx, {
    action: failure ? "catalog.import_failed" : "catalog.import_finished",
    actorId: row?.createdBy ?? null,
    targetType: "catalog_import",
    targetId: importId,
    metadata: {
      failure,
      processedRows: row?.processedRows,
      createdVariants: row?.createdVariants,
      updatedVariants: row?.updatedVariants,
      errorRows: row?.errorRows,
    },
  });
}

async function loadCategories(ctx: Context, state: ImportState, slugs: string[]) {
  const missing = [...new Set(slugs)].filter((s) => s && !state.categoryBySlug.has(s));
  if (!missing.length) return;
  const found = await ctx.db
    .select({
      id: categories.id,
      slug: categories.slug,
      path: categories.path,
      attributes: categories.attributes,
      archivedAt: categories.archivedAt,
    })
    .from(categories)
    .where(inArray(categories.slug, missing));
  for (const slug of missing) {
    const category = found.find((c) => c.slug === slug && !c.archivedAt);
    state.categoryBySlug.set(slug, category ? { id: category.id, path: category.path, attributes: category.attributes } : null);
  }
}

/** Validates a chunk's rows (alone and against the rest of the file) and applies the valid ones. */
async function applyChunk(
  ctx: Context,
  state: ImportState,
  chunk: { record: CsvRecord; line: number; fieldCount: number }[],
  columnCount: number,
  unreadable: RowError[],
  bytesRead: number,
) {
  await loadCategories(
    ctx,
    state,
    chunk.map((c) => (c.record.category ?? "").trim()),
  );
  const errors: RowError[] = [...unreadable];
  const valid: ParsedRow[] = [];
  for (const { record, line, fieldCount } of chunk) {
    if (fieldCount !== columnCount) {
      errors.push({
        line,
        sku: record.sku?.trim() || null,
        field: null,
        message: `The row has ${fieldCount} fields; the header has ${columnCount}`,
      });
      continue;
    }
    const result = parseRow(record, line, (slug) => state.categoryBySlug.get(slug) ?? null);
    if ("errors" in result) {
      errors.push(...result.errors);
      continue;
    }
    const { product, variant } = result.row;
    const fail = (field: string | null, message: string) => errors.push({ line, sku: variant.sku, field, message });
    const skuKey = variant.sku.toUpperCase();
    const firstSku = state.skuLines.get(skuKey);
    if (firstSku !== undefined) {
      fail("sku", `The SKU ${variant.sku} is already on line ${firstSku}`);
      continue;
    }
    const fingerprint = productFingerprint(product);
    const first = state.products.get(product.ref);
    if (first && first.fingerprint !== fingerprint) {
      fail("product_ref", `The product's columns differ from line ${first.line} (rows of one product must agree)`);
      continue;
    }
    if (variant.stock?.warehouse && !state.warehouseByName.has(variant.stock.warehouse.toLowerCase())) {
      fail("warehouse", `You have no warehouse named "${variant.stock.warehouse}"`);
      continue;
    }
    if (variant.stock && !variant.stock.warehouse && !state.defaultWarehouse) {
      fail("warehouse", "Add a warehouse before importing stock");
      continue;
    }
    const combo = `${product.ref}\u0000${product.optionKeys.map((k) => variant.options[k]).join("\u0000")}`;
    const comboLine = state.combos.get(combo);
    if (comboLine !== undefined) {
      fail("option1_value", `The same options as line ${comboLine}`);
      continue;
    }
    state.skuLines.set(skuKey, line);
    if (!first) state.products.set(product.ref, { line, fingerprint });
    state.combos.set(combo, line);
    valid.push(result.row);
  }

  const tally: Tally = {
    changedProducts: new Set(),
    processedRows: chunk.length + unreadable.length,
    createdProducts: 0,
    createdVariants: 0,
    updatedVariants: 0,
    unchangedRows: 0,
    errorRows: 0,
  };
  await withTransaction(ctx, async (tx) => {
    await lockStockOfChunk(tx, state.vendorId, valid);
    const groups = new Map<string, ParsedRow[]>();
    for (const row of valid) groups.set(row.product.ref, [...(groups.get(row.product.ref) ?? []), row]);
    for (const rows of groups.values()) {
      try {
        // A savepoint per product: a refused product leaves the rest of the chunk applied.
        await tx.db.transaction((sp) => applyProduct({ ...tx, db: sp }, state, rows, tally, errors));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        for (const row of rows) errors.push({ line: row.line, sku: row.variant.sku, field: null, message: error.message });
      }
    }
    if (errors.length) {
      await tx.db.insert(catalogImportErrors).values(errors.map((e) => ({ importId: state.importId, ...e })));
    }
    tally.errorRows = new Set(errors.map((e) => e.line)).size;
    if (tally.changedProducts.size) await catalogChanged(tx, { productIds: [...tally.changedProducts], listings: true });
    await tx.db
      .update(catalogImports)
      .set({
        processedRows: sql`${catalogImports.processedRows} + ${tally.processedRows}`,
        processedBytes: bytesRead,
        createdProducts: sql`${catalogImports.createdProducts} + ${tally.createdProducts}`,
        createdVariants: sql`${catalogImports.createdVariants} + ${tally.createdVariants}`,
        updatedVariants: sql`${catalogImports.updatedVariants} + ${tally.updatedVariants}`,
        unchangedRows: sql`${catalogImports.unchangedRows} + ${tally.unchangedRows}`,
        errorRows: sql`${catalogImports.errorRows} + ${tally.errorRows}`,
      })
      .where(eq(catalogImports.id, state.importId));
  });
}

/**
 * Locks the stock rows of every existing variant whose stock the chunk sets, at the start of
 * its transaction and in the order checkout locks them (variant id, warehouse id). Applied
 * product by product in file order instead, an import holding one variant's row and waiting
 * for another's could deadlock with a checkout holding them the other way round (ADR 0007;
 * tested). New variants' rows are made by the import itself, so nobody else holds them.
 */
async function lockStockOfChunk(tx: Context, vendorId: string, rows: ParsedRow[]): Promise<void> {
  const skus = [...new Set(rows.filter((row) => row.variant.stock).map((row) => row.variant.sku))];
  if (skus.length === 0) return;
  await tx.db
    .select({ variantId: stockLevels.variantId })
    .from(stockLevels)
    .innerJoin(productVariants, eq(productVariants.id, stockLevels.variantId))
    .where(and(eq(productVariants.vendorId, vendorId), inArray(productVariants.sku, skus)))
    .orderBy(asc(stockLevels.variantId), asc(stockLevels.warehouseId))
    .for("update", { of: stockLevels });
}

/** JSON with object keys sorted: jsonb does not keep key order, so compare values this way. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function warehouseFor(state: ImportState, stock: NonNullable<ParsedRow["variant"]["stock"]>): string {
  return stock.warehouse ? state.warehouseByName.get(stock.warehouse.toLowerCase())! : state.defaultWarehouse!;
}

/** Creates or updates one product and its variant rows; rows it refuses go to `errors`. */
async function applyProduct(ctx: Context, state: ImportState, rows: ParsedRow[], tally: Tally, errors: RowError[]) {
  const { product: fields } = rows[0]!;
  const category = state.categoryBySlug.get(fields.categorySlug)!;
  // Locked, so a moderator's decision committed meanwhile is seen (and not overwritten) by the status rule below.
  const [existing] = await ctx.db
    .select()
    .from(products)
    .for("update")
    .where(
      and(
        eq(products.vendorId, state.vendorId),
        // Exports name products made in the editor (no reference) by their id.
        UUID.test(fields.ref)
          ? or(eq(products.externalRef, fields.ref), and(isNull(products.externalRef), eq(products.id, fields.ref)))
          : eq(products.externalRef, fields.ref),
      ),
    );
  const known = await ctx.db
    .select()
    .from(productVariants)
    .where(
      and(
        eq(productVariants.vendorId, state.vendorId),
        inArray(
          productVariants.sku,
          rows.map((r) => r.variant.sku),
        ),
      ),
    );
  const bySku = new Map(known.map((v) => [v.sku, v]));
  const accepted = rows.filter((row) => {
    const variant = bySku.get(row.variant.sku);
    if (variant && variant.productId !== existing?.id) {
      errors.push({ line: row.line, sku: row.variant.sku, field: "sku", message: "This SKU belongs to another of your products" });
      return false;
    }
    return true;
  });
  if (!accepted.length) return;

  let productId: string;
  let options: ProductOption[];
  let changed = false;
  if (!existing) {
    options = fields.optionKeys.map((key) => ({
      key,
      name: { uz: key, ru: key, en: key },
      values: [...new Set(accepted.map((r) => r.variant.options[key]!))],
    }));
    const slug = await freeSlug(ctx, slugify(fields.title.uz));
    const [created] = await ctx.db
      .insert(products)
      .values({
        vendorId: state.vendorId,
        categoryId: category.id,
        categoryPath: category.path,
        externalRef: fields.ref,
        slug,
        status: "draft",
        title: fields.title,
        description: fields.description,
        brand: fields.brand,
        tags: fields.tags,
        attributes: fields.attributes,
        options,
        ikpuCode: fields.ikpuCode,
        minPriceAmount: Math.min(...accepted.map((r) => r.variant.priceAmount)),
      })
      .returning({ id: products.id });
    productId = created!.id;
    const slugRows = [{ slug, productId, locale: "uz" }];
    for (const locale of LOCALES.filter((l) => l !== "uz")) {
      if (fields.title[locale]) slugRows.push({ slug: await freeSlug(ctx, slugify(fields.title[locale])), productId, locale });
    }
    await ctx.db.insert(productSlugs).values(slugRows);
    tally.createdProducts++;
  } else {
    productId = existing.id;
    const existingKeys = existing.options.map((o) => o.key);
    if (!same([...existingKeys].sort(), [...fields.optionKeys].sort())) {
      for (const row of accepted)
        errors.push({
          line: row.line,
          sku: row.variant.sku,
          field: "option1_name",
          message: `This product's options are ${existingKeys.join(", ") || "none"}; change them in the product editor`,
        });
      return;
    }
    options = existing.options.map((o) => ({
      ...o,
      values: [...new Set([...o.values, ...accepted.map((r) => r.variant.options[o.key]!)])],
    }));
    const productChanges = {
      categoryId: category.id === existing.categoryId ? undefined : category.id,
      categoryPath: category.id === existing.categoryId ? undefined : category.path,
      title: same(fields.title, existing.title) ? undefined : fields.title,
      description: same(fields.description, existing.description) ? undefined : fields.description,
      brand: fields.brand === existing.brand ? undefined : fields.brand,
      tags: same(fields.tags, existing.tags) ? undefined : fields.tags,
      ikpuCode: fields.ikpuCode === existing.ikpuCode ? undefined : fields.ikpuCode,
      attributes: same(fields.attributes, existing.attributes) ? undefined : fields.attributes,
      options: same(options, existing.options) ? undefined : options,
    };
    if (Object.values(productChanges).some((v) => v !== undefined)) {
      changed = true;
      // The same rule as the product editor: a material edit of a published product goes back to review.
      const material = ["categoryId", "title", "description", "attributes"].some(
        (f) => productChanges[f as keyof typeof productChanges] !== undefined,
      );
      const status = material && existing.status === "published" ? "pending_review" : existing.status;
      await ctx.db
        .update(products)
        .set({ ...productChanges, status })
        .where(eq(products.id, productId));
      if (status !== existing.status)
        await recordAudit(ctx, {
          action: "product.resubmitted",
          actorId: state.actorId,
          targetType: "product",
          targetId: productId,
          metadata: { importId: state.importId },
        });
    }
  }

  const siblings = existing
    ? await ctx.db
        .select({ sku: productVariants.sku, options: productVariants.options, position: productVariants.position })
        .from(productVariants)
        .where(eq(productVariants.productId, productId))
    : [];
  const comboOf = (o: Record<string, string>) => canonical(o);
  const skuByCombo = new Map(siblings.map((s) => [comboOf(s.options), s.sku]));
  let nextPosition = Math.max(-1, ...siblings.map((s) => s.position)) + 1;
  // New products were inserted with their lowest price already.
  let pricesChanged = false;
  const newVariants: (typeof productVariants.$inferInsert & { line: number; stock: ParsedRow["variant"]["stock"] })[] = [];
  const stockChanges: { row: ParsedRow; variantId: string }[] = [];
  const updatedSkus = new Set<string>();
  for (const row of accepted) {
    const v = row.variant;
    const current = bySku.get(v.sku);
    const twin = skuByCombo.get(comboOf(v.options));
    if (twin !== undefined && twin !== v.sku) {
      errors.push({ line: row.line, sku: v.sku, field: "option1_value", message: `The variant ${twin} already has these options` });
      continue;
    }
    if (!current) {
      newVariants.push({
        id: newId(),
        productId,
        vendorId: state.vendorId,
        sku: v.sku,
        barcode: v.barcode,
        options: v.options,
        position: nextPosition++,
        priceAmount: v.priceAmount,
        compareAtAmount: v.compareAtAmount,
        weightGrams: v.weightGrams,
        line: row.line,
        stock: v.stock,
      });
      pricesChanged ||= Boolean(existing);
      continue;
    }
    const differs =
      current.barcode !== v.barcode ||
      current.priceAmount !== v.priceAmount ||
      current.compareAtAmount !== v.compareAtAmount ||
      current.weightGrams !== v.weightGrams ||
      !same(current.options, v.options);
    if (differs) {
      await ctx.db
        .update(productVariants)
        .set({
          barcode: v.barcode,
          priceAmount: v.priceAmount,
          compareAtAmount: v.compareAtAmount,
          weightGrams: v.weightGrams,
          options: v.options,
        })
        .where(eq(productVariants.id, current.id));
      pricesChanged ||= current.priceAmount !== v.priceAmount;
      updatedSkus.add(v.sku);
    }
    if (v.stock) stockChanges.push({ row, variantId: current.id });
  }

  if (newVariants.length) {
    await ctx.db.insert(productVariants).values(newVariants.map(({ line: _line, stock: _stock, ...variant }) => variant));
    tally.createdVariants += newVariants.length;
    // A new variant's stock opens with one receipt in the ledger, like any first delivery.
    const opening = newVariants.flatMap((v) =>
      v.stock ? [{ variantId: v.id!, warehouseId: warehouseFor(state, v.stock), onHand: v.stock.onHand }] : [],
    );
    if (opening.length) {
      await ctx.db.insert(stockLevels).values(opening);
      const receipts = opening.filter((o) => o.onHand > 0);
      if (receipts.length)
        await ctx.db.insert(stockMovements).values(
          receipts.map((o) => ({
            variantId: o.variantId,
            warehouseId: o.warehouseId,
            kind: "receipt" as const,
            onHandDelta: o.onHand,
            reason: "CSV import",
            actorId: state.actorId,
            reference: `import:${state.importId}`,
          })),
        );
    }
  }

  if (stockChanges.length) {
    const levels = await ctx.db
      .select({ variantId: stockLevels.variantId, warehouseId: stockLevels.warehouseId, onHand: stockLevels.onHand })
      .from(stockLevels)
      .where(
        inArray(
          stockLevels.variantId,
          stockChanges.map((c) => c.variantId),
        ),
      );
    for (const { row, variantId } of stockChanges) {
      const warehouseId = warehouseFor(state, row.variant.stock!);
      const level = levels.find((l) => l.variantId === variantId && l.warehouseId === warehouseId);
      if (level?.onHand === row.variant.stock!.onHand) continue;
      try {
        await moveStock(ctx.db, {
          variantId,
          warehouseId,
          setOnHand: row.variant.stock!.onHand,
          kind: "adjustment",
          reason: "CSV import",
          actorId: state.actorId,
          reference: `import:${state.importId}`,
        });
        updatedSkus.add(row.variant.sku);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        errors.push({ line: row.line, sku: row.variant.sku, field: "stock", message: error.message });
      }
    }
  }
  if (existing && (changed || updatedSkus.size || newVariants.length)) tally.changedProducts.add(productId);
  const refused = new Set(errors.map((e) => e.line));
  for (const row of accepted) {
    if (!bySku.has(row.variant.sku) || refused.has(row.line)) continue;
    if (updatedSkus.has(row.variant.sku) || changed) tally.updatedVariants++;
    else tally.unchangedRows++;
  }
  if (pricesChanged) {
    await ctx.db
      .update(products)
      .set({
        minPriceAmount: sql`(select min(${productVariants.priceAmount}) from ${productVariants} where ${productVariants.productId} = ${productId})`,
      })
      .where(eq(products.id, productId));
  }
}
