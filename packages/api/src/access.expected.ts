/**
 * Who may call each procedure of the app router. The role-matrix test calls every
 * procedure as every kind of caller and compares with this table; a procedure missing
 * here fails the test, so access is decided on purpose for each new one.
 *
 *   public      everyone, signed in or not
 *   signed-in   any signed-in person
 *   staff       ADMIN and SUPER_ADMIN (after their second factor)
 *   vendor      members of the vendor named in the input, and staff
 */
export type Access = "public" | "signed-in" | "staff" | "vendor";

/** Ids the sample inputs refer to, created by the test's fixtures. */
export interface Fixtures {
  vendorA: string;
  customerId: string;
  throwawayUserId: string;
  applicationId: string;
  apiKeyId: string;
  mailId: string;
  productSlug: string;
  /** A product, variant and warehouse of vendor A; a leaf category; a category staff may move or archive. */
  productIdA: string;
  variantIdA: string;
  warehouseIdA: string;
  leafCategoryId: string;
  spareCategoryId: string;
  unique: () => string;
}

/** An id that names nothing: the service answers NOT_FOUND, which still shows the caller got through. */
const NO_SUCH_ID = "0192f1e4-8a5b-7c3d-9e2f-00000000ffff";

const productDraft = (f: Fixtures) => ({
  vendorId: f.vendorA,
  categoryId: f.leafCategoryId,
  title: { uz: "Matritsa" },
  description: { uz: "Tavsif" },
  variants: [{ sku: f.unique(), priceAmount: 100_000 }],
});

