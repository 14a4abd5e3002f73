import { assess } from "./assess.js";
import { DEFAULT_RULE_DATA, type RuleData } from "./data.js";
import type { AssuredAction, Finding, FindingKind } from "./types.js";

/**
 * Builders for the assurance tests: an action that raises nothing on 31 March 2021 (90-day cadence, plan
 * dated 1 March 2021) unless a test changes it.
 */
export const AS_OF = "2021-03-31";
export const PLAN = { title: "Westbrook improvement plan", asOf: "2021-03-01" };

export function cleanAction(overrides: Partial<AssuredAction> = {}): AssuredAction {
  return {
    section: "Children's Social Care",
    organisation: "Westbrook Council",
    ref: "1.1",
    finding: "Assessments of children are not regularly updated.",
    action: "Introduce a weekly MASH quality check by the team manager.",
    lead: "Head of Service",
    due: "2021-06-30",
    dueText: "June 2021",
    status: "on-track",
    statusText: "Green",
    progress: "Weekly quality check introduced in January 2021; 10 checks completed.",
    evidenceOfImpact: "",
    lastUpdate: "2021-03-15",
    ...overrides,
  };
}

export function findings(
  actions: AssuredAction[],
  options: { asOf?: string; cadenceDays?: number; planAsOf?: string | null; rules?: RuleData } = {},
): Finding[] {
  return assess(
    {
      plan: { title: PLAN.title, asOf: options.planAsOf === undefined ? PLAN.asOf : options.planAsOf },
      actions,
      cadenceDays: options.cadenceDays ?? 90,
      asOf: options.asOf ?? AS_OF,
    },
    options.rules ?? DEFAULT_RULE_DATA,
  );
}

/** The finding of one kind for a single action, or undefined. */
export function findingOf(
  kind: FindingKind,
  overrides: Partial<AssuredAction>,
  options: Parameters<typeof findings>[1] = {},
): Finding | undefined {
  return findings([cleanAction(overrides)], options).find((f) => f.kind === kind);
}

export function kindsOf(
  overrides: Partial<AssuredAction>,
  options: Parameters<typeof findings>[1] = {},
): FindingKind[] {
  return findings([cleanAction(overrides)], options).map((f) => f.kind);
}
