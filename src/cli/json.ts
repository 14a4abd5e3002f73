import type { ParsedPlan } from "../domain/plan.js";

/**
 * The stable JSON shape of `assure parse --json` (documented in README.md). Fields are picked
 * explicitly so internal additions to ParsedPlan never change the contract by accident.
 */
export function parsedPlanToJson(parsed: ParsedPlan) {
  return {
    plan: {
      title: parsed.plan.title,
      asOf: parsed.plan.asOf,
      version: parsed.plan.version,
      source: parsed.plan.source,
      ragKey: parsed.plan.ragKey.map((k) => ({
        label: k.label,
        colour: k.colour,
        word: k.word,
        status: k.status,
      })),
    },
    sections: parsed.sections.map((s) => ({ name: s.name, organisation: s.organisation })),
    actions: parsed.actions.map((a) => ({
      section: a.section,
      organisation: a.organisation,
      organisations: a.organisations,
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
    })),
    warnings: parsed.warnings.map((w) => ({ where: w.where, message: w.message })),
  };
}
