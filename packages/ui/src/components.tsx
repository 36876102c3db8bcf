import type { ComponentType, ReactNode } from "react";

import { cn } from "./cn";
import type { UiLocale } from "./format";
import { formatPrice } from "./format";

type LinkLike = ComponentType<{ href: string; className?: string; children: ReactNode; "aria-current"?: "page" }>;
const PlainLink: LinkLike = ({ href, className, children }) => (
  <a href={href} className={className}>
    {children}
  </a>
);

export function Container({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("mx-auto w-full max-w-7xl px-4 sm:px-6", className)}>{children}</div>;
}

export function Price({
  amount,
  currency,
  locale,
  compareAt,
  className,
}: {
  amount: number;
  currency: string;
  locale: UiLocale;
  compareAt?: number | null;
  className?: string;
}) {
  return (
    <span className={cn("inline-flex items-baseline gap-2", className)}>
      <span className="font-semibold text-slate-900" data-testid="price">
        {formatPrice(amount, currency, locale)}
      </span>
      {compareAt && compareAt > amount ? <s className="text-sm text-slate-400">{formatPrice(compareAt, currency, locale)}</s> : null}
    </span>
  );
}

export function StockBadge({ inStock, label }: { inStock: boolean; label: string }) {
  return (
    <span
      data-testid="stock"
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium",
        inStock ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-500",
      )}
    >
      {label}
    </span>
  );
}

export interface ProductCardData {
  slug: string;
  title: string;
  brand: string | null;
  priceAmount: number;
  currency: string;
  inStock: boolean;
  image: { url: string; width: number; height: number; alt: string } | null;
}

export function ProductCard({
  product,
  href,
  locale,
  stockLabel,
  Link = PlainLink,
}: {
  product: ProductCardData;
  href: string;
  locale: UiLocale;
  stockLabel: string;
  Link?: LinkLike;
}) {
  return (
    <Link
      href={href}
      className="group flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white transition hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <div className="aspect-square overflow-hidden bg-slate-50">
        {product.image ? (
          // Width/height reserve the space before the picture arrives (no layout shift).
          <img
            src={product.image.url}
            width={product.image.width}
            height={product.image.height}
            alt={product.image.alt}
            loading="lazy"
            className="h-full w-full object-cover transition group-hover:scale-[1.02]"
          />
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        {product.brand ? <span className="text-xs uppercase tracking-wide text-slate-500">{product.brand}</span> : null}
        <span className="line-clamp-2 text-sm text-slate-800" data-testid="product-title">
          {product.title}
        </span>
        <div className="mt-auto flex items-center justify-between gap-2 pt-2">
          <Price amount={product.priceAmount} currency={product.currency} locale={locale} />
          {!product.inStock ? <StockBadge inStock={false} label={stockLabel} /> : null}
        </div>
      </div>
    </Link>
  );
}

export function ProductGrid({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">{children}</div>;
}

export function ProductCardSkeleton() {
  return (
    <div className="flex animate-pulse flex-col overflow-hidden rounded-xl border border-slate-200 bg-white" aria-hidden="true">
      <div className="aspect-square bg-slate-100" />
      <div className="space-y-2 p-3">
        <div className="h-3 w-1/3 rounded bg-slate-100" />
        <div className="h-4 w-5/6 rounded bg-slate-100" />
        <div className="h-4 w-1/2 rounded bg-slate-100" />
      </div>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 p-10 text-center" role="status">
      <p className="font-medium text-slate-700">{title}</p>
      {children ? <div className="mt-2 text-sm text-slate-500">{children}</div> : null}
    </div>
  );
}

export function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-5">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-slate-400">{hint}</dd> : null}
    </div>
  );
}

export function buttonClass(variant: "primary" | "secondary" = "primary"): string {
  return cn(
    "inline-flex items-center justify-center rounded-lg px-4 py-2 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50",
    variant === "primary"
      ? "bg-indigo-600 text-white hover:bg-indigo-700"
      : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
  );
}
