import type { ParsedAction } from "../domain/plan.js";

/** The finding kinds, as exact strings used in JSON, the UI and reports. Order is the report order. */
export const FINDING_KINDS = [
  "overdue",
  "stale",
  "deflected",
  "completed-without-evidence",
  "impact-not-evidenced",
  "unsupported-rating",
  "guidance-mismatch",
  "not-smart",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export function isFindingKind(value: unknown): value is FindingKind {
  return typeof value === "string" && (FINDING_KINDS as readonly string[]).includes(value);
}

export type Severity = "high" | "medium" | "low";

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  section: string;
  organisation: string | null;
  ref: string;
  /** What triggered the finding, quoting the plan's own words and dates, so a person can check it. */
  reason: string;
  /** The question a scrutineer would put to the agency, specific to the action. */
  question: string;
}

/** An action as assurance needs it: the parsed fields plus, where stored, its dated update history. */
export type AssuredAction = Pick<
  ParsedAction,
  | "section"
  | "organisation"
  | "ref"
  | "finding"
  | "action"
  | "lead"
  | "due"
  | "dueText"
  | "status"
  | "statusText"
  | "progress"
  | "evidenceOfImpact"
  | "lastUpdate"
> & {
  history?: { occurredOn: string }[];
  /** Every owning organisation where the action has several (joint actions); the first is `organisation`. */
  organisations?: string[];
};

export interface AssuranceInput {
  plan: { title: string; asOf: string | null };
  actions: AssuredAction[];
  /** Review cadence: an action with no update for longer than this is stale. */
  cadenceDays: number;
  /** The date the findings are raised for, YYYY-MM-DD. */
  asOf: string;
}
