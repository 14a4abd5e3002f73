/** The one status vocabulary. These exact strings are used in the database, JSON, the UI and reports. */
export const STATUSES = [
  "not-started",
  "significant-risk",
  "minor-risk",
  "on-track",
  "completed",
  "completed-with-impact",
  "not-applicable",
  "unknown",
] as const;

export type Status = (typeof STATUSES)[number];

export function isStatus(value: unknown): value is Status {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

/** Statuses under which an action no longer needs delivering. */
export const CLOSED_STATUSES: readonly Status[] = ["completed", "completed-with-impact", "not-applicable"];

export function isClosed(status: Status): boolean {
  return CLOSED_STATUSES.includes(status);
}

export const STATUS_LABELS: Record<Status, string> = {
  "not-started": "Not started",
  "significant-risk": "Significant risk",
  "minor-risk": "Minor risk",
  "on-track": "On track",
  completed: "Completed",
  "completed-with-impact": "Completed with evidence of impact",
  "not-applicable": "Not applicable",
  unknown: "Unknown",
};
