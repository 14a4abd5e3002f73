import type { ParsedAction } from "./plan.js";

/**
 * What changed between the actions of a stored plan and a newly read version of it. Pure, and the only
 * plan diff there is: both stores (the database's import and the in-memory one) match and apply with
 * it, and the import preview shows its summary (summariseDiff) without writing.
 */

/** The fields of an action a plan can change; history records them under these names. */
export const COMPARED_FIELDS = [
  "section",
  "ref",
  "organisations",
  "finding",
  "action",
  "lead",
  "due",
  "dueText",
  "status",
  "statusText",
  "progress",
  "evidenceOfImpact",
  "lastUpdate",
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export type ActionSnapshot = Pick<ParsedAction, ComparedField>;

export type FieldValue = string | string[] | boolean | null;
export interface FieldChange {
  before: FieldValue;
  after: FieldValue;
}
/** `withdrawn` records an action leaving or coming back to the plan. */
export type FieldChanges = Partial<Record<ComparedField | "withdrawn", FieldChange>>;

/** A stored action as the diff sees it; each store adds its own keys (id, position…), kept in the entries. */
export interface ExistingAction extends ActionSnapshot {
  withdrawn: boolean;
}

/** How a new action was found to be an old one. */
export type MatchRule = "section-and-ref" | "ref" | "text";

export type ActionDiffEntry<E extends ExistingAction = ExistingAction> =
  | { kind: "added"; index: number; parsed: ParsedAction }
  | {
      kind: "changed" | "unchanged" | "reinstated";
      index: number;
      parsed: ParsedAction;
      existing: E;
      matchedBy: MatchRule;
      changes: FieldChanges;
    }
  | { kind: "withdrawn"; existing: E; changes: FieldChanges };

export interface DiffCounts {
  added: number;
  changed: number;
  unchanged: number;
  withdrawn: number;
  reinstated: number;
}

export interface PlanDiff<E extends ExistingAction = ExistingAction> {
  /** Incoming actions in their order, then the actions that left the plan in their stored order. */
  entries: ActionDiffEntry<E>[];
  counts: DiffCounts;
}

/** Case, spacing and Unicode form differences do not make two keys different. */
export function normaliseKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

/** "7.12." and "7.12" are the same ref, as are "(a)" and "a)". */
function normaliseRef(ref: string): string {
  return normaliseKey(ref)
    .replace(/^[(\s]+/u, "")
    .replace(/[.:;,)\s]+$/u, "");
}

function normaliseText(text: string): string {
  return normaliseKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Differences a re-save in another format introduces (line endings, trailing spaces) are not changes. */
function normaliseValue(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}

function sameField(field: ComparedField, before: ActionSnapshot, after: ActionSnapshot): boolean {
  switch (field) {
    case "organisations": {
      const a = before.organisations.map(normaliseKey);
      const b = after.organisations.map(normaliseKey);
      return a.length === b.length && a.every((name, i) => name === b[i]);
    }
    case "section":
      return normaliseKey(before.section) === normaliseKey(after.section);
    case "due":
    case "lastUpdate":
    case "status":
      return before[field] === after[field];
    default:
      return normaliseValue(before[field]) === normaliseValue(after[field]);
  }
}

/** The owners of an action in order, primary first, each once (the primary may be missing from the list). */
export function actionOwners(action: Pick<ParsedAction, "organisation" | "organisations">): string[] {
  const owners: string[] = [];
  const seen = new Set<string>();
  for (const name of [action.organisation, ...action.organisations]) {
    if (name === null) continue;
    const trimmed = name.trim();
    const key = normaliseKey(trimmed);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    owners.push(trimmed);
  }
  return owners;
}

/**
 * The actions with every owner written as the partnership's own name for it (`canonical` maps a name or
 * alias to that name, or gives back the name it does not know), so that a plan calling a trust by an
 * alias this time and by its name last time is not a change; two names for one owner become one.
 */
export function withCanonicalOwners(
  actions: readonly ParsedAction[],
  canonical: (name: string) => string,
): ParsedAction[] {
  return actions.map((a) => {
    const owners = actionOwners({ organisation: null, organisations: actionOwners(a).map(canonical) });
    return { ...a, organisation: owners[0] ?? null, organisations: owners };
  });
}

export function compareActions(before: ActionSnapshot, after: ActionSnapshot): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of COMPARED_FIELDS) {
    if (!sameField(field, before, after)) {
      const b = before[field];
      const a = after[field];
      changes[field] = { before: Array.isArray(b) ? [...b] : b, after: Array.isArray(a) ? [...a] : a };
    }
  }
  return changes;
}

