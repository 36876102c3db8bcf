import { formatPrice } from "@ultramarket/ui";
import type { Locale } from "../../i18n/locales";
import type { ShopMessages } from "../../i18n/shop-messages";
import { fill } from "../../i18n/shop-messages";
import type { CartNotice } from "./use-cart";

/** One change notice as a sentence in the shopper's language. */
export function noticeText(notice: CartNotice, title: string, t: ShopMessages, locale: Locale): string {
  switch (notice.kind) {
    case "price_up":
    case "price_down":
      return fill(t.notices[notice.kind], {
        title,
        from: formatPrice(notice.previousAmount, "UZS", locale),
        to: formatPrice(notice.currentAmount, "UZS", locale),
      });
    case "quantity_reduced":
      return fill(t.notices.quantity_reduced, { title, from: notice.previousQuantity, to: notice.currentQuantity });
    case "removed":
      return t.notices.removed;
    default:
      return fill(t.notices[notice.kind], { title });
  }
}
