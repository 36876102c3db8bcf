import type { AttributeDefinition, LocalizedText } from "../schema";

export interface LeafCategory {
  slug: string;
  name: LocalizedText;
  /** What one product of this category is called, used to build believable titles. */
  noun: LocalizedText;
  brands: string[];
  /** Price range in whole UZS (so'm). */
  price: [number, number];
  options?: { name: string; values: string[] };
}

/** How the storefront names the seed's variant options. */
export const OPTION_NAMES: Record<string, LocalizedText> = {
  color: { uz: "Rang", ru: "Цвет", en: "Colour" },
  storage: { uz: "Xotira", ru: "Память", en: "Storage" },
  size: { uz: "Oʻlcham", ru: "Размер", en: "Size" },
  volume: { uz: "Hajm", ru: "Объём", en: "Volume" },
};

/** Enum attributes every leaf category defines, so category pages have attribute filters. */
export const ORIGIN_ATTRIBUTE: AttributeDefinition = {
  key: "origin",
  name: { uz: "Ishlab chiqarilgan mamlakat", ru: "Страна производства", en: "Country of origin" },
  type: "enum",
  required: false,
  options: [
    { value: "uz", name: { uz: "Oʻzbekiston", ru: "Узбекистан", en: "Uzbekistan" } },
    { value: "cn", name: { uz: "Xitoy", ru: "Китай", en: "China" } },
    { value: "kr", name: { uz: "Janubiy Koreya", ru: "Южная Корея", en: "South Korea" } },
    { value: "tr", name: { uz: "Turkiya", ru: "Турция", en: "Türkiye" } },
    { value: "de", name: { uz: "Germaniya", ru: "Германия", en: "Germany" } },
  ],
};

/** Devices with storage options also say how much memory they have. */
export const RAM_ATTRIBUTE: AttributeDefinition = {
  key: "ram",
  name: { uz: "Operativ xotira", ru: "Оперативная память", en: "RAM" },
  type: "enum",
  required: false,
  options: ["4GB", "8GB", "16GB"].map((value) => ({ value, name: { uz: value, ru: value, en: value } })),
};

export interface BranchCategory {
  slug: string;
  name: LocalizedText;
  children: (BranchCategory | LeafCategory)[];
}

const t = (uz: string, ru: string, en: string): LocalizedText => ({ uz, ru, en });
const colours = { name: "color", values: ["black", "white", "blue", "red"] };
const storage = { name: "storage", values: ["128GB", "256GB", "512GB"] };
const sizes = { name: "size", values: ["S", "M", "L", "XL"] };
const volumes = { name: "volume", values: ["50ml", "100ml"] };

