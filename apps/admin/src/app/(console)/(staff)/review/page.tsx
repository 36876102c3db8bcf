import Link from "next/link";
import { z } from "zod";

import { cn, EmptyState } from "@ultramarket/ui";
import { PageHeader, Pager, Td, TableCard, Th } from "~/components/ui";
import type { ProductStatus } from "~/lib/catalog";
import { STATUS_LABELS } from "~/lib/catalog";
import type { SearchParams } from "~/lib/format";
import { formatDateTime, param, queryString } from "~/lib/format";
import { getApi, requireStaff } from "~/server/viewer";
import { ReviewActions } from "./review-actions";

export const metadata = { title: "Review queue" };

const PAGE_SIZE = 25;
const TABS: ProductStatus[] = ["pending_review", "published", "rejected"];
const isTab = (value: unknown): value is ProductStatus => typeof value === "string" && (TABS as string[]).includes(value);

export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff();
  const params = await searchParams;
  const rawStatus = param(params.status);
  const status: ProductStatus = isTab(rawStatus) ? rawStatus : "pending_review";
  const rawCursor = param(params.cursor);
  const cursor = z.uuid().safeParse(rawCursor).success ? rawCursor : undefined;
  const statusParam = status === "pending_review" ? undefined : status;

  const page = await (await getApi()).adminCatalog.reviewQueue({ status, cursor, limit: PAGE_SIZE });

  return (
    <div className="space-y-6">
      <PageHeader title="Review queue" description="Approve products for sale, or reject them with a reason the vendor will see." />
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
        {TABS.map((tab) => (
          <Link
            key={tab}
            href={`/review${queryString({ status: tab === "pending_review" ? undefined : tab })}`}
            aria-current={tab === status ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1 text-sm",
              tab === status ? "bg-indigo-600 text-white" : "border border-slate-200 bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {STATUS_LABELS[tab]}
          </Link>
        ))}
      </nav>
      {page.items.length === 0 ? (
        <EmptyState title={status === "pending_review" ? "Nothing to review" : `No ${STATUS_LABELS[status].toLowerCase()} products`}>
          {status === "pending_review" ? "Products vendors submit for review appear here." : null}
        </EmptyState>
      ) : (
        <TableCard caption={`${STATUS_LABELS[status]} products`} testId="review-queue">
          <thead>
            <tr>
              <Th>Title</Th>
              <Th>Vendor</Th>
              <Th>Updated</Th>
              <Th>Decision</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} data-product-id={item.id}>
                <Td>
                  <span className="font-medium">{item.title.uz || "(untitled)"}</span>
                  {item.title.ru ? <span className="block text-xs text-slate-500">{item.title.ru}</span> : null}
                  <span className="block text-xs text-slate-400">{item.slug}</span>
                </Td>
                <Td>{item.vendorName}</Td>
                <Td className="whitespace-nowrap text-slate-500">{formatDateTime(item.updatedAt)}</Td>
                <Td className="min-w-72">
                  <ReviewActions productId={item.id} title={item.title.uz} status={item.status} />
                </Td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <Pager
        first={cursor ? `/review${queryString({ status: statusParam })}` : null}
        next={page.nextCursor ? `/review${queryString({ status: statusParam, cursor: page.nextCursor })}` : null}
      />
    </div>
  );
}
