import { STATUSES, type Status } from "../domain/status.js";
import type {
  ActionBrief,
  ActionRecord,
  FindingBrief,
  FindingRecord,
  PlanRecord,
  UserRecord,
} from "./store.js";
import {
  type ActionFilter,
  type ActionSort,
  type ActionSummary,
  FINDING_KINDS,
  type Finding,
  type FindingKind,
  type Organisation,
  type PlanSummary,
  type User,
} from "./types.js";

/** Turns stored records into what pages and the API show. */

export function toUser(record: UserRecord, organisations: readonly Organisation[]): User {
  return {
    id: record.id,
    email: record.email,
    name: record.name,
    role: record.role,
    organisationId: record.organisationId,
    organisationName: organisations.find((o) => o.id === record.organisationId)?.name ?? null,
    disabled: record.disabled,
    createdAt: record.createdAt,
  };
}

export function zeroStatusCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

export function zeroFindingCounts(): Record<FindingKind, number> {
  return Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
}

export function toPlanSummary(
  plan: PlanRecord,
  actions: readonly Pick<ActionRecord, "planId" | "withdrawn" | "status">[],
  openFindings: readonly Pick<FindingBrief, "planId" | "kind" | "resolvedOn">[],
): PlanSummary {
  const statusCounts = zeroStatusCounts();
  let actionCount = 0;
  for (const a of actions) {
    if (a.planId !== plan.id || a.withdrawn) continue;
    statusCounts[a.status]++;
    actionCount++;
  }
  const findingCounts = zeroFindingCounts();
  let open = 0;
  for (const f of openFindings) {
    if (f.planId !== plan.id || f.resolvedOn !== null) continue;
    findingCounts[f.kind]++;
    open++;
  }
  return {
    id: plan.id,
    title: plan.title,
    sourceKind: plan.sourceKind,
    sourceTitle: plan.sourceTitle,
    versionLabel: plan.versionLabel,
    versionNumber: plan.versionNumber,
    asOf: plan.asOf,
    importedAt: plan.importedAt,
    actionCount,
    statusCounts,
    findingCounts,
    openFindings: open,
  };
}

export function toFinding(f: FindingRecord, planTitle: string): Finding {
  return {
    id: f.id,
    kind: f.kind,
    severity: f.severity,
    planId: f.planId,
    planTitle,
    actionId: f.actionId,
    section: f.section,
    organisation: f.organisation,
    ref: f.ref,
    reason: f.reason,
    question: f.question,
    raisedOn: f.raisedOn,
    resolvedOn: f.resolvedOn,
  };
}

/** The open findings of each action: their kinds, each once in the order first raised, and how many. */
export type OpenFindingsByAction = ReadonlyMap<string, { kinds: FindingKind[]; count: number }>;

/** Indexes open findings by action once, so that summarising many actions does not rescan them all. */
export function openFindingsByAction(
  openFindings: readonly Pick<FindingBrief, "actionId" | "kind" | "resolvedOn">[],
): OpenFindingsByAction {
  const byAction = new Map<string, { kinds: FindingKind[]; count: number }>();
  for (const f of openFindings) {
    if (f.actionId === null || f.resolvedOn !== null) continue;
    const entry = byAction.get(f.actionId);
    if (!entry) byAction.set(f.actionId, { kinds: [f.kind], count: 1 });
    else {
      entry.count++;
      if (!entry.kinds.includes(f.kind)) entry.kinds.push(f.kind);
    }
  }
  return byAction;
}

export function toActionSummary(
  a: ActionBrief,
  planTitle: string,
  openFindings: OpenFindingsByAction,
): ActionSummary {
  const found = openFindings.get(a.id);
  return {
    id: a.id,
    planId: a.planId,
    planTitle,
    section: a.section,
    ref: a.ref,
    organisations: a.organisations.map((o) => ({ ...o })),
    lead: a.lead,
    due: a.due,
    dueText: a.dueText,
    status: a.status,
    statusText: a.statusText,
    lastUpdate: a.lastUpdate,
    findingKinds: found ? [...found.kinds] : [],
    findingCount: found?.count ?? 0,
    rowVersion: a.rowVersion,
    withdrawn: a.withdrawn,
  };
}

/** Most worrying first, so sorting by status brings what needs attention to the top. */
const STATUS_ORDER: readonly Status[] = [
  "significant-risk",
  "minor-risk",
  "not-started",
  "unknown",
  "on-track",
  "completed",
  "completed-with-impact",
  "not-applicable",
];

const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });

/** Compares by a field, putting missing values last whichever the direction. */
function byOptional(a: string | null, b: string | null, dir: number): number {
  if (a === b) return 0;
  if (a === null || a === "") return 1;
  if (b === null || b === "") return -1;
  return collator.compare(a, b) * dir;
}

export function sortActions(
  actions: ActionSummary[],
  sort: ActionSort,
  order: "asc" | "desc",
): ActionSummary[] {
  const dir = order === "desc" ? -1 : 1;
  const byRef = (a: ActionSummary, b: ActionSummary) =>
    collator.compare(a.section, b.section) || collator.compare(a.ref, b.ref);
  const compare: Record<ActionSort, (a: ActionSummary, b: ActionSummary) => number> = {
    ref: (a, b) => byRef(a, b) * dir,
    organisation: (a, b) =>
      byOptional(a.organisations[0]?.name ?? null, b.organisations[0]?.name ?? null, dir),
    lead: (a, b) => byOptional(a.lead, b.lead, dir),
    due: (a, b) => byOptional(a.due, b.due, dir),
    status: (a, b) => (STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)) * dir,
    lastUpdate: (a, b) => byOptional(a.lastUpdate, b.lastUpdate, dir),
    findings: (a, b) => (a.findingCount - b.findingCount) * dir,
  };
  return [...actions].sort((a, b) => compare[sort](a, b) || byRef(a, b));
}

/** The plan page's filter and sort, over a plan's live actions already summarised. */
export function applyActionFilter(rows: readonly ActionSummary[], filter: ActionFilter): ActionSummary[] {
  const kept = rows
    .filter((a) => !a.withdrawn)
    .filter((a) => !filter.organisationId || a.organisations.some((o) => o.id === filter.organisationId))
    .filter((a) => !filter.status || a.status === filter.status)
    .filter((a) => !filter.findingKind || a.findingKinds.includes(filter.findingKind));
  return sortActions(kept, filter.sort ?? "ref", filter.order ?? "asc");
}
