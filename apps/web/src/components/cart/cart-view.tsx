"use client";

import Link from "next/link";

import { buttonClass, cn, EmptyState, formatPrice } from "@ultramarket/ui";
import { FormAlert, formErrorOf } from "@ultramarket/ui/forms";
import type { Locale } from "~/i18n/locales";
import type { ShopMessages } from "~/i18n/shop-messages";
import { fill, inLocale } from "~/i18n/shop-messages";
import { noticeText } from "./notice-text";
import type { Cart, RememberedNotice } from "./use-cart";
import { useCart } from "./use-cart";

/** The change notices the API returned (price up/down, out of stock, removed…), until dismissed. */
export function CartNotices({
  notices,
  locale,
  t,
  onDismiss,
}: {
  notices: RememberedNotice[];
  locale: Locale;
  t: ShopMessages;
  onDismiss: () => void;
}) {
  if (notices.length === 0) return null;
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-testid="cart-notices">
      <div className="flex items-start justify-between gap-3">
        <p className="font-medium">{t.notices.title}</p>
        <button type="button" onClick={onDismiss} className="text-amber-900 underline">
          {t.close}
        </button>
      </div>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {notices.map((notice, index) => (
          <li key={`${notice.kind}-${notice.variantId}-${index}`}>
            {noticeText(notice, inLocale(notice.title ?? undefined, locale), t, locale)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Lines grouped by vendor with quantity edit and remove; `compact` for the drawer. */
export function CartLines({
  cart,
  locale,
  t,
  compact = false,
  onQuantity,
  onRemove,
  busyVariant,
}: {
  cart: Cart;
  locale: Locale;
  t: ShopMessages;
  compact?: boolean;
  onQuantity: (variantId: string, quantity: number) => void;
  onRemove: (variantId: string) => void;
  busyVariant: string | null;
}) {
  const price = (amount: number) => formatPrice(amount, cart.currency, locale);
  return (
    <div className="space-y-4">
      {cart.groups.map((group) => (
        <section
          key={group.vendorId}
          aria-label={fill(t.soldBy, { vendor: group.vendorName })}
          className="rounded-lg border border-slate-200 bg-white"
        >
          <h3 className="border-b border-slate-100 px-4 py-2 text-sm font-medium text-slate-600">
            {fill(t.soldBy, { vendor: group.vendorName })}
          </h3>
          <ul className="divide-y divide-slate-100">
            {group.lines.map((line) => {
              const title = inLocale(line.title, locale);
              const options = Object.values(line.options).join(" / ");
              return (
                <li
                  key={line.variantId}
                  className={cn("flex flex-wrap items-center gap-3 px-4 py-3", compact && "text-sm")}
                  data-testid="cart-line"
                >
                  <div className="min-w-0 flex-1">
                    <p className="font-medium text-slate-900">{title}</p>
                    <p className="text-xs text-slate-500">
                      {options ? `${options} · ` : ""}
                      {line.sku}
                    </p>
                    {line.state === "out_of_stock" ? (
                      <p className="text-xs font-medium text-red-700">{t.lineOutOfStock}</p>
                    ) : line.state === "insufficient_stock" ? (
                      <p className="text-xs font-medium text-red-700">{fill(t.lineShort, { n: line.available })}</p>
                    ) : null}
                  </div>
                  <label className="flex items-center gap-2 text-sm">
                    <span className="sr-only">{fill(t.quantityOf, { title })}</span>
                    <select
                      value={line.quantity}
                      disabled={busyVariant === line.variantId}
                      onChange={(event) => onQuantity(line.variantId, Number(event.target.value))}
                      className="rounded-md border border-slate-300 bg-white px-2 py-1"
                    >
                      {Array.from({ length: Math.max(cart.limits.maxLineQuantity, line.quantity) }, (_, i) => i + 1).map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </label>
                  <p className="w-32 text-right font-semibold" data-testid="line-total">
                    {price(line.lineTotalAmount)}
                    {line.quantity > 1 ? (
                      <span className="block text-xs font-normal text-slate-500">{`${line.quantity} × ${price(line.unitPriceAmount)}`}</span>
                    ) : null}
                  </p>
                  <button
                    type="button"
                    onClick={() => onRemove(line.variantId)}
                    disabled={busyVariant === line.variantId}
                    aria-label={fill(t.removeItem, { title })}
                    className="rounded-md px-2 py-1 text-sm text-red-700 hover:bg-red-50"
                  >
                    {t.remove}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The cart page's body and the drawer's: lines, notices, totals and the way to checkout. */
export function CartView({
  locale,
  t,
  compact = false,
  onNavigate,
}: {
  locale: Locale;
  t: ShopMessages;
  compact?: boolean;
  onNavigate?: () => void;
}) {
  const { query, cart, notices, dismissNotices, update, remove } = useCart();
  const busyVariant = update.isPending ? update.variables.variantId : remove.isPending ? remove.variables.variantId : null;
  if (query.isPending)
    return (
      <p role="status" aria-busy="true" className="text-sm text-slate-500">
        {t.loading}
      </p>
    );
  if (!cart) return <FormAlert message={formErrorOf(query.error)} />;
  const noticesBlock = <CartNotices notices={notices} locale={locale} t={t} onDismiss={dismissNotices} />;
  if (cart.groups.length === 0) {
    return (
      <div className="space-y-4">
        {noticesBlock}
        <EmptyState title={t.cartEmpty}>{t.cartEmptyHint}</EmptyState>
        <Link href={`/${locale}`} className={buttonClass("secondary")} onClick={onNavigate}>
          {t.continueShopping}
        </Link>
      </div>
    );
  }
  return (
    <div className={cn("gap-6", compact ? "space-y-4" : "grid lg:grid-cols-[1fr_20rem]")}>
      <div className="space-y-4">
        {noticesBlock}
        <FormAlert message={formErrorOf(update.error) ?? formErrorOf(remove.error)} />
        <CartLines
          cart={cart}
          locale={locale}
          t={t}
          compact={compact}
          busyVariant={busyVariant}
          onQuantity={(variantId, quantity) => update.mutate({ variantId, quantity })}
          onRemove={(variantId) => remove.mutate({ variantId })}
        />
      </div>
      <aside className="h-fit space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex justify-between text-sm">
          <span>{t.itemsTotal}</span>
          <span data-testid="cart-total">{formatPrice(cart.itemsTotalAmount, cart.currency, locale)}</span>
        </div>
        {!cart.checkoutReady ? <p className="text-sm text-red-700">{t.notReady}</p> : null}
        <div className="flex flex-col gap-2">
          {cart.checkoutReady ? (
            <Link href={`/${locale}/checkout`} className={buttonClass("primary")} onClick={onNavigate}>
              {t.checkout}
            </Link>
          ) : (
            <button type="button" className={buttonClass("primary")} disabled>
              {t.checkout}
            </button>
          )}
          {compact ? (
            <Link href={`/${locale}/cart`} className={buttonClass("secondary")} onClick={onNavigate}>
              {t.openCart}
            </Link>
          ) : null}
        </div>
      </aside>
    </div>
  );
}
