"use client";

import type { MouseEvent, ReactNode } from "react";

import { useTRPCClient } from "@ultramarket/ui/trpc";

/**
 * Reports which result was opened (search.logClick), for the console's click-through figures. The results are
 * server-rendered links carrying `data-product-id` and `data-position`; one listener here hears them all. The
 * report is fired and forgotten: it never holds up the product page, and its failure is of no interest to the shopper.
 */
export function ResultClickLogger({ queryId, children }: { queryId: string; children: ReactNode }) {
  const client = useTRPCClient();
  const report = (event: MouseEvent<HTMLDivElement>) => {
    // Middle-click opens a new tab (auxclick); a right-click only opens the context menu.
    if (event.type === "auxclick" && event.button !== 1) return;
    const link = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-product-id]") : null;
    const productId = link?.dataset.productId;
    const position = Number(link?.dataset.position);
    if (!productId || !Number.isInteger(position) || position < 1) return;
    client.search.logClick.mutate({ queryId, productId, position }).catch(() => undefined);
  };
  return (
    <div onClick={report} onAuxClick={report}>
      {children}
    </div>
  );
}
