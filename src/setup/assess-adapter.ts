import { assess } from "../assurance/assess.js";
import type { AssessFn } from "../services/deps.js";
import type { RaisedFinding } from "../services/store.js";

/**
 * The services' view of assurance: stored actions in, findings tied to their action ids out. The
 * rules themselves stay pure and know nothing of ids.
 */
export const assessStoredPlan: AssessFn = ({ plan, actions, asOf }) => {
  const live = actions.filter((a) => !a.withdrawn);
  const findings = assess({
    plan: { title: plan.title, asOf: plan.asOf },
    cadenceDays: plan.reviewCadenceDays,
    asOf,
    actions: live.map((a) => ({
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
    })),
  });
  const idOf = new Map<string, string>();
  for (const a of live) {
    const key = `${a.section}\u0000${a.ref}`;
    if (!idOf.has(key)) idOf.set(key, a.id);
  }
  return findings.map(
    (f): RaisedFinding => ({
      actionId: idOf.get(`${f.section}\u0000${f.ref}`) ?? null,
      kind: f.kind,
      severity: f.severity,
      section: f.section,
      organisation: f.organisation,
      ref: f.ref,
      reason: f.reason,
      question: f.question,
    }),
  );
};
