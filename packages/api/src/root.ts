import { catalogRouter } from "./catalog/router";
import { createCallerFactory, createTRPCRouter } from "./core/trpc";
import { systemRouter } from "./system/router";

export const appRouter = createTRPCRouter({
  catalog: catalogRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
