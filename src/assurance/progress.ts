import type { CompiledRules } from "./compile.js";
import { CAT, type Marker, markersBetween, scanText } from "./scan.js";
import { clauseSpans, clauses, type Span } from "./text.js";
import { nextToken, previousWord, wordsBefore } from "./words.js";

/**
 * Reading a progress update the way a scrutineer does: which parts report a delivered change, which only
 * an input (a review, a meeting, funding), a plan or intention, work still in progress, or a delay.
 */
export type ClauseKind =
  | "delivered"
  | "input"
  | "intent"
  | "ongoing"
  | "delay"
  | "declared"
  /** Only the rating again ("G – on plan"). */
  | "rating"
  | "neutral";

export interface Clause {
  text: string;
  kind: ClauseKind;
  /** Where in the clause something done is first reported (-1 if nowhere). */
  deliveredAt: number;
  /** The lexicon markers of the clause; their indexes are into the whole text, which starts `offset` before the clause. */
  markers: Marker[];
  offset: number;
}

export interface ProgressReading {
  clauses: Clause[];
  /** Nothing but a completion mark, "see above", "N/A" or the like (or nothing at all). */
  noEvidence: boolean;
  empty: boolean;
  declaresDone: boolean;
  delivered: Clause | null;
  delay: Clause | null;
  /** Every clause that says anything is a plan or intention. */
  onlyPlanned: boolean;
}

/** Words after which a participle reports something done: "has been delivered", "now used". */
const AUXILIARY = new Set(
  "has have had was were been is are now successfully recently also fully already then and all".split(" "),
);
/** Words before a participle that make it not (yet) done: "to be delivered", "not delivered", "once agreed". */
const BLOCKING = new Set(
  "be being not never once if until unless when no yet hasn't haven't wasn't weren't isn't aren't hasn’t haven’t wasn’t weren’t isn’t aren’t".split(
    " ",
  ),
);
/** Words that may follow a participle used as a verb ("delivered to", "issued in"), not as an adjective ("revised policy"). */
const VERBAL_NEXT = new Set(
  "to in on at by for with and from into across within since during throughout through over under as via every each all the a an their its our this these those some out up off now successfully recently monthly weekly quarterly annually regularly jointly fully also so but or following after before between among who which that where last two three four five six seven eight nine ten more further both level levels jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december".split(
    " ",
  ),
);

function blockedBefore(text: string, index: number, from: number): boolean {
  const [w2 = "", w1 = ""] = padLeft(wordsBefore(text, index, 2, from));
  if (BLOCKING.has(w1) || BLOCKING.has(w2)) {
    // "has been delivered" is done; "not been delivered", "to be fully delivered" are not.
    if (w1 === "been" && !BLOCKING.has(w2)) return false;
    return true;
  }
  return false;
}

function padLeft(words: string[]): [string, string] {
  return words.length >= 2 ? [words[0] ?? "", words[1] ?? ""] : ["", words[0] ?? ""];
}

function verbalAfter(text: string, end: number, to: number): boolean {
  const next = nextToken(text, end, to);
  return next === "end" || next === "punct" || /^\d/.test(next) || VERBAL_NEXT.has(next);
}