export const CATEGORY_TREE: BranchCategory[] = [
  {
    slug: "elektronika",
    name: t("Elektronika", "Электроника", "Electronics"),
    children: [
      {
        slug: "telefonlar",
        name: t("Telefonlar va aksessuarlar", "Телефоны и аксессуары", "Phones and accessories"),
        children: [
          {
            slug: "smartfonlar",
            name: t("Smartfonlar", "Смартфоны", "Smartphones"),
            noun: t("Smartfon", "Смартфон", "Smartphone"),
            brands: ["Samsung", "Xiaomi", "Apple", "Honor", "Tecno"],
            price: [1_500_000, 18_000_000],
            options: storage,
          },
          {
            slug: "quvvatlagichlar",
            name: t("Quvvatlagichlar", "Зарядные устройства", "Chargers"),
            noun: t("Quvvatlagich", "Зарядное устройство", "Charger"),
            brands: ["Anker", "Baseus", "Ugreen"],
            price: [90_000, 600_000],
          },
          {
            slug: "giloflar",
            name: t("Gʻiloflar", "Чехлы", "Cases"),
            noun: t("Gʻilof", "Чехол", "Case"),
            brands: ["Spigen", "Nillkin", "ESR"],
            price: [40_000, 250_000],
            options: colours,
          },
        ],
      },
      {
        slug: "kompyuterlar",
        name: t("Kompyuterlar", "Компьютеры", "Computers"),
        children: [
          {
            slug: "noutbuklar",
            name: t("Noutbuklar", "Ноутбуки", "Laptops"),
            noun: t("Noutbuk", "Ноутбук", "Laptop"),
            brands: ["Lenovo", "HP", "Asus", "Acer", "Apple"],
            price: [4_500_000, 30_000_000],
            options: storage,
          },
          {
            slug: "monitorlar",
            name: t("Monitorlar", "Мониторы", "Monitors"),
            noun: t("Monitor", "Монитор", "Monitor"),
            brands: ["Dell", "LG", "Samsung", "AOC"],
            price: [1_200_000, 9_000_000],
          },
          {
            slug: "klaviaturalar",
            name: t("Klaviaturalar", "Клавиатуры", "Keyboards"),
            noun: t("Klaviatura", "Клавиатура", "Keyboard"),
            brands: ["Logitech", "Razer", "A4Tech"],
            price: [120_000, 2_000_000],
            options: colours,
          },
        ],
      },
      {
        slug: "audio",
        name: t("Audio", "Аудиотехника", "Audio"),
        children: [
          {
            slug: "quloqchinlar",
            name: t("Quloqchinlar", "Наушники", "Headphones"),
            noun: t("Quloqchin", "Наушники", "Headphones"),
            brands: ["Sony", "JBL", "Xiaomi", "Apple"],
            price: [150_000, 5_000_000],
            options: colours,
          },
          {
            slug: "kolonkalar",
            name: t("Portativ kolonkalar", "Портативные колонки", "Portable speakers"),
            noun: t("Kolonka", "Колонка", "Speaker"),
            brands: ["JBL", "Marshall", "Sony"],
            price: [300_000, 4_000_000],
          },
        ],
      },
    ],
  },
  {
    slug: "maishiy-texnika",
    name: t("Maishiy texnika", "Бытовая техника", "Home appliances"),
    children: [
      {
        slug: "oshxona-texnikasi",
        name: t("Oshxona texnikasi", "Техника для кухни", "Kitchen appliances"),
        children: [
          {
            slug: "muzlatgichlar",
            name: t("Muzlatgichlar", "Холодильники", "Refrigerators"),
            noun: t("Muzlatgich", "Холодильник", "Refrigerator"),
            brands: ["Artel", "Samsung", "LG", "Hofmann"],
            price: [3_500_000, 20_000_000],
            options: colours,
          },
          {
            slug: "mikrotolqinli-pechlar",
            name: t("Mikrotoʻlqinli pechlar", "Микроволновые печи", "Microwave ovens"),
            noun: t("Mikrotoʻlqinli pech", "Микроволновая печь", "Microwave oven"),
            brands: ["Artel", "Midea", "Samsung"],
            price: [700_000, 3_000_000],
          },
          {
            slug: "choynaklar",
            name: t("Elektr choynaklar", "Электрочайники", "Electric kettles"),
            noun: t("Elektr choynak", "Электрочайник", "Electric kettle"),
            brands: ["Philips", "Tefal", "Artel"],
            price: [150_000, 900_000],
            options: colours,
          },
        ],
      },
      {
        slug: "uy-texnikasi",
        name: t("Uy uchun texnika", "Техника для дома", "Home devices"),
        children: [
          {
            slug: "kir-yuvish-mashinalari",
            name: t("Kir yuvish mashinalari", "Стиральные машины", "Washing machines"),
            noun: t("Kir yuvish mashinasi", "Стиральная машина", "Washing machine"),
            brands: ["Artel", "LG", "Samsung", "Beko"],
            price: [3_000_000, 12_000_000],
          },
          {
            slug: "changyutkichlar",
            name: t("Changyutkichlar", "Пылесосы", "Vacuum cleaners"),
            noun: t("Changyutkich", "Пылесос", "Vacuum cleaner"),
            brands: ["Dyson", "Xiaomi", "Philips", "Artel"],
            price: [800_000, 9_000_000],
          },
          {
            slug: "konditsionerlar",
            name: t("Konditsionerlar", "Кондиционеры", "Air conditioners"),
            noun: t("Konditsioner", "Кондиционер", "Air conditioner"),
            brands: ["Artel", "Midea", "Gree"],
            price: [3_000_000, 14_000_000],
          },
        ],
      },
    ],
  },
  {
    slug: "kiyim-kechak",
    name: t("Kiyim-kechak", "Одежда", "Clothing"),
    children: [
      {
        slug: "erkaklar-kiyimi",
        name: t("Erkaklar kiyimi", "Мужская одежда", "Men's clothing"),
        children: [
          {
            slug: "erkaklar-futbolkalari",
            name: t("Futbolkalar", "Футболки", "T-shirts"),
            noun: t("Futbolka", "Футболка", "T-shirt"),
            brands: ["Uzbek Cotton", "Nike", "Adidas"],
            price: [60_000, 400_000],
            options: sizes,
          },
          {
            slug: "erkaklar-kurtkalari",
            name: t("Kurtkalar", "Куртки", "Jackets"),
            noun: t("Kurtka", "Куртка", "Jacket"),
            brands: ["Columbia", "The North Face", "Zara"],
            price: [400_000, 3_500_000],
            options: sizes,
          },
        ],
      },
      {
        slug: "ayollar-kiyimi",
        name: t("Ayollar kiyimi", "Женская одежда", "Women's clothing"),
        children: [
          {
            slug: "koylaklar",
            name: t("Koʻylaklar", "Платья", "Dresses"),
            noun: t("Koʻylak", "Платье", "Dress"),
            brands: ["Atlas Silk", "Zara", "Mango"],
            price: [200_000, 2_500_000],
            options: sizes,
          },
          {
            slug: "ayollar-poyabzali",
            name: t("Poyabzal", "Обувь", "Shoes"),
            noun: t("Tufli", "Туфли", "Shoes"),
            brands: ["Ecco", "Geox", "Zara"],
            price: [300_000, 2_000_000],
            options: sizes,
          },
        ],
      },
    ],
  },
  {
    slug: "uy-va-bog",
    name: t("Uy va bogʻ", "Дом и сад", "Home and garden"),
    children: [
      {
        slug: "mebel",
        name: t("Mebel", "Мебель", "Furniture"),
        children: [
          {
            slug: "divanlar",
            name: t("Divanlar", "Диваны", "Sofas"),
            noun: t("Divan", "Диван", "Sofa"),
            brands: ["Bellona", "Mebel Lux", "IKEA"],
            price: [2_500_000, 25_000_000],
            options: colours,
          },
          {
            slug: "stollar",
            name: t("Stollar", "Столы", "Tables"),
            noun: t("Stol", "Стол", "Table"),
            brands: ["Mebel Lux", "IKEA"],
            price: [600_000, 6_000_000],
          },
        ],
      },
      {
        slug: "oshxona-anjomlari",
        name: t("Oshxona anjomlari", "Посуда", "Kitchenware"),
        children: [
          {
            slug: "qozonlar",
            name: t("Qozonlar", "Казаны", "Kazans"),
            noun: t("Qozon", "Казан", "Kazan"),
            brands: ["Rishton", "Tefal", "Kukmara"],
            price: [150_000, 1_500_000],
          },
          {
            slug: "choynak-piyola",
            name: t("Choynak va piyolalar", "Чайники и пиалы", "Teapots and bowls"),
            noun: t("Choy toʻplami", "Чайный набор", "Tea set"),
            brands: ["Rishton", "Gʻijduvon Kulol"],
            price: [120_000, 1_200_000],
          },
        ],
      },
    ],
  },
  {
    slug: "gozallik",
    name: t("Goʻzallik va salomatlik", "Красота и здоровье", "Beauty and health"),
    children: [
      {
        slug: "parfyumeriya",
        name: t("Parfyumeriya", "Парфюмерия", "Perfume"),
        children: [
          {
            slug: "ayollar-atiri",
            name: t("Ayollar atiri", "Женские ароматы", "Women's fragrances"),
            noun: t("Atir", "Парфюм", "Perfume"),
            brands: ["Chanel", "Dior", "Lattafa"],
            price: [250_000, 4_000_000],
            options: volumes,
          },
          {
            slug: "erkaklar-atiri",
            name: t("Erkaklar atiri", "Мужские ароматы", "Men's fragrances"),
            noun: t("Atir", "Парфюм", "Cologne"),
            brands: ["Hugo Boss", "Armani", "Lattafa"],
            price: [250_000, 3_500_000],
            options: volumes,
          },
        ],
      },
      {
        slug: "parvarish",
        name: t("Teri parvarishi", "Уход за кожей", "Skin care"),
        children: [
          {
            slug: "kremlar",
            name: t("Kremlar", "Кремы", "Creams"),
            noun: t("Krem", "Крем", "Cream"),
            brands: ["Nivea", "La Roche-Posay", "CeraVe"],
            price: [60_000, 600_000],
          },
          {
            slug: "shampunlar",
            name: t("Shampunlar", "Шампуни", "Shampoos"),
            noun: t("Shampun", "Шампунь", "Shampoo"),
            brands: ["Head & Shoulders", "Pantene", "Dove"],
            price: [30_000, 200_000],
            options: volumes,
          },
        ],
      },
    ],
  },
  {
    slug: "bolalar-uchun",
    name: t("Bolalar uchun", "Детские товары", "Kids"),
    children: [
      {
        slug: "oyinchoqlar",
        name: t("Oʻyinchoqlar", "Игрушки", "Toys"),
        children: [
          {
            slug: "konstruktorlar",
            name: t("Konstruktorlar", "Конструкторы", "Building sets"),
            noun: t("Konstruktor", "Конструктор", "Building set"),
            brands: ["LEGO", "Cobi", "Sluban"],
            price: [100_000, 3_000_000],
          },
          {
            slug: "qogirchoqlar",
            name: t("Qoʻgʻirchoqlar", "Куклы", "Dolls"),
            noun: t("Qoʻgʻirchoq", "Кукла", "Doll"),
            brands: ["Barbie", "LOL", "Smoby"],
            price: [80_000, 900_000],
          },
        ],
      },
      {
        slug: "bolalar-kiyimi",
        name: t("Bolalar kiyimi", "Детская одежда", "Kids' clothing"),
        children: [
          {
            slug: "bolalar-kurtkalari",
            name: t("Bolalar kurtkalari", "Детские куртки", "Kids' jackets"),
            noun: t("Bolalar kurtkasi", "Детская куртка", "Kids' jacket"),
            brands: ["Reima", "Uzbek Cotton"],
            price: [200_000, 1_500_000],
            options: sizes,
          },
          {
            slug: "bolalar-poyabzali",
            name: t("Bolalar poyabzali", "Детская обувь", "Kids' shoes"),
            noun: t("Bolalar poyabzali", "Детская обувь", "Kids' shoes"),
            brands: ["Kapika", "Ecco"],
            price: [150_000, 900_000],
            options: sizes,
          },
        ],
      },
    ],
  },
];

