import { assess } from "../assurance/assess.js";
import type { AssuredAction, Finding as EngineFinding } from "../assurance/types.js";
import { defaultDirectory, mergeDirectories } from "../domain/organisations.js";
import type { ParsedAction } from "../domain/plan.js";
import { parseBuffer } from "../import/parse-file.js";
import { findingsXlsx } from "../reports/findings-xlsx.js";
import { scrutinyDocx } from "../reports/scrutiny-docx.js";
import type { ScrutinyReportInput } from "../reports/scrutiny-input.js";
import type { AssessFn, ParseFn, ReportInput, ReportRenderer } from "./deps.js";
import type { ActionRecord, RaisedFinding } from "./store.js";

/** The production pieces behind ServiceDeps: the importer (#3), the assurance engine (#4), the reports. */

/** The importer, reading names with the partnership's own organisation directory. */
export const importerParse: ParseFn = (bytes, fileName, directory) =>
  parseBuffer(bytes, fileName, { directory: mergeDirectories(directory, defaultDirectory()) });

export function toParsedAction(a: ActionRecord): ParsedAction {
  return {
    section: a.section,
    organisation: a.organisations[0]?.name ?? null,
    organisations: a.organisations.map((o) => o.name),
    ref: a.ref,
    finding: a.finding,
    action: a.action,
    lead: a.lead,
    due: a.due,
    dueText: a.dueText,
    status: a.status,
    statusText: a.statusText,
    progress: a.progress,
    evidenceOfImpact: a.evidenceOfImpact,
    lastUpdate: a.lastUpdate,
    where: "",
  };
}

function assured(a: ActionRecord): AssuredAction {
  const p = toParsedAction(a);
  return { ...p, organisations: p.organisations };
}

/**
 * The engine speaks of actions by section and ref; findings are tied back to stored actions by those
 * (and the organisation). Where a plan repeats a section and ref, each finding goes to the first such
 * action that does not already carry a finding of its kind.
 */
export function attachFindings(
  actions: readonly ActionRecord[],
  findings: readonly EngineFinding[],
): RaisedFinding[] {
  const byKey = new Map<string, ActionRecord[]>();
  for (const a of actions) {
    const key = `${a.section}\u0000${a.ref}`;
    byKey.set(key, [...(byKey.get(key) ?? []), a]);
  }
  const taken = new Set<string>();
  return findings.map((f) => {
    const candidates = byKey.get(`${f.section}\u0000${f.ref}`) ?? [];
    const sameOrg = candidates.filter((a) => (a.organisations[0]?.name ?? null) === f.organisation);
    const pool = sameOrg.length ? sameOrg : candidates;
    const action = pool.find((a) => !taken.has(`${a.id}\u0000${f.kind}`)) ?? pool[0] ?? null;
    if (action) taken.add(`${action.id}\u0000${f.kind}`);
    return {
      actionId: action?.id ?? null,
      kind: f.kind,
      severity: f.severity,
      section: f.section,
      organisation: f.organisation,
      ref: f.ref,
      reason: f.reason,
      question: f.question,
    };
  });
}

/** The assurance engine over a stored plan, with the plan's own review cadence. */
export const engineAssess: AssessFn = ({ plan, actions, asOf }) =>
  attachFindings(
    actions,
    assess({
      plan: { title: plan.title, asOf: plan.asOf },
      actions: actions.map(assured),
      cadenceDays: plan.reviewCadenceDays,
      asOf,
    }),
  );

export function scrutinyInput(partnership: string, input: ReportInput): ScrutinyReportInput {
  return {
    partnership,
    asOf: input.asOf,
    plans: input.plans.map(({ plan, actions, findings }) => ({
      title: plan.title,
      asOf: plan.asOf,
      actions: actions.map(toParsedAction),
      findings: findings.map((f) => ({
        kind: f.kind,
        severity: f.severity,
        section: f.section,
        organisation: f.organisation,
        ref: f.ref,
        reason: f.reason,
        question: f.question,
      })),
    })),
  };
}

/** The Word and Excel scrutiny reports of src/reports, titled for the partnership. */
export function reportRenderer(partnership: string): ReportRenderer {
  return {
    scrutinyDocx: (input) => scrutinyDocx(scrutinyInput(partnership, input)),
    findingsXlsx: (input) => findingsXlsx(scrutinyInput(partnership, input)),
  };
}
