"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import type { RouterOutputs } from "@ultramarket/api";
import { useTRPC, useTRPCClient } from "@ultramarket/ui/trpc";

export type Cart = RouterOutputs["cart"]["get"];
export type CartNotice = Cart["notices"][number];
type LineTitle = Cart["groups"][number]["lines"][number]["title"];
/** A notice with the title of its line as it was when the notice came (a removed line has none left). */
export type RememberedNotice = CartNotice & { title: LineTitle | null };

/** Opens the header's cart drawer from anywhere on the page (the product page's "add to cart"). */
export const CART_OPEN_EVENT = "ultramarket:cart-open";
export function openCartDrawer() {
  window.dispatchEvent(new Event(CART_OPEN_EVENT));
}

const NOTICES_KEY = ["ultramarket", "cart-notices"] as const;

/**
 * The shopper's cart, one query shared by the header and the cart page, and the mutations
 * that change it (each answers with the whole cart, which replaces the cached one).
 *
 * The API returns each change notice once, on the first read after the change, and that
 * read is usually the header's on whatever page the shopper opens. So every answer's
 * notices are kept (in the query client, with their lines' titles) until the shopper
 * dismisses them in the drawer or on the cart page; later reads without notices keep them.
 */
export function useCart() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const remember = (cart: Cart) => {
    if (cart.notices.length === 0) return cart;
    const titles = new Map(cart.groups.flatMap((group) => group.lines.map((line) => [line.variantId, line.title] as const)));
    const fresh = cart.notices.map((notice) => ({ ...notice, title: titles.get(notice.variantId) ?? null }));
    queryClient.setQueryData<RememberedNotice[]>(NOTICES_KEY, (previous = []) => [...previous, ...fresh]);
    return cart;
  };
  const query = useQuery({
    queryKey: trpc.cart.get.queryKey(),
    queryFn: async () => remember(await client.cart.get.query()),
    refetchOnWindowFocus: false,
  });
  const { data: notices } = useQuery({
    queryKey: NOTICES_KEY,
    queryFn: () => queryClient.getQueryData<RememberedNotice[]>(NOTICES_KEY) ?? [],
    initialData: [] as RememberedNotice[],
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });

  const onSuccess = (cart: Cart) => queryClient.setQueryData(trpc.cart.get.queryKey(), remember(cart));
  const update = useMutation(trpc.cart.updateItem.mutationOptions({ onSuccess }));
  const remove = useMutation(trpc.cart.removeItem.mutationOptions({ onSuccess }));
  const add = useMutation(trpc.cart.addItem.mutationOptions({ onSuccess }));
  return {
    query,
    cart: query.data,
    notices,
    dismissNotices: () => queryClient.setQueryData<RememberedNotice[]>(NOTICES_KEY, []),
    update,
    remove,
    add,
  };
}
