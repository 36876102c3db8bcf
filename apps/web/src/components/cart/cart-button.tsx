"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";

import type { Locale } from "~/i18n/locales";
import type { ShopMessages } from "~/i18n/shop-messages";
import { fill } from "~/i18n/shop-messages";
import { CartView } from "./cart-view";
import { CART_OPEN_EVENT, useCart } from "./use-cart";

/**
 * The header's cart: a link to the cart page (without scripts) that opens a drawer, a modal
 * <dialog> (focus stays inside, Escape closes it). "Add to cart" opens it too.
 */
export function CartButton({ locale, t }: { locale: Locale; t: ShopMessages }) {
  const { cart, notices } = useCart();
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const count = cart?.itemCount ?? 0;

  useEffect(() => {
    const show = () => setOpen(true);
    window.addEventListener(CART_OPEN_EVENT, show);
    return () => window.removeEventListener(CART_OPEN_EVENT, show);
  }, []);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <Link
        href={`/${locale}/cart`}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
        aria-label={`${fill(t.cartWithCount, { n: count })}${notices.length > 0 ? `. ${t.notices.title}` : ""}`}
        data-testid="cart-button"
        className="relative rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-indigo-700"
      >
        {t.cart}
        <span
          className="ml-1 inline-flex min-w-5 items-center justify-center rounded-full bg-indigo-600 px-1.5 text-xs text-white"
          data-testid="cart-count"
        >
          {count}
        </span>
        {notices.length > 0 ? <span aria-hidden="true" className="absolute -top-0.5 right-0 h-2 w-2 rounded-full bg-amber-500" /> : null}
      </Link>
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        onClose={() => setOpen(false)}
        className="m-0 ml-auto h-full max-h-none w-full max-w-md bg-slate-50 p-0 backdrop:bg-slate-900/40"
        data-testid="cart-drawer"
      >
        <div className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3">
          <h2 id={headingId} className="text-lg font-semibold">
            {t.cartTitle}
          </h2>
          <button type="button" onClick={() => setOpen(false)} className="rounded-md px-2 py-1 text-sm hover:bg-slate-100">
            {t.close}
          </button>
        </div>
        <div className="p-4">{open ? <CartView locale={locale} t={t} compact onNavigate={() => setOpen(false)} /> : null}</div>
      </dialog>
    </>
  );
}
