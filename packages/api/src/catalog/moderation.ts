import type { ProductStatus } from "@ultramarket/db";
import { InvalidState } from "../core/errors";

export type ModerationActor = "vendor" | "admin";

/**
 * Every allowed status change, and who may make it. New and materially edited products
 * wait in review; only an admin publishes, rejects or unpublishes.
 */
const TRANSITIONS: Record<ProductStatus, Partial<Record<ProductStatus, ModerationActor[]>>> = {
  draft: { pending_review: ["vendor"], archived: ["vendor", "admin"] },
  pending_review: { published: ["admin"], rejected: ["admin"], draft: ["vendor"] },
  published: { pending_review: ["vendor"], draft: ["admin"], archived: ["vendor", "admin"] },
  rejected: { pending_review: ["vendor"], draft: ["vendor"], archived: ["vendor", "admin"] },
  archived: { draft: ["vendor", "admin"] },
};

export function canTransition(from: ProductStatus, to: ProductStatus, actor: ModerationActor): boolean {
  return TRANSITIONS[from][to]?.includes(actor) ?? false;
}

export function assertTransition(from: ProductStatus, to: ProductStatus, actor: ModerationActor): void {
  if (!canTransition(from, to, actor)) {
    throw new InvalidState(
      `A ${from.replace("_", " ")} product cannot become ${to.replace("_", " ")}${actor === "vendor" ? " by its vendor" : ""}`,
    );
  }
}
