import type { RouterOutputs } from "@ultramarket/api";

export type ApplicationStatus = RouterOutputs["vendors"]["listApplications"]["items"][number]["status"];

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: "Pending",
  changes_requested: "Changes requested",
  approved: "Approved",
  rejected: "Rejected",
};

export const STATUS_TONES: Record<ApplicationStatus, "amber" | "indigo" | "green" | "red"> = {
  pending: "amber",
  changes_requested: "indigo",
  approved: "green",
  rejected: "red",
};

export const STATUSES = Object.keys(STATUS_LABELS) as ApplicationStatus[];

export const isStatus = (value: unknown): value is ApplicationStatus => typeof value === "string" && value in STATUS_LABELS;
