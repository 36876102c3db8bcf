import Link from "next/link";

import { buttonClass, EmptyState } from "@ultramarket/ui";

// Rendered without route params, so it speaks all three languages at once.
export default function NotFound() {
  return (
    <EmptyState title="Sahifa topilmadi · Страница не найдена · Page not found">
      <Link href="/uz" className={`${buttonClass("secondary")} mt-4`}>
        Bosh sahifa · Главная · Home
      </Link>
    </EmptyState>
  );
}
