import type { UiLocale } from "../core/money";

/** What invoices and packing slips print, per order language. */
export interface DocumentLabels {
  invoice: string;
  packingSlip: string;
  order: string;
  vendorOrder: string;
  date: string;
  seller: string;
  stir: string;
  buyer: string;
  shipTo: string;
  phone: string;
  payment: string;
  /** By payment method; a method missing here prints its code. */
  paymentMethods: Record<string, string>;
  shippingMethod: string;
  carrier: string;
  trackingNumber: string;
  number: string;
  item: string;
  sku: string;
  ikpu: string;
  quantity: string;
  unitPrice: string;
  vat: (rateBps: number) => string;
  lineTotal: string;
  itemsTotal: string;
  shipping: string;
  vatIncluded: string;
  total: string;
  packedBy: string;
}

const percent = (rateBps: number) => `${rateBps / 100}%`;

export const DOCUMENT_LABELS: Record<UiLocale, DocumentLabels> = {
  uz: {
    invoice: "Hisob-faktura",
    packingSlip: "Qadoqlash varaqasi",
    order: "Buyurtma",
    vendorOrder: "Sotuvchi buyurtmasi",
    date: "Sana",
    seller: "Sotuvchi",
    stir: "STIR",
    buyer: "Xaridor",
    shipTo: "Yetkazib berish manzili",
    phone: "Telefon",
    payment: "Toʻlov usuli",
    paymentMethods: { cod: "Qabul qilganda naqd toʻlov" },
    shippingMethod: "Yetkazib berish usuli",
    carrier: "Tashuvchi",
    trackingNumber: "Trek raqami",
    number: "№",
    item: "Mahsulot",
    sku: "Artikul",
    ikpu: "IKPU (MXIK)",
    quantity: "Soni",
    unitPrice: "Narxi",
    vat: (rateBps) => `QQS ${percent(rateBps)}`,
    lineTotal: "Summa",
    itemsTotal: "Mahsulotlar",
    shipping: "Yetkazib berish",
    vatIncluded: "Shu jumladan QQS (qoʻshilgan qiymat soligʻi)",
    total: "Jami",
    packedBy: "Qadoqladi",
  },
  ru: {
    invoice: "Счёт-фактура",
    packingSlip: "Упаковочный лист",
    order: "Заказ",
    vendorOrder: "Заказ продавца",
    date: "Дата",
    seller: "Продавец",
    stir: "ИНН (STIR)",
    buyer: "Покупатель",
    shipTo: "Адрес доставки",
    phone: "Телефон",
    payment: "Способ оплаты",
    paymentMethods: { cod: "Наличными при получении" },
    shippingMethod: "Способ доставки",
    carrier: "Перевозчик",
    trackingNumber: "Трек-номер",
    number: "№",
    item: "Наименование",
    sku: "Артикул",
    ikpu: "ИКПУ (MXIK)",
    quantity: "Кол-во",
    unitPrice: "Цена",
    vat: (rateBps) => `НДС ${percent(rateBps)}`,
    lineTotal: "Сумма",
    itemsTotal: "Товары",
    shipping: "Доставка",
    vatIncluded: "В том числе НДС",
    total: "Итого",
    packedBy: "Упаковал",
  },
  en: {
    invoice: "Invoice",
    packingSlip: "Packing slip",
    order: "Order",
    vendorOrder: "Vendor order",
    date: "Date",
    seller: "Seller",
    stir: "STIR (tax ID)",
    buyer: "Buyer",
    shipTo: "Ship to",
    phone: "Phone",
    payment: "Payment",
    paymentMethods: { cod: "Cash on delivery" },
    shippingMethod: "Delivery method",
    carrier: "Carrier",
    trackingNumber: "Tracking number",
    number: "#",
    item: "Item",
    sku: "SKU",
    ikpu: "IKPU (MXIK)",
    quantity: "Qty",
    unitPrice: "Unit price",
    vat: (rateBps) => `VAT ${percent(rateBps)}`,
    lineTotal: "Total",
    itemsTotal: "Items",
    shipping: "Shipping",
    vatIncluded: "VAT included",
    total: "Total",
    packedBy: "Packed by",
  },
};
