import type { Finding } from "../assurance/types.js";
import type { ParsedAction } from "../domain/plan.js";

/** Everything a scrutiny report shows: the plans looked at, the date, and what was found. */
export interface ScrutinyReportInput {
  partnership: string;
  asOf: string;
  plans: { title: string; asOf: string | null; actions: ParsedAction[]; findings: Finding[] }[];
}

export interface ActionFindings {
  plan: string;
  action: ParsedAction | null;
  ref: string;
  section: string;
  findings: Finding[];
}

export interface OrganisationPart {
  organisation: string;
  items: ActionFindings[];
}

const NO_ORGANISATION = "Organisation not identified";

/** Groups findings into a part per organisation, each recommendation once with all its questions. */
export function groupByOrganisation(input: ScrutinyReportInput): OrganisationPart[] {
  const parts = new Map<string, Map<string, ActionFindings>>();
  for (const plan of input.plans) {
    for (const f of plan.findings) {
      const org = f.organisation ?? NO_ORGANISATION;
      const items = parts.get(org) ?? new Map<string, ActionFindings>();
      parts.set(org, items);
      const key = `${plan.title}\u0000${f.section}\u0000${f.ref}`;
      let item = items.get(key);
      if (!item) {
        const action = plan.actions.find((a) => a.section === f.section && a.ref === f.ref) ?? null;
        item = { plan: plan.title, action, ref: f.ref, section: f.section, findings: [] };
        items.set(key, item);
      }
      item.findings.push(f);
    }
  }
  return [...parts.entries()]
    .sort(([a], [b]) => (a === NO_ORGANISATION ? 1 : b === NO_ORGANISATION ? -1 : a.localeCompare(b)))
    .map(([organisation, items]) => ({
      organisation,
      items: [...items.values()].sort(
        (x, y) =>
          x.plan.localeCompare(y.plan) || compareRefs(x.ref, y.ref) || x.section.localeCompare(y.section),
      ),
    }));
}

/** Natural order for refs: 2 before 10, 7.2 before 7.12. */
export function compareRefs(a: string, b: string): number {
  return a.localeCompare(b, "en-GB", { numeric: true, sensitivity: "base" });
}