export const VENDORS = [
  {
    slug: "toshkent-elektron",
    name: "Toshkent Elektron",
    legalName: "“Toshkent Elektron Savdo” MChJ",
    stir: "205123456",
    region: "tashkent_city",
    address: "Toshkent sh., Chilonzor tumani, Bunyodkor shoh koʻchasi, 12",
    description: t(
      "Elektronika va maishiy texnika, rasmiy kafolat bilan.",
      "Электроника и бытовая техника с официальной гарантией.",
      "Electronics and appliances with official warranty.",
    ),
  },
  {
    slug: "samarqand-savdo",
    name: "Samarqand Savdo",
    legalName: "“Samarqand Savdo Markazi” MChJ",
    stir: "206234567",
    region: "samarkand",
    address: "Samarqand sh., Registon koʻchasi, 5",
    description: t("Uy, bogʻ va oshxona uchun hamma narsa.", "Всё для дома, сада и кухни.", "Everything for home, garden and kitchen."),
  },
  {
    slug: "fargona-moda",
    name: "Fargʻona Moda",
    legalName: "“Fargʻona Moda Tekstil” MChJ",
    stir: "207345678",
    region: "fergana",
    address: "Fargʻona sh., Mustaqillik koʻchasi, 44",
    description: t(
      "Oʻzbek paxtasidan kiyimlar va poyabzal.",
      "Одежда из узбекского хлопка и обувь.",
      "Clothing of Uzbek cotton, and shoes.",
    ),
  },
  {
    slug: "buxoro-bozori",
    name: "Buxoro Bozori",
    legalName: "“Buxoro Bozori” XK",
    stir: "208456789",
    region: "bukhara",
    address: "Buxoro sh., Bahouddin Naqshband koʻchasi, 8",
    description: t(
      "Goʻzallik, salomatlik va bolalar uchun mahsulotlar.",
      "Красота, здоровье и товары для детей.",
      "Beauty, health and kids' products.",
    ),
  },
] as const;

/** Which root categories each vendor sells in (by index into VENDORS). */
export const VENDOR_ROOTS: Record<string, number[]> = {
  elektronika: [0, 1],
  "maishiy-texnika": [0, 1],
  "kiyim-kechak": [2],
  "uy-va-bog": [1, 3],
  gozallik: [3, 2],
  "bolalar-uchun": [3, 2],
};

export const COLOR_HEX: Record<string, string> = {
  black: "#1f2937",
  white: "#e5e7eb",
  blue: "#2563eb",
  red: "#dc2626",
};
