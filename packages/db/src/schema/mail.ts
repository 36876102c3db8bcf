import { index, pgTable, text } from "drizzle-orm/pg-core";

import { id, timestamps } from "./common";

/** Where mail goes when no SMTP_URL is set; the console shows it. */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: id(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    /** The job that delivered it; makes redelivery after a crash idempotent. */
    jobId: text().unique(),
    ...timestamps,
  },
  (t) => [index().on(t.createdAt.desc())],
);
