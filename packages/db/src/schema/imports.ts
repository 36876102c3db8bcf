import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { id, timestamps } from "./common";
import { users } from "./users";
import { vendors } from "./vendors";

export const catalogImportStatus = pgEnum("catalog_import_status", ["queued", "running", "succeeded", "failed"]);
export type CatalogImportStatus = (typeof catalogImportStatus.enumValues)[number];

/** A vendor's CSV upload and the progress of the job that applies it. */
export const catalogImports = pgTable(
  "catalog_imports",
  {
    id: id(),
    vendorId: uuid()
      .notNull()
      .references(() => vendors.id, { onDelete: "cascade" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    fileName: text().notNull(),
    /** The uploaded file in private file storage. */
    storageKey: text().notNull(),
    status: catalogImportStatus().notNull().default("queued"),
    /** File size and how far the job has read: the console's progress bar. */
    sizeBytes: integer().notNull(),
    processedBytes: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    createdProducts: integer().notNull().default(0),
    createdVariants: integer().notNull().default(0),
    updatedVariants: integer().notNull().default(0),
    unchangedRows: integer().notNull().default(0),
    errorRows: integer().notNull().default(0),
    /** Why the whole import stopped (unreadable file, missing header), not row errors. */
    failure: text(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.vendorId, t.createdAt)],
);

/** One refused row of an import: the error report lists these by line number. */
export const catalogImportErrors = pgTable(
  "catalog_import_errors",
  {
    id: id(),
    importId: uuid()
      .notNull()
      .references(() => catalogImports.id, { onDelete: "cascade" }),
    line: integer().notNull(),
    sku: text(),
    field: text(),
    message: text().notNull(),
    ...timestamps,
  },
  (t) => [index().on(t.importId, t.line)],
);
