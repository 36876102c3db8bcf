"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { useTRPC } from "@ultramarket/ui/trpc";

export type Cart = RouterOutputs["cart"]["get"];
export type CartNotice = Cart["notices"][number];

/** Opens the header's cart drawer from anywhere on the page (the product page's "add to cart"). */
export const CART_OPEN_EVENT = "ultramarket:cart-open";
export function openCartDrawer() {
  window.dispatchEvent(new Event(CART_OPEN_EVENT));
}

/**
 * The shopper's cart, one query shared by the header and the cart page, and the mutations
 * that change it (each answers with the whole cart, which replaces the cached one).
 *
 * The API returns each change notice once (on the read after it happened), so notices are
 * kept here until the shopper dismisses them or leaves the page; a later read that has
 * none must not wipe them.
 */
export function useCart() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.cart.get.queryOptions(undefined, { refetchOnWindowFocus: false }));
  const [notices, setNotices] = useState<CartNotice[]>([]);
  const [titles, setTitles] = useState<Record<string, Cart["groups"][number]["lines"][number]["title"]>>({});
  const data = query.data;
  useEffect(() => {
    if (!data) return;
    setTitles((previous) => {
      const next = { ...previous };
      for (const group of data.groups) for (const line of group.lines) next[line.variantId] = line.title;
      return next;
    });
    if (data.notices.length > 0) setNotices((previous) => [...previous, ...data.notices]);
  }, [data]);

  const onSuccess = (cart: Cart) => queryClient.setQueryData(trpc.cart.get.queryKey(), cart);
  const update = useMutation(trpc.cart.updateItem.mutationOptions({ onSuccess }));
  const remove = useMutation(trpc.cart.removeItem.mutationOptions({ onSuccess }));
  const add = useMutation(trpc.cart.addItem.mutationOptions({ onSuccess }));
  return { query, cart: data, notices, titles, dismissNotices: () => setNotices([]), update, remove, add };
}