function words(action: ActionSnapshot): Set<string> {
  const text = normaliseText(`${action.finding} ${action.action}`);
  return new Set(text === "" ? [] : text.split(" "));
}

/** Jaccard similarity of the words of finding and action; null when either says nothing. */
function similarity(a: Set<string>, b: Set<string>): number | null {
  if (a.size === 0 || b.size === 0) return null;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

interface Side<T> {
  item: T;
  order: number;
  words: Set<string>;
}

/**
 * Pairs the members of one key group, most similar first, then nearest in order. Pairs scoring below
 * `minScore` stay unpaired (an unknown similarity counts as `unknownScore`).
 */
function pairGroup<A, B>(
  olds: Side<A>[],
  news: Side<B>[],
  minScore: number,
  unknownScore: number,
): [Side<A>, Side<B>][] {
  if (olds.length === 1 && news.length === 1) {
    const [o, n] = [olds[0] as Side<A>, news[0] as Side<B>];
    return (similarity(o.words, n.words) ?? unknownScore) >= minScore ? [[o, n]] : [];
  }
  const candidates: { o: number; n: number; score: number; distance: number }[] = [];
  olds.forEach((o, oi) => {
    news.forEach((n, ni) => {
      const score = similarity(o.words, n.words) ?? unknownScore;
      if (score >= minScore) candidates.push({ o: oi, n: ni, score, distance: Math.abs(oi - ni) });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.distance - y.distance || x.o - y.o || x.n - y.n);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: [Side<A>, Side<B>][] = [];
  for (const c of candidates) {
    if (usedOld.has(c.o) || usedNew.has(c.n)) continue;
    usedOld.add(c.o);
    usedNew.add(c.n);
    pairs.push([olds[c.o] as Side<A>, news[c.n] as Side<B>]);
  }
  return pairs;
}

function groupBy<T>(items: Iterable<T>, key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// A ref alone may be reused for a different action in another section; require some common wording.
const REF_ONLY_MIN_SIMILARITY = 0.3;
const REF_ONLY_MIN_SIMILARITY_AMBIGUOUS = 0.5;
const UNKNOWN_SIMILARITY = 0.4;

/**
 * Matches incoming actions to stored ones: by section and ref; then, for what is left, by ref alone
 * (sections renamed or re-cut) when the wording agrees; then by the text of finding and action (refs
 * empty or renumbered). A match to a withdrawn action reinstates it.
 */
export function diffPlanActions<E extends ExistingAction>(
  existing: readonly E[],
  incoming: readonly ParsedAction[],
): PlanDiff<E> {
  const olds: Side<E>[] = existing.map((item, order) => ({ item, order, words: words(item) }));
  const news: Side<ParsedAction>[] = incoming.map((item, order) => ({ item, order, words: words(item) }));
  const match = new Map<number, { old: Side<E>; rule: MatchRule }>();
  const matchedOld = new Set<number>();

  const pass = (
    rule: MatchRule,
    key: (a: ActionSnapshot) => string | null,
    minScore: (groupSize: number) => number,
  ) => {
    const oldGroups = groupBy(
      olds.filter((o) => !matchedOld.has(o.order)),
      (o) => key(o.item),
    );
    const newGroups = groupBy(
      news.filter((n) => !match.has(n.order)),
      (n) => key(n.item),
    );
    for (const [k, newGroup] of newGroups) {
      const oldGroup = oldGroups.get(k);
      if (!oldGroup) continue;
      const ambiguous = oldGroup.length > 1 || newGroup.length > 1 ? 2 : 1;
      for (const [o, n] of pairGroup(oldGroup, newGroup, minScore(ambiguous), UNKNOWN_SIMILARITY)) {
        match.set(n.order, { old: o, rule });
        matchedOld.add(o.order);
      }
    }
  };

  const refKey = (a: ActionSnapshot) => {
    const ref = normaliseRef(a.ref);
    return ref === "" ? null : ref;
  };
  pass(
    "section-and-ref",
    (a) => {
      const ref = refKey(a);
      return ref === null ? null : `${normaliseKey(a.section)}\u0000${ref}`;
    },
    () => Number.NEGATIVE_INFINITY,
  );
  pass("ref", refKey, (size) => (size === 1 ? REF_ONLY_MIN_SIMILARITY : REF_ONLY_MIN_SIMILARITY_AMBIGUOUS));
  pass(
    "text",
    (a) => {
      const text = normaliseText(`${a.finding}\u0000${a.action}`);
      return text === "" ? null : text;
    },
    () => Number.NEGATIVE_INFINITY,
  );

  const entries: ActionDiffEntry<E>[] = [];
  const counts: DiffCounts = { added: 0, changed: 0, unchanged: 0, withdrawn: 0, reinstated: 0 };
  for (const n of news) {
    const m = match.get(n.order);
    if (!m) {
      entries.push({ kind: "added", index: n.order, parsed: n.item });
      counts.added++;
      continue;
    }
    const changes = compareActions(m.old.item, { ...n.item, organisations: actionOwners(n.item) });
    let kind: "changed" | "unchanged" | "reinstated";
    if (m.old.item.withdrawn) {
      kind = "reinstated";
      changes.withdrawn = { before: true, after: false };
    } else {
      kind = Object.keys(changes).length > 0 ? "changed" : "unchanged";
    }
    counts[kind]++;
    entries.push({ kind, index: n.order, parsed: n.item, existing: m.old.item, matchedBy: m.rule, changes });
  }
  for (const o of olds) {
    if (matchedOld.has(o.order) || o.item.withdrawn) continue;
    entries.push({
      kind: "withdrawn",
      existing: o.item,
      changes: { withdrawn: { before: false, after: true } },
    });
    counts.withdrawn++;
  }
  return { entries, counts };
}

/** The compared fields in the order a person reads them, with the words shown for each. */
export const FIELD_LABELS: readonly (readonly [ComparedField, string])[] = [
  ["section", "Section"],
  ["ref", "Ref"],
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
];

/** One changed field as a person reads it. */
export interface ChangedField {
  field: string;
  before: string;
  after: string;
}

/** What an import would do to a plan, as the import preview shows it. */
export interface DiffSummary {
  added: { section: string; ref: string }[];
  withdrawn: { section: string; ref: string }[];
  changed: { section: string; ref: string; changes: ChangedField[] }[];
  unchanged: number;
}

export function fieldText(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return value;
}

const FIELD_ORDER: readonly string[] = FIELD_LABELS.map(([field]) => field);

function fieldRank(field: string): number {
  const i = FIELD_ORDER.indexOf(field);
  return i === -1 ? FIELD_ORDER.length : i;
}

/** The diff as the import preview shows it: an action coming back to the plan is new to it as it stands. */
export function summariseDiff(entries: readonly ActionDiffEntry<ExistingAction>[]): DiffSummary {
  const summary: DiffSummary = { added: [], withdrawn: [], changed: [], unchanged: 0 };
  for (const e of entries) {
    if (e.kind === "withdrawn") {
      summary.withdrawn.push({ section: e.existing.section, ref: e.existing.ref });
    } else if (e.kind === "added" || e.kind === "reinstated") {
      summary.added.push({ section: e.parsed.section, ref: e.parsed.ref });
    } else if (e.kind === "unchanged") {
      summary.unchanged++;
    } else {
      const changes: ChangedField[] = Object.entries(e.changes)
        .filter(([field]) => field !== "withdrawn")
        .sort(([a], [b]) => fieldRank(a) - fieldRank(b))
        .map(([field, change]) => ({
          field,
          before: fieldText(change?.before),
          after: fieldText(change?.after),
        }));
      summary.changed.push({ section: e.parsed.section, ref: e.parsed.ref, changes });
    }
  }
  return summary;
}