const NUMBER_EVIDENCE = /\d+(?:\.\d+)?\s?%|\b\d+\s+(?:out\s+)?of\s+(?:the\s+)?\d+\b/;
const AGREED_TO = /^\s+(?:that|to\s+\w+|(?:[\w'’-]+\s+){0,4}?in\s+principle)/i;

const NOW_PLANNING = /^\s+(?:\w+\s+)?(?:plan|planning|propos|consider|explor|look|hop|aim|await|wait)/i;
const DRAFT = /\b(?:draft|drafted|in draft)\b/i;

export function readProgress(
  text: string,
  rules: CompiledRules,
  markers: Marker[] = scanText(text, rules.scanner),
  spans: readonly Span[] = clauseSpans(text),
): ProgressReading {
  const trimmed = text.trim();
  const read: Clause[] = [];
  for (const span of spans) {
    const own = markersBetween(markers, span.start, span.end);
    const { kind, deliveredAt } = classifySpan(text, span, own, rules);
    read.push({ text: span.text, kind, deliveredAt, markers: own, offset: span.start });
  }
  let delivered: Clause | null = null;
  let delay: Clause | null = null;
  let declaresDone = false;
  let planned = 0;
  let other = 0;
  const recovered = markers.some((m) => (m.mask & CAT.recovered) !== 0);
  for (const c of read) {
    if (c.kind === "delivered" && !delivered) delivered = c;
    if (c.kind === "delay" && !delay && !recovered) delay = c;
    if (c.kind === "declared") declaresDone = true;
    if (c.kind === "intent") planned++;
    else if (c.kind === "neutral" && DATE_HEADER.test(c.text)) continue;
    else if (c.kind !== "declared" && c.kind !== "rating") other++;
  }
  if (!delay && !recovered && /\b(?:once|when|until|till|after)\b/i.test(text)) {
    const waiting = read.find((c) => rules.waiting.test(c.text));
    if (waiting) delay = waiting;
  }
  const noEvidence =
    trimmed.length === 0 ||
    rules.noEvidence.test(trimmed) ||
    read.every((c) => c.kind === "declared" || c.kind === "rating");
  return {
    clauses: read,
    noEvidence,
    empty: trimmed.length === 0,
    declaresDone,
    delivered,
    delay,
    onlyPlanned: planned > 0 && other === 0,
  };
}

/** "Update 15/07/27:", "Position statement (08/10/27)": the date of an entry, which reports nothing itself. */
const DATE_HEADER =
  /^\W*(?:[A-Za-z]{1,12}\.?\s+){0,3}\(?(?:\d{1,2}(?:st|nd|rd|th)?[\s./-]+(?:\d{1,2}|[A-Za-z]{3,9})(?:[\s./-]+\d{2,4})?|[A-Za-z]{3,9}\s+\d{4}|\d{4}-\d{2}-\d{2})\)?\W*$/;

/** The kind of one clause of a text, given the markers found in it, and where it reports something done. */
function classifySpan(
  text: string,
  span: Span,
  markers: Marker[],
  rules: CompiledRules,
): { kind: ClauseKind; deliveredAt: number } {
  const clause = span.text;
  const k = (kind: ClauseKind, deliveredAt = -1) => ({ kind, deliveredAt });
  if (rules.declaredDone.test(clause)) return k("declared");
  if (rules.ratingOnly.test(clause)) return k("rating");
  // "Q: Has the feed been built?": a question reports nothing done.
  if (clause.charCodeAt(clause.length - 1) === 63) return k("neutral");
  let delay = false;
  let negatedDelay = false;
  let intentAt = -1;
  let ongoingAt = -1;
  const inputPast = markers.some((m) => (m.mask & CAT.inputPast) !== 0);
  for (const m of markers) {
    if (m.mask & (CAT.delayNegation | CAT.recovered)) negatedDelay = true;
    if (m.mask & CAT.delay) delay = true;
    // "Business case submitted": a plan's paper, once submitted, is an input, not a plan.
    if (m.mask & CAT.intent && intentAt < 0 && !(m.mask & CAT.inputNoun && inputPast))
      intentAt = m.index - span.start;
    if (m.mask & CAT.ongoing && ongoingAt < 0) ongoingAt = m.index - span.start;
    // "toolkit being refreshed": a deed under way, whichever verb it is.
    if (m.mask & CAT.deliveryPast && ongoingAt < 0 && previousWord(text, m.index, span.start) === "being")
      ongoingAt = m.index - span.start;
  }
  if (delay && !negatedDelay) return k("delay");
  const deliveredAt = firstDeliveredAt(text, span, markers, rules);
  if (deliveredAt.index >= 0 && (intentAt < 0 || deliveredAt.index < intentAt)) {
    if (deliveredAt.input) return k("input");
    // "Draft protocol written and shared": work done, but not the finished thing.
    if (DRAFT.test(clause)) return k("ongoing");
    return k("delivered", deliveredAt.index);
  }
  if (ongoingAt >= 0 && (intentAt < 0 || ongoingAt < intentAt)) return k("ongoing");
  if (intentAt >= 0) return k(rules.dataOffer.test(clause) ? "neutral" : "intent");
  if (inputPast) return k("input");
  return k("neutral");
}

/**
 * "Guidance agreed and launched at the forum": a thing (not itself an input) agreed and, joined by "and", put
 * out by a delivery verb that is not ambivalent, is delivered; the meeting is where it was launched.
 */
function deliveredAlongside(text: string, m: Marker, markers: readonly Marker[]): boolean {
  // "Review completed and shared": what was done is still the input itself.
  if (markers.some((x) => (x.mask & CAT.inputNoun) !== 0 && x.index < m.index)) return false;
  const next = markers.find((x) => x.index >= m.end);
  return (
    next !== undefined &&
    (next.mask & CAT.deliveryPast) !== 0 &&
    (next.mask & CAT.ambivalent) === 0 &&
    AND_ONLY.test(text.slice(m.end, next.index))
  );
}

const AND_ONLY = /^\s*(?:and|&)\s*$/i;

/** "Plans are in place to …" is a plan, not something in place. */
function plansAre(text: string, index: number, from: number): boolean {
  const words = wordsBefore(text, index, 3, from).filter((w) => w !== "now");
  const n = words.length;
  return n >= 2 && (words[n - 1] === "are" || words[n - 1] === "is") && /^plans?$/.test(words[n - 2] ?? "");
}

/** Kind of a lone piece of text (scans it itself). */
export function classify(clause: string, rules: CompiledRules): ClauseKind {
  return readClause(clause, rules).kind;
}

/**
 * Where the clause first reports something done: a delivery verb used as a verb (not "the revised policy"),
 * not under "to be", "not" or "once"; a state such as "now in place"; a figure; or feedback. An ambivalent
 * verb ("completed", "held", "agreed", "secured") reporting an input ("review completed", "funding secured")
 * is an input.
 */
function firstDeliveredAt(
  text: string,
  span: Span,
  markers: Marker[],
  rules: CompiledRules,
): { index: number; input: boolean } {
  let best = -1;
  let input = false;
  for (const m of markers) {
    if ((m.mask & CAT.deliveryPast) === 0) continue;
    if (blockedBefore(text, m.index, span.start)) continue;
    if (!AUXILIARY.has(previousWord(text, m.index, span.start)) && !verbalAfter(text, m.end, span.end))
      continue;
    best = m.index;
    const after = text.slice(m.end, Math.min(span.end, m.end + 30));
    if (m.mask & CAT.ambivalent) {
      const limit = m.end + 30;
      input =
        (markers.some((x) => (x.mask & CAT.inputNoun) !== 0 && x.index < limit) || AGREED_TO.test(after)) &&
        !deliveredAlongside(text, m, markers);
    }
    break;
  }
  for (const m of markers) {
    if ((m.mask & CAT.state) === 0) continue;
    if (blockedBefore(text, m.index, span.start) || plansAre(text, m.index, span.start)) continue;
    // "the go-live date", "a live-link": a state word in a compound names a thing, not a state reached.
    if (text.charCodeAt(m.index - 1) === 45 || text.charCodeAt(m.end) === 45) continue;
    if (
      m.word.toLowerCase() === "now" &&
      NOW_PLANNING.test(text.slice(m.end, Math.min(span.end, m.end + 30)))
    )
      continue;
    if (best < 0 || m.index < best) {
      best = m.index;
      input = false;
    }
    break;
  }
  const num = NUMBER_EVIDENCE.exec(span.text);
  if (num && (best < 0 || span.start + num.index < best)) {
    best = span.start + num.index;
    input = false;
  }
  if (best < 0 && rules.feedback.test(span.text)) {
    best = span.start;
    input = false;
  }
  return { index: best < 0 ? -1 : best - span.start, input };
}

/** A lone piece of text read as one clause (scans it itself). */
export function readClause(text: string, rules: CompiledRules): Clause {
  const markers = scanText(text, rules.scanner);
  const { kind, deliveredAt } = classifySpan(text, { start: 0, end: text.length, text }, markers, rules);
  return { text, kind, deliveredAt, markers, offset: 0 };
}

/**
 * An input that is exactly what the action asked for, so counts as delivered: funding for an action to secure
 * funding, the audit for an action to audit.
 */
export function deliversAskedInput(clause: string, actionText: string, rules: CompiledRules): boolean {
  return rules.deliverableMatch.some((m) => m.progress.test(clause) && m.action.test(actionText));
}

const BEFORE_PERIOD =
  /\b(?:before|prior\s+to)\s+(?:the|this|our|its)\s+(?:change|pilot|protocol|policy|service|scheme|introduction|launch|training|briefing|new)\b|\b(?:previously|last\s+year|the\s+previous\s+(?:year|quarter|period))\b/i;
const SINCE =
  /^\W*(?:since|after|following)\b|\b(?:since|after)\s+(?:the|this|its)\s+(?:change|launch|introduction|pilot)\b/i;
const CAPITALISED_NAME = /\b[A-Z][a-z]+(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][a-z]+)+/g;
const OF_THOSE = /^\W*\d+(?:\.\d+)?\s?%\s+of\s+(?:those|them|these|all)\b/i;

/** Whether the progress (or the evidence-of-impact column) describes a measurable effect, not an output. */
export function impactClause(text: string, rules: CompiledRules): string | null {
  let previousOutput = false;
  let before = false;
  for (const c of clauses(text)) {
    // "In the 12 months before the change, none was reported. Since March, 37 have been": periods compared
    // across sentences.
    if (before && SINCE.test(c) && /\d/.test(c) && !rules.outputOnly.test(c)) return c;
    if (BEFORE_PERIOD.test(c)) before = true;
    // "48 staff briefed – 100% of those identified": a rate of the output just named is that output.
    const output: boolean = rules.outputOnly.test(c) || (previousOutput && OF_THOSE.test(c));
    previousOutput = output;
    if (classify(c, rules) === "intent") continue;
    if (rules.impactAbsolute.test(c)) return c;
    const hasNumber = /\d/.test(
      c.replace(
        /\b(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])(?:[/.]\d{2,4})?\b|\b(?:19|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|\bq[1-4]\b|\blevel\s+\d/gi,
        "",
      ),
    );
    const comparative = rules.impactComparison.test(c);
    // "the Violence Reduction Unit grant", "the Quality Improvement Board": a change word in a name is no change.
    const change = rules.impactChange.test(c.replace(CAPITALISED_NAME, " "));
    if (hasNumber && comparative) return c;
    if (hasNumber && change && !output) return c;
    if (!output && /\d+(?:\.\d+)?\s?%|\b\d+\s+(?:out\s+)?of\s+(?:the\s+)?\d+\b/.test(c)) return c;
    if (rules.impactSource.test(c) && rules.impactResult.test(c) && (hasNumber || change) && !output)
      return c;
    if (rules.feedback.test(c) && change) return c;
    if (rules.outcomeCount.test(c)) return c;
  }
  return null;
}
