import Link from "next/link";

import { Price, StockBadge } from "@ultramarket/ui";
import { fill } from "~/components/form-value";
import { Highlighted } from "~/components/highlighted";
import type { Locale } from "~/i18n/locales";
import type { Messages } from "~/i18n/messages";
import type { SearchResult } from "./results";

type SearchItem = SearchResult["items"][number];

const ratingText = (rating: number, locale: Locale) => rating.toFixed(1).replace(".", locale === "en" ? "." : ",");

/**
 * A product among the results: the title with the searched words marked, the rating and the price. The link carries
 * the product and its place in the whole list for ResultClickLogger.
 */
export function SearchResultCard(props: { item: SearchItem; position: number; eager: boolean; locale: Locale; t: Messages }) {
  const { item, position, locale, t } = props;
  return (
    <Link
      href={`/${locale}/p/${item.slug}`}
      data-product-id={item.id}
      data-position={position}
      data-testid="search-result"
      className="group flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white transition hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <div className="aspect-square overflow-hidden bg-slate-50">
        {item.image ? (
          <img
            src={item.image.url}
            width={item.image.width}
            height={item.image.height}
            alt={item.image.alt}
            loading={props.eager ? "eager" : "lazy"}
            className="h-full w-full object-cover transition group-hover:scale-[1.02]"
          />
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        {item.brand ? <span className="text-xs uppercase tracking-wide text-slate-500">{item.brand}</span> : null}
        <span className="line-clamp-2 text-sm text-slate-800" data-testid="product-title">
          <Highlighted segments={item.titleSegments} />
        </span>
        {item.rating !== null && item.ratingCount > 0 ? (
          <span className="text-xs text-slate-500" data-testid="search-result-rating">
            <span aria-hidden="true">
              <span className="text-amber-500">★</span> {ratingText(item.rating, locale)} ({item.ratingCount})
            </span>
            <span className="sr-only">{fill(t.search.ratingOf, { rating: ratingText(item.rating, locale), count: item.ratingCount })}</span>
          </span>
        ) : null}
        <div className="mt-auto flex items-center justify-between gap-2 pt-2">
          <Price amount={item.priceAmount} currency={item.currency} locale={locale} />
          {!item.inStock ? <StockBadge inStock={false} label={t.outOfStock} /> : null}
        </div>
      </div>
    </Link>
  );
}
