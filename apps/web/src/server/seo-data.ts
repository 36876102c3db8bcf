import "server-only";

import { TRPCError } from "@trpc/server";

import type { RouterOutputs } from "@ultramarket/api";
import type { Locale } from "~/i18n/locales";
import { serverApi } from "~/server/runtime";

export type VendorProductCard = RouterOutputs["catalog"]["vendorProducts"]["items"][number];
export const SITEMAP_PAGE_SIZE = 10_000;

/** NOT_FOUND (and a malformed cursor) become null; every other error propagates. */
async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  }
}

export async function vendorBySlug(slug: string, locale: Locale) {
  return orNull((await serverApi()).catalog.vendorBySlug({ slug, locale }));
}

export async function vendorProducts(input: { vendorSlug: string; cursor?: string; limit?: number; locale: Locale }) {
  return orNull((await serverApi()).catalog.vendorProducts(input));
}

export async function sitemapProductPageCount() {
  return (await serverApi()).catalog.sitemapProductPageCount();
}

export async function sitemapProducts(page: number) {
  return (await serverApi()).catalog.sitemapProducts({ page });
}

export async function sitemapCategories() {
  return (await serverApi()).catalog.sitemapCategories();
}
