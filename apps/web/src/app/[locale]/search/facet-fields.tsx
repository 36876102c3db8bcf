import { CheckboxFacet, FacetGroup, FacetOption, PriceRangeFields, withSelected } from "~/components/facets";
import { fill } from "~/components/form-value";
import { PendingLink } from "~/components/pending-navigation";
import { ATTRIBUTE_PARAM } from "~/components/search-params";
import type { Messages } from "~/i18n/messages";
import type { SearchPageQuery } from "./query";
import type { SearchResult } from "./results";

type Facets = NonNullable<SearchResult["facets"]>;

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
    facets.brands.map((b) => ({ value: b.value, label: b.value, count: b.count })),
    query.brands,
  );
  const vendors = withSelected(
    facets.vendors.map((v) => ({ value: v.slug, label: v.name, count: v.count })),
    query.vendors,
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
      <CheckboxFacet legend={t.filters.brand} name="brand" options={brands} selected={query.brands} testId="facet-brands" />
      <CheckboxFacet legend={t.search.vendor} name="vendor" options={vendors} selected={query.vendors} testId="facet-vendors" />
      {facets.attributes.map((facet) => (
        <CheckboxFacet
          key={facet.key}
          legend={facet.name}
          name={`${ATTRIBUTE_PARAM}${facet.key}`}
          options={withSelected(
            facet.values.map((v) => ({ value: v.value, label: v.name, count: v.count })),
            query.attributes[facet.key] ?? [],
          )}
          selected={query.attributes[facet.key] ?? []}
        />
      ))}
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
