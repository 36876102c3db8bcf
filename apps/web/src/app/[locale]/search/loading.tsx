import { ProductCardSkeleton, ProductGrid } from "@ultramarket/ui";

/** Shown while the next results load after a client-side navigation (a new search, filter, sort or page). */
export default function SearchLoading() {
  return (
    <div aria-busy="true" data-testid="search-loading">
      <div className="mb-6 h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="grid items-start gap-6 md:grid-cols-[15rem_minmax(0,1fr)] lg:grid-cols-[17rem_minmax(0,1fr)]">
        <div className="hidden h-96 animate-pulse rounded-xl border border-slate-200 bg-white md:block" />
        <ProductGrid>
          {Array.from({ length: 8 }, (_, i) => (
            <ProductCardSkeleton key={i} />
          ))}
        </ProductGrid>
      </div>
    </div>
  );
}
