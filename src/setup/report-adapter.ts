import type { ParsedAction } from "../domain/plan.js";
import { findingsXlsx } from "../reports/findings-xlsx.js";
import { scrutinyDocx } from "../reports/scrutiny-docx.js";
import type { ScrutinyReportInput } from "../reports/scrutiny-input.js";
import type { ReportInput, ReportRenderer } from "../services/deps.js";
import type { ActionRecord } from "../services/store.js";

function asParsed(a: ActionRecord): ParsedAction {
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
    where: `action ${a.id}`,
  };
}

export function toScrutinyInput(partnership: string, input: ReportInput): ScrutinyReportInput {
  return {
    partnership,
    asOf: input.asOf,
    plans: input.plans.map((p) => ({
      title: p.plan.title,
      asOf: p.plan.asOf,
      actions: p.actions.filter((a) => !a.withdrawn).map(asParsed),
      findings: p.findings,
    })),
  };
}

/** The Word and Excel scrutiny reports, for the services' report downloads. */
export function reportRenderer(partnership: () => string): ReportRenderer {
  return {
    scrutinyDocx: (input) => scrutinyDocx(toScrutinyInput(partnership(), input)),
    findingsXlsx: (input) => findingsXlsx(toScrutinyInput(partnership(), input)),
  };
}
