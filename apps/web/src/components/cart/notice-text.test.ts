import { describe, expect, it } from "vitest";

import { SHOP_MESSAGES } from "../../i18n/shop-messages";
import { noticeText } from "./notice-text";

const variantId = "01a24600-0000-7000-8000-000000000001";

describe("cart change notices", () => {
  it("names the price change with both prices, in each language", () => {
    const notice = { kind: "price_up", variantId, previousAmount: 100_000_00, currentAmount: 120_000_00 } as const;
    expect(noticeText(notice, "Choynak", SHOP_MESSAGES.uz, "uz")).toBe(
      "Choynak: narx 100\u00a0000\u00a0soʻm dan 120\u00a0000\u00a0soʻm ga oshdi",
    );
    expect(noticeText({ ...notice, kind: "price_down" }, "Чайник", SHOP_MESSAGES.ru, "ru")).toBe(
      "Чайник: цена снизилась с 100\u00a0000\u00a0сум до 120\u00a0000\u00a0сум",
    );
  });

  it("says when a line ran out, came back, shrank to the stock or was removed", () => {
    const en = SHOP_MESSAGES.en;
    expect(noticeText({ kind: "out_of_stock", variantId }, "Kettle", en, "en")).toBe("Kettle: now out of stock");
    expect(noticeText({ kind: "back_in_stock", variantId }, "Kettle", en, "en")).toBe("Kettle: back in stock");
    expect(noticeText({ kind: "quantity_reduced", variantId, previousQuantity: 5, currentQuantity: 2 }, "Kettle", en, "en")).toBe(
      "Kettle: quantity reduced from 5 to 2 (all that is in stock)",
    );
    expect(noticeText({ kind: "removed", variantId }, "", en, "en")).toBe("An item is no longer sold and was removed from your cart");
  });
});
