import Link from "next/link";
import type { ReactNode } from "react";

import type { ProductCardData } from "@ultramarket/ui";
import { EmptyState, ProductCard, ProductGrid } from "@ultramarket/ui";
import type { Locale } from "~/i18n/locales";
import type { Messages } from "~/i18n/messages";

/** A grid of product cards, or the empty state; `children` continue the grid (e.g. "show more"). */
export function ProductList({
  items,
  locale,
  t,
  children,
}: {
  items: (ProductCardData & { id: string })[];
  locale: Locale;
  t: Messages;
  children?: ReactNode;
}) {
  if (items.length === 0) return <EmptyState title={t.noProducts} />;
  return (
    <ProductGrid>
      {items.map((product) => (
        <ProductCard
          key={product.id}
          product={product}
          href={`/${locale}/p/${product.slug}`}
          locale={locale}
          stockLabel={t.outOfStock}
          Link={Link}
        />
      ))}
      {children}
    </ProductGrid>
  );
}
