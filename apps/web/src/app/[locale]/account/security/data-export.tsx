"use client";

import { useMutation } from "@tanstack/react-query";

import { buttonClass } from "@ultramarket/ui";
import { FormAlert, formErrorOf } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Section } from "~/components/account/ui";
import type { Messages } from "~/i18n/messages";

type Labels = Messages["dataExport"] & { common: Messages["common"] };

/** Saves `data` as a file through a temporary object URL. */
function download(data: unknown, fileName: string) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download asynchronously: release the URL a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DataExport({ labels }: { labels: Labels }) {
  const trpc = useTRPC();
  const exportData = useMutation(trpc.users.exportData.mutationOptions({ onSuccess: (data) => download(data, "ultramarket-data.json") }));
  return (
    <Section id="data-export" title={labels.title} description={labels.intro}>
      <div className="space-y-3">
        <FormAlert message={formErrorOf(exportData.error)} />
        <button
          type="button"
          className={buttonClass("secondary")}
          onClick={() => exportData.mutate()}
          disabled={exportData.isPending}
          aria-busy={exportData.isPending || undefined}
        >
          {exportData.isPending ? labels.common.pleaseWait : labels.download}
        </button>
      </div>
    </Section>
  );
}
