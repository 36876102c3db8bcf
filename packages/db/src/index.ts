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
} from "./schema";
export { LOCALES, newId } from "./schema";
