import { FacetGroup, FacetOption, PriceRangeFields } from "~/components/facets";
import { fill } from "~/components/form-value";
import { PendingLink } from "~/components/pending-navigation";
import { ATTRIBUTE_PARAM } from "~/components/search-params";
import type { Messages } from "~/i18n/messages";
import type { SearchPageQuery } from "./query";
import type { SearchResult } from "./results";

type Facets = NonNullable<SearchResult["facets"]>;

/** A facet's values, and the ones set in the URL but not among them (still shown, ticked, without a count). */
function withSelected<T>(offered: T[], valueOf: (option: T) => string, selected: string[], make: (value: string) => T): T[] {
  const values = new Set(offered.map(valueOf));
  return [...offered, ...selected.filter((value) => !values.has(value)).map(make)];
}

/**
 * The results' facets as the fields of the filter form (a GET form to the results page): price, brands, sellers,
 * the category's attributes, rating and stock. Categories are links instead, since choosing one also drops the
 * attribute filters of the one before.
 */
export function SearchFacetFields({
  query,
  facets,
  hrefWith,
  t,
}: {
  query: SearchPageQuery;
  facets: Facets;
  hrefWith: (changes: Partial<SearchPageQuery>) => string;
  t: Messages;
}) {
  const brands = withSelected(
    facets.brands.map((b) => ({ value: b.value, count: b.count as number | null })),
    (b) => b.value,
    query.brands,
    (value) => ({ value, count: null }),
  );
  const vendors = withSelected(
    facets.vendors.map((v) => ({ slug: v.slug, name: v.name, count: v.count as number | null })),
    (v) => v.slug,
    query.vendors,
    (slug) => ({ slug, name: slug, count: null }),
  );
  const ratings = facets.ratings.filter((r) => r.count > 0 || r.atLeast === query.rating);
  return (
    <>
      {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
      {query.category ? <input type="hidden" name="category" value={query.category} /> : null}
      {query.sort !== "relevance" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {facets.categories.length > 0 || query.category ? (
        <div data-testid="facet-categories">
          <p className="mb-2 font-medium text-slate-900">{t.search.category}</p>
          <ul className="max-h-64 space-y-1 overflow-y-auto pr-1">
            {query.category ? (
              <li>
                <PendingLink href={hrefWith({ category: undefined, attributes: {} })} className="text-indigo-700 hover:underline">
                  <span aria-hidden="true">← </span>
                  {t.allCategories}
                </PendingLink>
              </li>
            ) : null}
            {facets.categories.map((category) => (
              <li key={category.slug}>
                <PendingLink
                  href={hrefWith({ category: category.slug, attributes: {} })}
                  aria-current={category.slug === query.category ? "true" : undefined}
                  className={`flex items-center gap-2 py-0.5 hover:text-indigo-700 ${category.slug === query.category ? "font-semibold text-indigo-700" : "text-slate-700"}`}
                >
                  <span className="min-w-0 flex-1 break-words">{category.name}</span>
                  <span className="text-xs tabular-nums text-slate-400">{category.count}</span>
                </PendingLink>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <PriceRangeFields min={query.min} max={query.max} offered={facets.price} t={t} />
      {brands.length > 0 ? (
        <FacetGroup legend={t.filters.brand} testId="facet-brands">
          {brands.map((brand) => (
            <FacetOption
              key={brand.value}
              name="brand"
              value={brand.value}
              label={brand.value}
              count={brand.count}
              checked={query.brands.includes(brand.value)}
            />
          ))}
        </FacetGroup>
      ) : null}
      {vendors.length > 0 ? (
        <FacetGroup legend={t.search.vendor} testId="facet-vendors">
          {vendors.map((vendor) => (
            <FacetOption
              key={vendor.slug}
              name="vendor"
              value={vendor.slug}
              label={vendor.name}
              count={vendor.count}
              checked={query.vendors.includes(vendor.slug)}
            />
          ))}
        </FacetGroup>
      ) : null}
      {facets.attributes.map((facet) => {
        const selected = query.attributes[facet.key] ?? [];
        const values = withSelected(
          facet.values.map((v) => ({ value: v.value, name: v.name, count: v.count as number | null })),
          (v) => v.value,
          selected,
          (value) => ({ value, name: value, count: null }),
        );
        return (
          <FacetGroup key={facet.key} legend={facet.name}>
            {values.map((option) => (
              <FacetOption
                key={option.value}
                name={`${ATTRIBUTE_PARAM}${facet.key}`}
                value={option.value}
                label={option.name}
                count={option.count}
                checked={selected.includes(option.value)}
              />
            ))}
          </FacetGroup>
        );
      })}
      {ratings.length > 0 ? (
        <FacetGroup legend={t.search.rating} testId="facet-rating">
          <FacetOption type="radio" name="rating" value="" label={t.search.anyRating} count={null} checked={query.rating === undefined} />
          {ratings.map((rating) => (
            <FacetOption
              key={rating.atLeast}
              type="radio"
              name="rating"
              value={String(rating.atLeast)}
              label={
                <>
                  <span aria-hidden="true" className="text-amber-500">
                    ★{" "}
                  </span>
                  {fill(t.search.ratingAtLeast, { n: rating.atLeast })}
                </>
              }
              count={rating.count}
              checked={query.rating === rating.atLeast}
            />
          ))}
        </FacetGroup>
      ) : null}
      <ul>
        <FacetOption name="stock" value="1" label={t.filters.inStock} count={facets.inStock} checked={query.inStock} />
      </ul>
    </>
  );
}
