import { isClosed } from "../domain/status.js";
import { ensure, type ServiceContext } from "./context.js";
import { NotFoundError } from "./errors.js";
import { canRead } from "./permissions.js";
import type {
  ActionBrief,
  ActionRecord,
  FindingBrief,
  FindingRecord,
  PlanRecord,
  PlanVersionRecord,
} from "./store.js";
import type {
  ActionSummary,
  OpenFindingsPoint,
  PlanDetail,
  PlanService,
  StatusByOrganisation,
} from "./types.js";
import {
  applyActionFilter,
  openFindingsByAction,
  sortActions,
  toActionSummary,
  toPlanSummary,
  zeroStatusCounts,
} from "./views.js";

const NO_ORGANISATION = "No organisation";

export function statusByOrganisation(actions: readonly ActionRecord[]): StatusByOrganisation[] {
  const byOrg = new Map<string, StatusByOrganisation>();
  for (const a of actions) {
    if (a.withdrawn) continue;
    // An action with several owners counts once for each of them: each is answerable for it.
    const names = a.organisations.length ? a.organisations.map((o) => o.name) : [NO_ORGANISATION];
    for (const name of names) {
      const row = byOrg.get(name) ?? { organisation: name, counts: zeroStatusCounts() };
      row.counts[a.status]++;
      byOrg.set(name, row);
    }
  }
  return [...byOrg.values()].sort((a, b) => a.organisation.localeCompare(b.organisation));
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Open findings counted on up to `points` evenly spaced days from the first finding to today. */
export function openFindingsOverTime(
  findings: readonly FindingRecord[],
  today: string,
  points = 12,
): OpenFindingsPoint[] {
  if (findings.length === 0) return [];
  const first = [today, ...findings.map((f) => f.raisedOn)].sort()[0] ?? today;
  const spanDays = Math.max(0, Math.round((Date.parse(today) - Date.parse(first)) / 86_400_000));
  const steps = Math.min(points - 1, spanDays);
  const dates = new Set<string>();
  for (let i = 0; i <= steps; i++) {
    dates.add(steps === 0 ? today : addDays(first, Math.round((spanDays * i) / steps)));
  }
  return [...dates].map((date) => ({
    date,
    open: findings.filter((f) => f.raisedOn <= date && (f.resolvedOn === null || f.resolvedOn > date)).length,
  }));
}

function planDetail(
  plan: PlanRecord,
  actions: readonly ActionBrief[],
  openFindings: readonly FindingBrief[],
  versions: readonly PlanVersionRecord[],
  names: ReadonlyMap<string, string>,
): PlanDetail {
  return {
    ...toPlanSummary(plan, actions, openFindings),
    ragKey: plan.ragKey,
    reviewCadenceDays: plan.reviewCadenceDays,
    fileName: plan.fileName,
    sections: plan.sections,
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      label: v.label,
      fileName: v.fileName,
      importedAt: v.importedAt,
      importedBy: (v.importedById !== null ? names.get(v.importedById) : undefined) ?? null,
    })),
  };
}

function liveActionSummaries(
  plan: PlanRecord,
  actions: readonly ActionBrief[],
  openFindings: readonly FindingBrief[],
): ActionSummary[] {
  const byAction = openFindingsByAction(openFindings);
  return actions.filter((a) => !a.withdrawn).map((a) => toActionSummary(a, plan.title, byAction));
}

export function createPlanService(ctx: ServiceContext): PlanService {
  const { store } = ctx;
  return {
    async list(user) {
      ensure(canRead(user));
      const [plans, actions, findings] = await Promise.all([
        store.plans.list(),
        store.actions.listAll(),
        store.findings.list({ openOnly: true }),
      ]);
      return plans
        .map((p) => toPlanSummary(p, actions, findings))
        .sort((a, b) => a.title.localeCompare(b.title));
    },

    async get(user, planId) {
      ensure(canRead(user));
      const [plan, actions, findings, versions, names] = await Promise.all([
        store.plans.get(planId),
        store.actions.briefsByPlan(planId),
        store.findings.briefs({ planId, openOnly: true }),
        store.plans.versions(planId),
        store.users.names(),
      ]);
      if (!plan) throw new NotFoundError("Plan not found");
      return planDetail(plan, actions, findings, versions, names);
    },

    async actions(user, planId, filter) {
      ensure(canRead(user));
      const [plan, actions, findings] = await Promise.all([
        store.plans.get(planId),
        store.actions.briefsByPlan(planId),
        store.findings.briefs({ planId, openOnly: true }),
      ]);
      if (!plan) throw new NotFoundError("Plan not found");
      return applyActionFilter(liveActionSummaries(plan, actions, findings), filter);
    },

    async page(user, planId) {
      ensure(canRead(user));
      // One read of each: the plan, its actions and its open findings serve both halves of the page.
      const [plan, actions, findings, versions, names] = await Promise.all([
        store.plans.get(planId),
        store.actions.briefsByPlan(planId),
        store.findings.briefs({ planId, openOnly: true }),
        store.plans.versions(planId),
        store.users.names(),
      ]);
      if (!plan) throw new NotFoundError("Plan not found");
      return {
        plan: planDetail(plan, actions, findings, versions, names),
        actions: sortActions(liveActionSummaries(plan, actions, findings), "ref", "asc"),
      };
    },

    async dashboard(user) {
      ensure(canRead(user));
      const [plans, actions, allFindings] = await Promise.all([
        store.plans.list(),
        store.actions.listAll(),
        store.findings.list({}),
      ]);
      const open = allFindings.filter((f) => f.resolvedOn === null);
      const titles = new Map(plans.map((p) => [p.id, p.title]));
      const byAction = openFindingsByAction(open);
      const mine =
        user.role === "editor" && user.organisationId
          ? actions
              .filter(
                (a) =>
                  !a.withdrawn &&
                  !isClosed(a.status) &&
                  a.organisations.some((o) => o.id === user.organisationId),
              )
              .map((a) => toActionSummary(a, titles.get(a.planId) ?? "", byAction))
          : [];
      return {
        plans: plans
          .map((p) => toPlanSummary(p, actions, open))
          .sort((a, b) => a.title.localeCompare(b.title)),
        statusByOrganisation: statusByOrganisation(actions),
        openFindingsOverTime: openFindingsOverTime(allFindings, ctx.today()),
        myActions: sortActions(mine, "due", "asc"),
      };
    },
  };
}
