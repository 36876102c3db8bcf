import type { LocalizedText } from "@ultramarket/db";

export interface Region {
  code: string;
  name: LocalizedText;
  cities: LocalizedText[];
}

const t = (uz: string, ru: string, en: string): LocalizedText => ({ uz, ru, en });

/** Uzbekistan's 14 regions (12 viloyats, Karakalpakstan, Tashkent city) with their main cities. */
export const REGIONS: Region[] = [
  { code: "tashkent_city", name: t("Toshkent shahri", "г. Ташкент", "Tashkent city"), cities: [t("Toshkent", "Ташкент", "Tashkent")] },
  {
    code: "tashkent",
    name: t("Toshkent viloyati", "Ташкентская область", "Tashkent region"),
    cities: [
      t("Nurafshon", "Нурафшон", "Nurafshon"),
      t("Chirchiq", "Чирчик", "Chirchiq"),
      t("Olmaliq", "Алмалык", "Almalyk"),
      t("Angren", "Ангрен", "Angren"),
    ],
  },
  {
    code: "andijan",
    name: t("Andijon viloyati", "Андижанская область", "Andijan region"),
    cities: [t("Andijon", "Андижан", "Andijan"), t("Asaka", "Асака", "Asaka")],
  },
  {
    code: "bukhara",
    name: t("Buxoro viloyati", "Бухарская область", "Bukhara region"),
    cities: [t("Buxoro", "Бухара", "Bukhara"), t("Kogon", "Каган", "Kagan")],
  },
  {
    code: "fergana",
    name: t("Fargʻona viloyati", "Ферганская область", "Fergana region"),
    cities: [t("Fargʻona", "Фергана", "Fergana"), t("Qoʻqon", "Коканд", "Kokand"), t("Margʻilon", "Маргилан", "Margilan")],
  },
  { code: "jizzakh", name: t("Jizzax viloyati", "Джизакская область", "Jizzakh region"), cities: [t("Jizzax", "Джизак", "Jizzakh")] },
  {
    code: "khorezm",
    name: t("Xorazm viloyati", "Хорезмская область", "Khorezm region"),
    cities: [t("Urganch", "Ургенч", "Urgench"), t("Xiva", "Хива", "Khiva")],
  },
  {
    code: "namangan",
    name: t("Namangan viloyati", "Наманганская область", "Namangan region"),
    cities: [t("Namangan", "Наманган", "Namangan")],
  },
  {
    code: "navoiy",
    name: t("Navoiy viloyati", "Навоийская область", "Navoiy region"),
    cities: [t("Navoiy", "Навои", "Navoiy"), t("Zarafshon", "Зарафшан", "Zarafshan")],
  },
  {
    code: "kashkadarya",
    name: t("Qashqadaryo viloyati", "Кашкадарьинская область", "Kashkadarya region"),
    cities: [t("Qarshi", "Карши", "Karshi"), t("Shahrisabz", "Шахрисабз", "Shahrisabz")],
  },
  {
    code: "karakalpakstan",
    name: t("Qoraqalpogʻiston Respublikasi", "Республика Каракалпакстан", "Republic of Karakalpakstan"),
    cities: [t("Nukus", "Нукус", "Nukus")],
  },
  {
    code: "samarkand",
    name: t("Samarqand viloyati", "Самаркандская область", "Samarkand region"),
    cities: [t("Samarqand", "Самарканд", "Samarkand"), t("Kattaqoʻrgʻon", "Каттакурган", "Kattakurgan")],
  },
  {
    code: "sirdarya",
    name: t("Sirdaryo viloyati", "Сырдарьинская область", "Sirdarya region"),
    cities: [t("Guliston", "Гулистан", "Gulistan"), t("Yangiyer", "Янгиер", "Yangiyer")],
  },
  {
    code: "surkhandarya",
    name: t("Surxondaryo viloyati", "Сурхандарьинская область", "Surkhandarya region"),
    cities: [t("Termiz", "Термез", "Termez"), t("Denov", "Денау", "Denau")],
  },
];

export const REGION_CODES = REGIONS.map((r) => r.code) as [string, ...string[]];
