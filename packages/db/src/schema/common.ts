import { timestamp, uuid } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";

export const LOCALES = ["uz", "ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
/** Text kept in every storefront language; `uz` (Latin) is the source of truth. */
export type LocalizedText = Record<Locale, string>;

export const newId = (): string => uuidv7();

/** UUIDv7 primary key: time-ordered, so ids sort by creation and index well. */
export const id = () => uuid().primaryKey().$defaultFn(newId);

export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
