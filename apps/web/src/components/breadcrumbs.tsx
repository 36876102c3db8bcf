import Link from "next/link";

export function Breadcrumbs({ items, label }: { items: { href: string; title: string }[]; label: string }) {
  return (
    <nav aria-label={label} className="mb-4 text-sm text-slate-500">
      <ol className="flex flex-wrap items-center gap-1">
        {items.map((item, index) => (
          <li key={item.href} className="flex items-center gap-1">
            {index > 0 ? <span aria-hidden="true">/</span> : null}
            {index === items.length - 1 ? (
              <span aria-current="page" className="text-slate-700">
                {item.title}
              </span>
            ) : (
              <Link href={item.href} className="hover:text-indigo-700">
                {item.title}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
