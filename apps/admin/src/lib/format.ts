/** Console times are shown in UTC, so every reviewer reads the same clock. */
const dateTime = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? "—" : dateTime.format(date);
}

const bytesFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${bytesFormat.format(size / 1024)} KB`;
  return `${bytesFormat.format(size / (1024 * 1024))} MB`;
}

/** The first value of a search param (Next gives string | string[] | undefined), trimmed; "" becomes undefined. */
export function param(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

/** A query string from the defined entries, e.g. `?role=ADMIN&cursor=…` (or "" when empty). */
export function queryString(entries: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
