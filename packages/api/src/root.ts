import { apiKeysRouter } from "./api-keys/router";
import { auditRouter } from "./audit/router";
import { authRouter } from "./auth/router";
import { cartRouter } from "./cart/router";
import { checkoutRouter } from "./checkout/router";
import { adminOrdersRouter, ordersRouter, vendorOrdersRouter } from "./orders/router";
import { vendorShippingRouter } from "./shipping/router";
import { adminCatalogRouter } from "./catalog/admin-router";
import { catalogRouter } from "./catalog/router";
import { inventoryRouter } from "./inventory/router";
import { vendorCatalogRouter } from "./catalog/vendor-router";
import { createCallerFactory, createTRPCRouter } from "./core/trpc";
import { adminSearchRouter } from "./search/admin-router";
import { searchRouter } from "./search/router";
import { systemRouter } from "./system/router";
import { usersRouter } from "./users/router";
import { vendorsRouter } from "./vendors/router";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  users: usersRouter,
  vendors: vendorsRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  catalog: catalogRouter,
  vendorCatalog: vendorCatalogRouter,
  adminCatalog: adminCatalogRouter,
  inventory: inventoryRouter,
  vendorShipping: vendorShippingRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
  vendorOrders: vendorOrdersRouter,
  adminOrders: adminOrdersRouter,
  search: searchRouter,
  adminSearch: adminSearchRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
