import { ensure, type ServiceContext } from "./context.js";
import { canRead } from "./permissions.js";
import type { ActionSummary, Finding, FindingService, ScrutinyQuestions } from "./types.js";
import { openFindingsByAction, sortActions, toActionSummary, toFinding } from "./views.js";

const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });
const NO_ORGANISATION = "No organisation";

export function createFindingService(ctx: ServiceContext): FindingService {
  const { store } = ctx;
  return {
    async listOpen(user, filter) {
      ensure(canRead(user));
      const [findings, plans, actions] = await Promise.all([
        store.findings.list({ planId: filter.planId, openOnly: true }),
        store.plans.list(),
        store.actions.listAll(),
      ]);
      const titles = new Map(plans.map((p) => [p.id, p.title]));
      const actionById = new Map(actions.map((a) => [a.id, a]));
      return findings
        .filter((f) => !filter.kind || f.kind === filter.kind)
        .filter(
          (f) =>
            !filter.organisationId ||
            (f.actionId !== null &&
              !!actionById.get(f.actionId)?.organisations.some((o) => o.id === filter.organisationId)),
        )
        .map((f) => toFinding(f, titles.get(f.planId) ?? ""))
        .sort(
          (a, b) =>
            collator.compare(a.planTitle, b.planTitle) ||
            collator.compare(a.section, b.section) ||
            collator.compare(a.ref, b.ref) ||
            a.kind.localeCompare(b.kind),
        );
    },

    async questionsByOrganisation(user, filter) {
      ensure(canRead(user));
      const [findings, plans, actions] = await Promise.all([
        store.findings.list({ planId: filter.planId, openOnly: true }),
        store.plans.list(),
        store.actions.listAll(),
      ]);
      const titles = new Map(plans.map((p) => [p.id, p.title]));
      const actionById = new Map(actions.map((a) => [a.id, a]));
      const openByAction = openFindingsByAction(findings);
      const byOrg = new Map<string, Map<string, { action: ActionSummary; findings: Finding[] }>>();
      for (const f of findings) {
        const action = f.actionId ? actionById.get(f.actionId) : undefined;
        if (!action || action.withdrawn) continue;
        const planTitle = titles.get(action.planId) ?? "";
        const orgs = action.organisations.length
          ? action.organisations.map((o) => o.name)
          : [NO_ORGANISATION];
        for (const org of orgs) {
          const group = byOrg.get(org) ?? new Map();
          const entry = group.get(action.id) ?? {
            action: toActionSummary(action, planTitle, openByAction),
            findings: [],
          };
          entry.findings.push(toFinding(f, planTitle));
          group.set(action.id, entry);
          byOrg.set(org, group);
        }
      }
      const result: ScrutinyQuestions[] = [...byOrg.entries()].map(([organisation, group]) => {
        const entries = [...group.values()];
        const order = sortActions(
          entries.map((e) => e.action),
          "ref",
          "asc",
        ).map((a) => a.id);
        entries.sort((a, b) => order.indexOf(a.action.id) - order.indexOf(b.action.id));
        return { organisation, actions: entries };
      });
      return result.sort((a, b) => collator.compare(a.organisation, b.organisation));
    },
  };
}
