import type { ReactNode } from "react";

import { buttonClass } from "@ultramarket/ui";
import type { NavItem } from "~/components/console-nav";
import { ConsoleNav } from "~/components/console-nav";
import { SignOutButton } from "~/components/sign-out-button";
import { env } from "~/env";
import { isStaff, ROLE_LABELS } from "~/lib/roles";
import { requireConsoleViewer } from "~/server/viewer";

const STAFF_NAV: NavItem[] = [
  { href: "/", label: "Dashboard" },
  { href: "/users", label: "Users" },
  { href: "/all-orders", label: "All orders" },
  { href: "/vendor-applications", label: "Vendor applications" },
  { href: "/review", label: "Review queue" },
  { href: "/all-products", label: "All products" },
  { href: "/categories", label: "Categories" },
  { href: "/search", label: "Search" },
  { href: "/api-keys", label: "API keys" },
  { href: "/audit", label: "Audit log" },
  { href: "/mailbox", label: "Dev mailbox" },
];
const VENDOR_NAV: NavItem[] = [
  { href: "/", label: "Dashboard" },
  { href: "/orders", label: "Orders" },
  { href: "/products", label: "Products" },
  { href: "/bulk-edit", label: "Bulk edit" },
  { href: "/catalog-import", label: "Import / export" },
  { href: "/warehouses", label: "Warehouses" },
  { href: "/shipping", label: "Delivery methods" },
];

/** The guard: every page below needs a signed-in seller or staff member (staff after their second factor). */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const viewer = await requireConsoleViewer();

  if (viewer.role === "CUSTOMER") {
    return (
      <main className="flex min-h-screen items-start justify-center px-4 py-16">
        <div className="w-full max-w-md space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <p className="text-lg font-bold text-indigo-700">UltraMarket Console</p>
          <h1 className="text-xl font-bold">The console is for sellers and staff</h1>
          <p className="text-sm text-slate-600">
            You are signed in as <span data-testid="console-user">{viewer.email}</span>, a customer account. To sell on UltraMarket, apply
            from your account on the storefront; once your application is approved, sign in here again.
          </p>
          <div className="flex flex-wrap gap-3">
            <a href={env.PUBLIC_WEB_URL} className={buttonClass("primary")}>
              Go to the storefront
            </a>
            <SignOutButton />
          </div>
        </div>
      </main>
    );
  }

  const staff = isStaff(viewer.role);
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="flex shrink-0 flex-col border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-60 md:border-r md:border-b-0">
        <div className="px-5 py-5 text-lg font-bold text-indigo-700">UltraMarket Console</div>
        <ConsoleNav items={staff ? STAFF_NAV : VENDOR_NAV} />
        <div className="mt-auto space-y-3 border-t border-slate-200 px-5 py-4">
          <p className="text-sm" data-testid="console-user">
            <span className="block truncate font-medium text-slate-900">{viewer.name}</span>
            <span className="block truncate text-xs text-slate-500">{viewer.email}</span>
            <span className="mt-1 inline-block rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">
              {ROLE_LABELS[viewer.role]}
            </span>
          </p>
          <SignOutButton className="w-full" />
        </div>
      </aside>
      <main className="min-w-0 flex-1 p-6 md:p-8">{children}</main>
    </div>
  );
}
