import type { Locale, LocalizedText, VendorOrderStatus } from "@ultramarket/db";

import { formatPrice } from "../core/money";
import type { MailMessage } from "./mailer";

const pick = <T>(locale: Locale, text: Record<Locale, T>): T => text[locale] ?? text.uz;

/** A locale from the database (users.locale, orders.locale), or Uzbek when it is not one of ours. */
export const mailLocale = (value: string | null | undefined): Locale => (value === "ru" || value === "en" ? value : "uz");

/** What the shopper reads for each vendor order status, as the storefront shows it. */
export const STATUS_NAMES: Record<Locale, Record<VendorOrderStatus, string>> = {
  uz: {
    PENDING: "Tasdiqlash kutilmoqda",
    CONFIRMED: "Tasdiqlandi",
    PROCESSING: "Tayyorlanmoqda",
    SHIPPED: "Joʻnatildi",
    DELIVERED: "Yetkazildi",
    CANCELLED: "Bekor qilindi",
    RETURN_REQUESTED: "Qaytarish soʻraldi",
    RETURNED: "Qaytarildi",
    REFUNDED: "Pul qaytarildi",
  },
  ru: {
    PENDING: "Ожидает подтверждения",
    CONFIRMED: "Подтверждён",
    PROCESSING: "Собирается",
    SHIPPED: "Отправлен",
    DELIVERED: "Доставлен",
    CANCELLED: "Отменён",
    RETURN_REQUESTED: "Запрошен возврат",
    RETURNED: "Возвращён",
    REFUNDED: "Деньги возвращены",
  },
  en: {
    PENDING: "Awaiting confirmation",
    CONFIRMED: "Confirmed",
    PROCESSING: "Being prepared",
    SHIPPED: "Shipped",
    DELIVERED: "Delivered",
    CANCELLED: "Cancelled",
    RETURN_REQUESTED: "Return requested",
    RETURNED: "Returned",
    REFUNDED: "Refunded",
  },
};

const price = (amount: number, locale: Locale) => formatPrice(amount, "UZS", locale);

/** Mail about orders and stock: the shopper's in the order's language, a vendor member's in their own. */
export const ORDER_MAIL = {
  orderPlaced(to: string, locale: Locale, order: { number: string; totalAmount: number }): MailMessage {
    const { number } = order;
    const total = price(order.totalAmount, locale);
    return {
      to,
      subject: pick(locale, { uz: `Buyurtma ${number} qabul qilindi`, ru: `Заказ ${number} принят`, en: `Order ${number} received` }),
      text: pick(locale, {
        uz: `Rahmat! ${number} raqamli buyurtmangiz (${total}, yetkazib berishda naqd toʻlov) sotuvchilar tasdigʻini kutmoqda.`,
        ru: `Спасибо! Заказ ${number} (${total}, оплата наличными при получении) ждёт подтверждения продавцов.`,
        en: `Thank you! Order ${number} (${total}, cash on delivery) is waiting for the sellers' confirmation.`,
      }),
    };
  },

  newVendorOrder(to: string, locale: Locale, part: { number: string; totalAmount: number }): MailMessage {
    const { number } = part;
    const total = price(part.totalAmount, locale);
    return {
      to,
      subject: pick(locale, { uz: `Yangi buyurtma ${number}`, ru: `Новый заказ ${number}`, en: `New order ${number}` }),
      text: pick(locale, {
        uz: `Yangi buyurtma ${number} (${total}) tasdigʻingizni kutmoqda.`,
        ru: `Новый заказ ${number} (${total}) ждёт вашего подтверждения.`,
        en: `New order ${number} (${total}) waits for your confirmation.`,
      }),
    };
  },

  statusChanged(
    to: string,
    locale: Locale,
    part: { number: string; status: VendorOrderStatus; carrier: string | null; trackingNumber: string | null },
  ): MailMessage {
    const { number } = part;
    const status = STATUS_NAMES[locale][part.status];
    const tracking =
      part.status === "SHIPPED" && part.trackingNumber
        ? `\n\n${pick(locale, {
            uz: `Tashuvchi: ${part.carrier ?? "—"}, trek raqami: ${part.trackingNumber}`,
            ru: `Перевозчик: ${part.carrier ?? "—"}, трек-номер: ${part.trackingNumber}`,
            en: `Carrier: ${part.carrier ?? "—"}, tracking number: ${part.trackingNumber}`,
          })}`
        : "";
    return {
      to,
      subject: pick(locale, { uz: `Buyurtma ${number}: ${status}`, ru: `Заказ ${number}: ${status}`, en: `Order ${number}: ${status}` }),
      text:
        pick(locale, {
          uz: `${number} raqamli buyurtmangiz holati: ${status}.`,
          ru: `Статус заказа ${number}: ${status}.`,
          en: `Your order ${number} is now: ${status}.`,
        }) + tracking,
    };
  },

  lowStock(to: string, locale: Locale, variant: { sku: string; title: LocalizedText; available: number; threshold: number }): MailMessage {
    const { sku, available, threshold } = variant;
    const title = variant.title[locale] || variant.title.uz;
    return {
      to,
      subject: pick(locale, {
        uz: `Kam qoldi: ${sku} (${available} dona)`,
        ru: `Заканчивается: ${sku} (осталось ${available})`,
        en: `Low stock: ${sku} (${available} left)`,
      }),
      text: pick(locale, {
        uz: `${title} (${sku}): ${available} dona mavjud, bu ogohlantirish chegarangizdan (${threshold}) kam.`,
        ru: `${title} (${sku}): доступно ${available}, ниже вашего порога оповещения (${threshold}).`,
        en: `${title} (${sku}) has ${available} available, below your alert level of ${threshold}.`,
      }),
    };
  },
};
