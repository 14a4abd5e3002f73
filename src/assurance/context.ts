import { formatLongDate, parseBritishDate } from "../domain/dates.js";
import type { CompiledRules } from "./compile.js";
import { dayNumber } from "./days.js";
import { type Owner, ownerOf } from "./owner.js";
import { type ProgressReading, readProgress } from "./progress.js";
import { type Marker, scanText } from "./scan.js";
import { type ActionPhrase, actionPhrase, clauseSpans, type Span } from "./text.js";
import type { AssuredAction, Finding, FindingKind, Severity } from "./types.js";

/** What every rule may read: the date, the cadence, the plan, the compiled data, and facts about the action. */
export interface RuleContext {
  asOf: string;
  /** Owners repeat across a plan's actions; resolved once per (organisation, section, lead). */
  ownerCache: Map<string, Owner>;
  /** Sections that are themes several agencies' actions sit under, not an agency's own heading. */
  themeSections: ReadonlySet<string>;
  asOfDay: number;
  cadenceDays: number;
  plan: { title: string; asOf: string | null };
  rules: CompiledRules;
  facts(action: AssuredAction): ActionFacts;
}

export type Rule = (action: AssuredAction, ctx: RuleContext) => Finding | null;

/**
 * Facts about one action that several rules need, each worked out at most once and only when asked for
 * (most actions never need their progress read or their owner's names resolved).
 */
export class ActionFacts {
  private dueCache: { iso: string | null; day: number | null } | undefined;
  private progressCache: ProgressReading | undefined;
  private ownerCache: Owner | undefined;
  private phraseCache: ActionPhrase | undefined;
  private actionMarkersCache: Marker[] | undefined;
  private progressMarkersCache: Marker[] | undefined;
  private actionSpansCache: Span[] | undefined;
  private progressSpansCache: Span[] | undefined;
  private memos: Map<object, unknown> | undefined;

  constructor(
    readonly action: AssuredAction,
    private readonly rules: CompiledRules,
    private readonly owners: Map<string, Owner>,
    private readonly themes: ReadonlySet<string>,
  ) {}

  /** The lexicon markers of the action text and of the progress (one scan each, shared by the rules). */
  get actionMarkers(): Marker[] {
    this.actionMarkersCache ??= scanText(this.action.action, this.rules.scanner);
    return this.actionMarkersCache;
  }

  get progressMarkers(): Marker[] {
    this.progressMarkersCache ??= scanText(this.action.progress, this.rules.scanner);
    return this.progressMarkersCache;
  }

  /** The clauses of the action text and of the progress, with their places (one split each). */
  get actionSpans(): Span[] {
    this.actionSpansCache ??= clauseSpans(this.action.action);
    return this.actionSpansCache;
  }

  get progressSpans(): Span[] {
    this.progressSpansCache ??= clauseSpans(this.action.progress);
    return this.progressSpansCache;
  }

  /** The due date, or the date a timescale written as text stands for ("End June 2020" → its last day). */
  get due(): { iso: string | null; day: number | null } {
    if (!this.dueCache) {
      let iso = this.action.due;
      if (!iso && this.action.dueText.trim()) iso = parseBritishDate(this.action.dueText).date;
      this.dueCache = { iso: iso ?? null, day: dayNumber(iso) };
    }
    return this.dueCache;
  }

  get progress(): ProgressReading {
    this.progressCache ??= readProgress(
      this.action.progress,
      this.rules,
      this.progressMarkers,
      this.progressSpans,
    );
    return this.progressCache;
  }

  get owner(): Owner {
    if (!this.ownerCache) {
      const a = this.action;
      const key = `${a.organisation ?? ""}\u0000${a.section}\u0000${a.lead}\u0000${(a.organisations ?? []).join("\u0001")}`;
      let owner = this.owners.get(key);
      if (!owner) {
        owner = ownerOf(a, this.rules, this.themes.has(a.section));
        this.owners.set(key, owner);
      }
      this.ownerCache = owner;
    }
    return this.ownerCache;
  }

  /** What one rule concluded about this action, for another rule to read: worked out once, keyed by the rule. */
  once<T>(key: object, compute: () => T): T {
    this.memos ??= new Map();
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  get phrase(): ActionPhrase {
    this.phraseCache ??= actionPhrase(this.action.action, this.rules);
    return this.phraseCache;
  }
}

export function createContext(
  asOf: string,
  cadenceDays: number,
  plan: { title: string; asOf: string | null },
  rules: CompiledRules,
  themeSections: ReadonlySet<string> = new Set(),
): RuleContext {
  const asOfDay = dayNumber(asOf);
  if (asOfDay === null) throw new RangeError(`as-of date must be YYYY-MM-DD, got "${asOf}"`);
  let current: ActionFacts | null = null;
  const ownerCache = new Map<string, Owner>();
  return {
    asOf,
    ownerCache,
    themeSections,
    asOfDay,
    cadenceDays,
    plan,
    rules,
    facts(action) {
      if (current?.action !== action) current = new ActionFacts(action, rules, ownerCache, themeSections);
      return current;
    },
  };
}

export function finding(
  action: AssuredAction,
  kind: FindingKind,
  severity: Severity,
  reason: string,
  question: string,
): Finding {
  return {
    kind,
    severity,
    section: action.section,
    organisation: action.organisation,
    ref: action.ref,
    reason,
    question,
  };
}

/**
 * "2020-04-30" → "30 April 2020". Plans share a few hundred dates among thousands of findings, so each is
 * written once; the table is dropped when it grows past a bound so it cannot grow without end.
 */
export function longDate(iso: string): string {
  let text = longDates.get(iso);
  if (text === undefined) {
    if (longDates.size >= 20_000) longDates.clear();
    text = formatLongDate(iso);
    longDates.set(iso, text);
  }
  return text;
}

const longDates = new Map<string, string>();

/**
 * The rating as the plan writes it, short: an importer may give the key's meaning and the word together
 * ("Action in progress and on track for completion / In Progress"); the word is what the plan shows.
 */
export function statusWord(action: AssuredAction): string {
  const t = action.statusText.trim();
  const slash = t.lastIndexOf(" / ");
  const word = slash >= 0 ? t.slice(slash + 3).trim() : t;
  return word.length > 40 ? "" : word;
}

/** ` (“In progress”)` when the plan's own wording says more than the status string. */
export function ratingNote(action: AssuredAction): string {
  const t = statusWord(action);
  if (!t || t.toLowerCase().replace(/[\s_]+/g, "-") === action.status) return "";
  return ` (“${t}”)`;
}

/** The rating as the plan writes it, for questions: “Green”, or the status in words. */
export function ratingWord(action: AssuredAction): string {
  const t = statusWord(action);
  if (t) return `“${t}”`;
  return action.status.replace(/-/g, " ");
}

export function byThreshold<T extends { severity: Severity }>(
  steps: readonly T[],
  test: (step: T) => boolean,
): Severity {
  for (const step of steps) if (test(step)) return step.severity;
  return steps[steps.length - 1]?.severity ?? "medium";
}
