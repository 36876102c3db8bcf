"use client";

import { buttonClass, EmptyState } from "@ultramarket/ui";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <EmptyState title="Nimadir xato ketdi · Что-то пошло не так · Something went wrong">
      <button type="button" onClick={reset} className={`${buttonClass("secondary")} mt-4`}>
        Qayta urinish · Повторить · Try again
      </button>
    </EmptyState>
  );
}
