import { apiKeysRouter } from "./api-keys/router";
import { auditRouter } from "./audit/router";
import { authRouter } from "./auth/router";
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
  search: searchRouter,
  adminSearch: adminSearchRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