export const EXPECTED_ACCESS: Record<string, { access: Access; input?: (f: Fixtures) => unknown }> = {
  "auth.register": {
    access: "public",
    input: (f) => ({ email: `${f.unique()}@example.uz`, password: "kuchli-parol-2026", name: "Matrix" }),
  },
  "auth.verifyEmail": { access: "public", input: () => ({ token: "a".repeat(32) }) },
  "auth.login": { access: "public", input: () => ({ email: "nobody@example.uz", password: "wrong-password-1" }) },
  "auth.logout": { access: "signed-in" },
  "auth.logoutEverywhere": { access: "signed-in" },
  "auth.me": { access: "public" },
  "auth.changePassword": {
    access: "signed-in",
    input: () => ({ currentPassword: "wrong-password", newPassword: "yangi-kuchli-parol-2026" }),
  },
  "auth.requestPasswordReset": { access: "public", input: () => ({ email: "nobody@example.uz" }) },
  "auth.resetPassword": { access: "public", input: () => ({ token: "b".repeat(32), newPassword: "yangi-kuchli-parol-2026" }) },
  "auth.issueTokens": { access: "public", input: () => ({ email: "nobody@example.uz", password: "wrong-password-1" }) },
  "auth.refreshTokens": { access: "public", input: () => ({ refreshToken: "c".repeat(40) }) },
  "auth.totp.status": { access: "signed-in" },
  "auth.totp.enroll": { access: "signed-in" },
  "auth.totp.confirm": { access: "signed-in", input: () => ({ code: "000000" }) },
  "auth.totp.disable": { access: "signed-in", input: () => ({ code: "000000" }) },
  "auth.totp.regenerateRecoveryCodes": { access: "signed-in", input: () => ({ code: "000000" }) },
  "auth.totp.verifyLogin": { access: "public", input: () => ({ challenge: "d".repeat(32), code: "000000" }) },
  "users.regions": { access: "public" },
  "users.updateProfile": { access: "signed-in", input: () => ({ locale: "ru" }) },
  "users.addresses": { access: "signed-in" },
  "users.createAddress": {
    access: "signed-in",
    input: () => ({ recipientName: "Matrix", phone: "+998901112233", region: "tashkent_city", city: "Toshkent", street: "Amir Temur 1" }),
  },
  "users.updateAddress": { access: "signed-in", input: () => ({ id: "0192f1e4-8a5b-7c3d-9e2f-000000000001", city: "Chirchiq" }) },
  "users.deleteAddress": { access: "signed-in", input: () => ({ id: "0192f1e4-8a5b-7c3d-9e2f-000000000001" }) },
  "users.sessions": { access: "signed-in" },
  "users.revokeSession": { access: "signed-in", input: () => ({ sessionId: "e".repeat(64) }) },
  "users.exportData": { access: "signed-in" },
  "users.deleteAccount": { access: "signed-in", input: () => ({ password: "wrong-password", confirm: "DELETE" }) },
  "users.list": { access: "staff", input: () => ({ limit: 5 }) },
  "users.get": { access: "staff", input: (f) => ({ userId: f.customerId }) },
  "users.changeRole": { access: "staff", input: (f) => ({ userId: f.throwawayUserId, role: "CUSTOMER" }) },
  "users.setDisabled": { access: "staff", input: (f) => ({ userId: f.throwawayUserId, disabled: false }) },
  "users.endSessions": { access: "staff", input: (f) => ({ userId: f.throwawayUserId }) },
  "vendors.submitApplication": {
    access: "signed-in",
    input: () => ({
      storeName: "Matrix",
      legalName: "Matrix MChJ",
      stir: "209876543",
      bankName: "Bank",
      bankAccount: "20208000900123456001",
      bankMfo: "01158",
      contactName: "M",
      contactPhone: "+998901112233",
      contactEmail: "m@example.uz",
      documentIds: ["0192f1e4-8a5b-7c3d-9e2f-000000000002"],
    }),
  },
  "vendors.myApplication": { access: "signed-in" },
  "vendors.mine": { access: "signed-in" },
  "vendors.listApplications": { access: "staff", input: () => ({ limit: 5 }) },
  "vendors.getApplication": { access: "staff", input: (f) => ({ applicationId: f.applicationId }) },
  "vendors.reviewApplication": {
    access: "staff",
    input: () => ({ applicationId: "0192f1e4-8a5b-7c3d-9e2f-000000000003", decision: "approve" }),
  },
  "apiKeys.list": { access: "staff" },
  "apiKeys.create": { access: "staff", input: () => ({ name: "Matrix key", scopes: ["catalog:read"] }) },
  "apiKeys.revoke": { access: "staff", input: (f) => ({ id: f.apiKeyId }) },
  "audit.actions": { access: "staff" },
  "audit.list": { access: "staff", input: () => ({ limit: 5 }) },
  "vendorCatalog.listProducts": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, limit: 5 }) },
  "vendorCatalog.getProduct": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, productId: f.productIdA }) },
  "vendorCatalog.createProduct": { access: "vendor", input: productDraft },
  "vendorCatalog.updateProduct": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, productId: f.productIdA, brand: "Matrix" }) },
  "vendorCatalog.updateVariant": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, variantId: f.variantIdA, weightGrams: 500 }) },
  "vendorCatalog.setSlug": {
    access: "vendor",
    input: (f) => ({ vendorId: f.vendorA, productId: f.productIdA, locale: "en", slug: f.unique() }),
  },
  "vendorCatalog.submitForReview": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, productId: f.productIdA }) },
  "vendorCatalog.withdrawFromReview": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, productId: f.productIdA }) },
  "vendorCatalog.archiveProduct": {
    access: "vendor",
    input: (f) => ({ vendorId: f.vendorA, productId: "0192f1e4-8a5b-7c3d-9e2f-000000000004" }),
  },
  "vendorCatalog.categoryAttributes": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, categoryId: f.leafCategoryId }) },
  "vendorCatalog.variants": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, limit: 5 }) },
  "vendorCatalog.bulkUpdateVariants": {
    access: "vendor",
    input: (f) => ({ vendorId: f.vendorA, changes: [{ variantId: f.variantIdA, stock: { warehouseId: f.warehouseIdA, onHand: 7 } }] }),
  },
  "vendorCatalog.imports": { access: "vendor", input: (f) => ({ vendorId: f.vendorA }) },
  // An unknown import: the service's NOT_FOUND, which is not an access refusal.
  "vendorCatalog.importStatus": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, importId: f.variantIdA }) },
  "vendorCatalog.arrangeImages": {
    access: "vendor",
    input: (f) => ({ vendorId: f.vendorA, productId: f.productIdA, images: [] }),
  },
  "vendorCatalog.deleteImage": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, imageId: f.variantIdA }) },
  "vendorCatalog.images": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, productId: f.productIdA }) },
  "vendorCatalog.warehouses": { access: "vendor", input: (f) => ({ vendorId: f.vendorA }) },
  "vendorCatalog.createWarehouse": {
    access: "vendor",
    input: (f) => ({ vendorId: f.vendorA, name: "Matrix", region: "navoiy", address: "Navoiy sh., 1-uy" }),
  },
  "vendorCatalog.updateWarehouse": {
    access: "vendor",
    input: (f) => ({
      vendorId: f.vendorA,
      warehouseId: f.warehouseIdA,
      name: "Asosiy ombor",
      region: "tashkent_city",
      address: "Toshkent sh., 1-uy",
    }),
  },
  "inventory.levels": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, productId: f.productIdA }) },
  "inventory.movements": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, variantId: f.variantIdA, limit: 5 }) },
  "inventory.adjust": {
    access: "vendor",
    input: (f) => ({
      vendorId: f.vendorA,
      variantId: f.variantIdA,
      warehouseId: f.warehouseIdA,
      delta: 1,
      kind: "receipt",
      reason: "Matrix receipt",
    }),
  },
  "adminCatalog.vendors": { access: "staff" },
  "adminCatalog.categories": { access: "staff" },
  "adminCatalog.products": { access: "staff", input: (f) => ({ vendorId: f.vendorA, stock: "in_stock", limit: 5 }) },
  "adminCatalog.reviewQueue": { access: "staff", input: () => ({ limit: 5 }) },
  "adminCatalog.moderate": { access: "staff", input: (f) => ({ productId: f.productIdA, decision: "reject", reason: "Matrix test" }) },
  "adminCatalog.createCategory": { access: "staff", input: (f) => ({ slug: f.unique(), name: { uz: "Matritsa" } }) },
  "adminCatalog.updateCategory": { access: "staff", input: (f) => ({ categoryId: f.spareCategoryId, name: { uz: "Zaxira" } }) },
  "adminCatalog.moveCategory": { access: "staff", input: (f) => ({ categoryId: f.spareCategoryId, parentId: null }) },
  "adminCatalog.reorderCategories": { access: "staff", input: () => ({ parentId: null, orderedIds: [] }) },
  "adminCatalog.archiveCategory": { access: "staff", input: (f) => ({ categoryId: f.spareCategoryId }) },
  "search.query": { access: "public", input: () => ({ text: "telefon", limit: 2 }) },
  "search.suggest": { access: "public", input: () => ({ text: "tel" }) },
  "search.logClick": {
    access: "public",
    input: (f) => ({ queryId: "0192f1e4-8a5b-7c3d-9e2f-000000000005", productId: f.productIdA, position: 1 }),
  },
  "search.history": { access: "signed-in", input: () => ({ limit: 5 }) },
  "search.clearHistory": { access: "signed-in" },
  "adminSearch.stats": { access: "staff" },
  "adminSearch.reindex": { access: "staff" },
  "adminSearch.synonyms.list": { access: "staff", input: () => ({ limit: 5 }) },
  "adminSearch.synonyms.create": { access: "staff", input: (f) => ({ terms: [f.unique(), f.unique()] }) },
  // An unknown group: the service's NOT_FOUND, which is not an access refusal.
  "adminSearch.synonyms.update": {
    access: "staff",
    input: (f) => ({ synonymId: "0192f1e4-8a5b-7c3d-9e2f-000000000006", terms: [f.unique(), f.unique()] }),
  },
  "adminSearch.synonyms.delete": { access: "staff", input: () => ({ synonymId: "0192f1e4-8a5b-7c3d-9e2f-000000000006" }) },
  "adminSearch.report.summary": { access: "staff", input: () => ({}) },
  "adminSearch.report.top": { access: "staff", input: () => ({ limit: 5 }) },
  "adminSearch.report.zeroResults": { access: "staff", input: () => ({ from: "2026-01-01", to: "2026-01-31", limit: 5 }) },
  "adminSearch.report.lowClickThrough": { access: "staff", input: () => ({ minSearches: 2, limit: 5 }) },
  "catalog.categoryFilters": { access: "public", input: () => ({ categorySlug: "elektronika" }) },
  "catalog.redirectForSlug": { access: "public", input: () => ({ slug: "no-such-product" }) },
  "catalog.vendorBySlug": { access: "public", input: () => ({ slug: "toshkent-elektron" }) },
  "catalog.vendorProducts": { access: "public", input: () => ({ vendorSlug: "toshkent-elektron", limit: 2 }) },
  "catalog.sitemapProductPageCount": { access: "public" },
  "catalog.sitemapProducts": { access: "public", input: () => ({ page: 1 }) },
  "catalog.sitemapCategories": { access: "public" },
  "catalog.categoryTree": { access: "public" },
  "catalog.categoryBySlug": { access: "public", input: () => ({ slug: "elektronika" }) },
  "catalog.listProducts": { access: "public", input: () => ({ limit: 2 }) },
  "catalog.recordView": { access: "public", input: (f) => ({ productId: f.productIdA }) },
  "catalog.productBySlug": { access: "public", input: (f) => ({ slug: f.productSlug }) },
  "system.dashboard": { access: "staff" },
  "system.devMailbox": { access: "staff", input: () => ({ limit: 5 }) },
  "system.devMailboxMessage": { access: "staff", input: (f) => ({ id: f.mailId }) },
  "inventory.reservations": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, variantId: f.variantIdA }) },
  "inventory.setLowStockThreshold": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, variantId: f.variantIdA, threshold: 3 }) },
  "cart.get": { access: "public" },
  "cart.addItem": { access: "public", input: (f) => ({ variantId: f.variantIdA, quantity: 1 }) },
  "cart.updateItem": { access: "public", input: (f) => ({ variantId: f.variantIdA, quantity: 2 }) },
  "cart.removeItem": { access: "public", input: (f) => ({ variantId: f.variantIdA }) },
  "cart.clear": { access: "public" },
  "checkout.start": { access: "signed-in", input: () => ({ addressId: NO_SUCH_ID }) },
  "checkout.placeOrder": { access: "signed-in", input: (f) => ({ addressId: NO_SUCH_ID, idempotencyKey: f.unique() }) },
  "orders.list": { access: "signed-in", input: () => ({}) },
  "orders.get": { access: "signed-in", input: () => ({ orderId: NO_SUCH_ID }) },
  "orders.cancel": { access: "signed-in", input: () => ({ orderId: NO_SUCH_ID }) },
  "orders.requestReturn": { access: "signed-in", input: () => ({ orderId: NO_SUCH_ID, vendorOrderId: NO_SUCH_ID, reason: "Broken" }) },
  "vendorOrders.list": { access: "vendor", input: (f) => ({ vendorId: f.vendorA }) },
  "vendorOrders.get": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, vendorOrderId: NO_SUCH_ID }) },
  "vendorOrders.transition": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, vendorOrderId: NO_SUCH_ID, to: "CONFIRMED" }) },
  "adminOrders.list": { access: "staff", input: () => ({}) },
  "adminOrders.get": { access: "staff", input: () => ({ orderId: NO_SUCH_ID }) },
  "adminOrders.transition": { access: "staff", input: () => ({ vendorOrderId: NO_SUCH_ID, to: "CONFIRMED" }) },
  "vendorShipping.list": { access: "vendor", input: (f) => ({ vendorId: f.vendorA }) },
  "vendorShipping.create": {
    access: "vendor",
    input: (f) => ({ vendorId: f.vendorA, kind: "courier", name: { uz: "Matritsa" }, baseAmount: 100, minDays: 1, maxDays: 2 }),
  },
  "vendorShipping.update": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, methodId: NO_SUCH_ID, baseAmount: 200 }) },
  "vendorShipping.delete": { access: "vendor", input: (f) => ({ vendorId: f.vendorA, methodId: NO_SUCH_ID }) },
};
