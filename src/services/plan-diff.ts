import type { ParsedAction } from "../domain/plan.js";
import type { ActionRecord } from "./store.js";
import type { FieldChange, PlanDiff } from "./types.js";

/** Fields of an action compared between versions, with the words shown to a person. */
export const COMPARED_FIELDS = [
  ["finding", "Finding"],
  ["action", "Action"],
  ["lead", "Lead"],
  ["organisations", "Organisation"],
  ["dueText", "Timescale"],
  ["due", "Due date"],
  ["status", "Status"],
  ["statusText", "Status as written"],
  ["progress", "Progress"],
  ["evidenceOfImpact", "Evidence of impact"],
  ["lastUpdate", "Date of last update"],
] as const;

type Comparable = Record<(typeof COMPARED_FIELDS)[number][0], string>;

function fromRecord(a: ActionRecord): Comparable {
  return {
    finding: a.finding,
    action: a.action,
    lead: a.lead,
    organisations: a.organisations.map((o) => o.name).join(", "),
    dueText: a.dueText,
    due: a.due ?? "",
    status: a.status,
    statusText: a.statusText,
    progress: a.progress,
    evidenceOfImpact: a.evidenceOfImpact,
    lastUpdate: a.lastUpdate ?? "",
  };
}

function fromParsed(a: ParsedAction): Comparable {
  return {
    finding: a.finding,
    action: a.action,
    lead: a.lead,
    organisations: a.organisations.join(", "),
    dueText: a.dueText,
    due: a.due ?? "",
    status: a.status,
    statusText: a.statusText,
    progress: a.progress,
    evidenceOfImpact: a.evidenceOfImpact,
    lastUpdate: a.lastUpdate ?? "",
  };
}

/** Actions are the same action across versions when section and ref match (refs repeat across sections). */
export function actionKey(section: string, ref: string): string {
  const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
  return `${norm(section)}\u0000${norm(ref)}`;
}

export function changedFields(before: ActionRecord, after: ParsedAction): FieldChange[] {
  const b = fromRecord(before);
  const a = fromParsed(after);
  const changes: FieldChange[] = [];
  for (const [field] of COMPARED_FIELDS) {
    if (b[field] !== a[field]) changes.push({ field, before: b[field], after: a[field] });
  }
  return changes;
}

export interface MatchedPlan {
  pairs: { existing: ActionRecord; parsed: ParsedAction }[];
  added: ParsedAction[];
  missing: ActionRecord[];
}

/**
 * Pairs the live actions of the stored plan with the parsed ones by section and ref. Where a key repeats
 * (two rows with the same ref in one section) they pair in document order.
 */
export function matchActions(
  existing: readonly ActionRecord[],
  parsed: readonly ParsedAction[],
): MatchedPlan {
  const pool = new Map<string, ActionRecord[]>();
  for (const e of existing) {
    if (e.withdrawn) continue;
    const key = actionKey(e.section, e.ref);
    const list = pool.get(key) ?? [];
    list.push(e);
    pool.set(key, list);
  }
  const pairs: MatchedPlan["pairs"] = [];
  const added: ParsedAction[] = [];
  for (const p of parsed) {
    const match = pool.get(actionKey(p.section, p.ref))?.shift();
    if (match) pairs.push({ existing: match, parsed: p });
    else added.push(p);
  }
  const missing = [...pool.values()].flat();
  return { pairs, added, missing };
}

export function diffPlan(existing: readonly ActionRecord[], parsed: readonly ParsedAction[]): PlanDiff {
  const m = matchActions(existing, parsed);
  const diff: PlanDiff = { added: [], withdrawn: [], changed: [], unchanged: 0 };
  for (const { existing: e, parsed: p } of m.pairs) {
    const changes = changedFields(e, p);
    if (changes.length === 0) diff.unchanged++;
    else diff.changed.push({ section: p.section, ref: p.ref, changes });
  }
  diff.added = m.added.map((a) => ({ section: a.section, ref: a.ref }));
  diff.withdrawn = m.missing.map((a) => ({ section: a.section, ref: a.ref }));
  return diff;
}
