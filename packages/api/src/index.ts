import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "./root";

export { appRouter, createCaller } from "./root";
export type { AppRouter } from "./root";
export { createContextInner, withTransaction } from "./core/context";
export { resolveCaller } from "./auth/resolve";
export { clientIp } from "./core/http";
export type { Context, Session } from "./core/context";
export * from "./core/errors";
export { DEFAULT_LOCALE, localize } from "./core/locale";

/** Inputs of every procedure, e.g. `RouterInputs["catalog"]["listProducts"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Outputs of every procedure, e.g. `RouterOutputs["catalog"]["productBySlug"]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
