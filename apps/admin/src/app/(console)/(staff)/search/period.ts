/** The period the search reports cover: the last N days up to today (UTC), or chosen days. */
export type ReportPeriodChoice = { days: PresetDays } | { from: string; to: string };

export const PRESET_DAYS = [7, 30, 90] as const;
export type PresetDays = (typeof PRESET_DAYS)[number];

const DAY_MS = 24 * 3600 * 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** The days a choice stands for, as the report procedures take them. */
export function periodInput(choice: ReportPeriodChoice): { from: string; to: string } {
  if ("from" in choice) return choice;
  const to = todayUtc();
  const from = new Date(new Date(`${to}T00:00:00Z`).getTime() - (choice.days - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

/** The choice a shared URL names (`?days=30` or `?from=…&to=…`); the last seven days otherwise. */
export function periodFromParams(params: { days?: string; from?: string; to?: string }): ReportPeriodChoice {
  if (params.from && params.to && DAY.test(params.from) && DAY.test(params.to)) return { from: params.from, to: params.to };
  const days = PRESET_DAYS.find((d) => String(d) === params.days);
  return { days: days ?? 7 };
}

export function periodParams(choice: ReportPeriodChoice): Record<string, string | undefined> {
  return "from" in choice ? { from: choice.from, to: choice.to } : { days: choice.days === 7 ? undefined : String(choice.days) };
}
