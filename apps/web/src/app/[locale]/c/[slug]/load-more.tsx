"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";

import type { RouterInputs } from "@ultramarket/api";
import type { ProductSort } from "@ultramarket/api/catalog-schema";
import { buttonClass, ProductCard, ProductCardSkeleton } from "@ultramarket/ui";
import { useTRPC } from "@ultramarket/ui/trpc";
import type { Locale } from "~/i18n/locales";

/**
 * Pages after the first, fetched in the browser through tRPC. The first page is rendered
 * on the server, so the category is indexable and visible before any script runs.
 */
export function LoadMore(props: {
  filters?: RouterInputs["catalog"]["listProducts"]["filters"];
  categorySlug: string;
  sort: ProductSort;
  locale: Locale;
  firstCursor: string;
  labels: { loadMore: string; loading: string; outOfStock: string };
}) {
  const trpc = useTRPC();
  const query = useInfiniteQuery({
    ...trpc.catalog.listProducts.infiniteQueryOptions(
      { categorySlug: props.categorySlug, sort: props.sort, locale: props.locale, limit: 24, filters: props.filters },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, initialCursor: props.firstCursor },
    ),
    enabled: false,
  });
  const pages = query.data?.pages ?? [];
  const hasMore = pages.length === 0 || Boolean(pages.at(-1)?.nextCursor);
  const load = () => void (pages.length === 0 ? query.refetch() : query.fetchNextPage());
  const busy = query.isFetching;
  return (
    <>
      {pages.flatMap((page) =>
        page.items.map((product) => (
          <ProductCard
            key={product.id}
            product={product}
            href={`/${props.locale}/p/${product.slug}`}
            locale={props.locale}
            stockLabel={props.labels.outOfStock}
            Link={Link}
          />
        )),
      )}
      {busy ? Array.from({ length: 4 }, (_, i) => <ProductCardSkeleton key={`skeleton-${i}`} />) : null}
      {hasMore ? (
        <div className="col-span-full flex justify-center pt-4">
          <button type="button" onClick={load} disabled={busy} className={buttonClass("secondary")} aria-busy={busy}>
            {busy ? props.labels.loading : props.labels.loadMore}
          </button>
        </div>
      ) : null}
    </>
  );
}
