export * from "./client";
export * as schema from "./schema";
export type {
  Locale,
  LocalizedText,
  UserRole,
  ProductStatus,
  VendorOrderStatus,
  KycDocument,
  AttributeDefinition,
  ProductOption,
  StockMovementKind,
  StockReservationStatus,
  ShippingMethodKind,
  ShippingRateType,
  CatalogImportStatus,
} from "./schema";
export { LOCALES, newId, SEARCH_TIERS } from "./schema";
export { CYRILLIC_TO_LATIN, slugify } from "./slug";
