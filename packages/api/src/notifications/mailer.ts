import nodemailer from "nodemailer";

import type { DbExecutor } from "@ultramarket/db";
import { schema } from "@ultramarket/db";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  readonly transport: "smtp" | "dev-mailbox";
  /** `deliveryId` makes a redelivery of the same job a no-op where the transport allows it. */
  send(db: DbExecutor, message: MailMessage, deliveryId: string): Promise<void>;
}

export function createMailer(options: { smtpUrl?: string; from: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      transport: "smtp",
      async send(_db, message, deliveryId) {
        await transport.sendMail({ from: options.from, ...message, messageId: `<${deliveryId}@ultramarket>` });
      },
    };
  }
  return {
    transport: "dev-mailbox",
    async send(db, message, deliveryId) {
      await db
        .insert(schema.devMailbox)
        .values({ ...message, html: message.html ?? null, jobId: deliveryId })
        .onConflictDoNothing({ target: schema.devMailbox.jobId });
    },
  };
}
