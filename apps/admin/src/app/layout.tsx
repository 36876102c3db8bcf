import "./globals.css";

import type { Metadata } from "next";
import type { ReactNode } from "react";

import { Providers } from "~/trpc/provider";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: { default: "UltraMarket Console", template: "%s · UltraMarket Console" } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-100 text-slate-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
