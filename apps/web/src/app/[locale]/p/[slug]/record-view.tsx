"use client";

import { useEffect, useRef } from "react";

import { useTRPCClient } from "@ultramarket/ui/trpc";

/**
 * Counts a view of the product page once it is shown in a browser. Effects do not run
 * during server rendering or link prefetching, and a page the browser prerenders waits
 * until it is actually shown, so crawlers and prefetches do not count. The server also
 * counts a visitor once per product and hour; failures are of no interest to the shopper.
 */
export function RecordView({ productId }: { productId: string }) {
  const client = useTRPCClient();
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (recorded.current === productId) return;
    const record = () => {
      recorded.current = productId;
      client.catalog.recordView.mutate({ productId }).catch(() => undefined);
    };
    // `document.prerendering` (Speculation Rules) is not in TypeScript's DOM types yet.
    if ((document as Document & { prerendering?: boolean }).prerendering) {
      document.addEventListener("prerenderingchange", record, { once: true });
      return () => document.removeEventListener("prerenderingchange", record);
    }
    record();
  }, [client, productId]);
  return null;
}
