"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps, ReactNode } from "react";
import { createContext, use, useTransition } from "react";

interface ListingNavigation {
  pending: boolean;
  navigate: (href: string) => void;
}

const SharedNavigation = createContext<ListingNavigation | null>(null);

/**
 * Navigations within a listing (filters, sort, pages, chips) share one transition, so the listing can show that the
 * next results are loading while the current ones stay in place. A transition rather than a loading.tsx boundary:
 * a streamed fallback would be all that a browser without scripts ever shows.
 */
export function PendingNavigation({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return <SharedNavigation value={{ pending, navigate: (href) => startTransition(() => router.push(href)) }}>{children}</SharedNavigation>;
}

/** The listing's shared navigation, or (outside one) a transition of the caller's own. */
export function useListingNavigation(): ListingNavigation {
  const shared = use(SharedNavigation);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return shared ?? { pending, navigate: (href) => startTransition(() => router.push(href)) };
}

/** A link that navigates through the listing's transition (a modified click still opens a new tab as usual). */
export function PendingLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "href" | "onNavigate"> & { href: string }) {
  const { navigate } = useListingNavigation();
  return (
    <Link
      href={href}
      onNavigate={(event) => {
        event.preventDefault();
        navigate(href);
      }}
      {...props}
    />
  );
}

/** The part of the listing that dims, and says it is busy, while the next results load. */
export function PendingRegion({ children, className }: { children: ReactNode; className?: string }) {
  const { pending } = useListingNavigation();
  return (
    <div
      aria-busy={pending || undefined}
      data-pending={pending || undefined}
      className={`${className ?? ""} transition-opacity ${pending ? "opacity-50" : ""}`}
    >
      {children}
    </div>
  );
}
