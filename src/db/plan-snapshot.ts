import type { ParsedPlan } from "../domain/plan.js";
import type { PlanDetail } from "./plans.js";

/**
 * A stored plan as the importer's model, current actions only: what exports write and what the
 * assurance engine reads. An exported file therefore imports back to the same model.
 */
export function planSnapshot(detail: PlanDetail): ParsedPlan {
  const latest = detail.latestVersion;
  return {
    plan: {
      title: detail.title,
      asOf: latest?.asOf ?? null,
      version: latest?.versionLabel ?? null,
      ragKey: latest?.ragKey ?? [],
      source: detail.source ? { kind: detail.source.kind, title: detail.source.title } : null,
    },
    sections: detail.sections.map((s) => ({ name: s.name, organisation: s.organisationName })),
    actions: detail.actions
      .filter((a) => a.withdrawnAt === null)
      .map((a) => {
        const owners = [...a.organisations].sort((x, y) => Number(y.isPrimary) - Number(x.isPrimary));
        return {
          section: a.sectionName,
          organisation: owners[0]?.name ?? null,
          organisations: owners.map((o) => o.name),
          ref: a.ref,
          finding: a.finding,
          action: a.actionText,
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
      }),
    warnings: latest?.warnings ?? [],
  };
}
