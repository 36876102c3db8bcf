import "./globals.css";

import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { Providers } from "~/trpc/provider";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: { default: "UltraMarket Console", template: "%s · UltraMarket Console" } };

const NAV = [
  { href: "/", label: "Dashboard" },
  { href: "/mailbox", label: "Dev mailbox" },
];

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-100 text-slate-900 antialiased">
        <Providers>
          <div className="flex min-h-screen">
            <aside className="w-60 shrink-0 border-r border-slate-200 bg-white">
              <div className="px-5 py-5 text-lg font-bold text-indigo-700">UltraMarket Console</div>
              <nav aria-label="Console">
                <ul className="space-y-1 px-3">
                  {NAV.map((item) => (
                    <li key={item.href}>
                      <Link href={item.href} className="block rounded-lg px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
                        {item.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            </aside>
            <main className="flex-1 p-8">{children}</main>
          </div>
        </Providers>
      </body>
    </html>
  );
}
