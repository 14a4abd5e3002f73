import type { CompiledRules } from "../compile.js";
import { finding, type RuleContext } from "../context.js";
import { CAT, type Marker, markersBetween, scanText } from "../scan.js";
import { clauseSpans, fill, quote, type Span } from "../text.js";
import type { AssuredAction, Finding, Severity } from "../types.js";
import { wordsBefore } from "../words.js";

const DATED_TEXT = /\b(?:19|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/;
const LEVEL = /\blevel\s*(?:[1-5]|one|two|three|four|five)\b/gi;
const COORDINATORS = new Set(["and", "&", "then"]);
const WH = new Set(["who", "what", "how", "where", "when", "which", "whom", "whether"]);
const FOLLOWED_BY_OF = /^\s+of\b/i;
const VERBAL_PP_AFTER =
  /^(?:\s*$|\s*[.,;:!?()]|\s+(?:to|in|on|at|by|for|with|and|from|into|across|within|and|as|through|under|every|each|all|quarterly|monthly|weekly|annually)\b)/i;
const SEVERITY_ORDER: Severity[] = ["high", "medium", "low"];

type Lead = { index: number; end: number; kind: "vague" | "concrete"; word: string; verb: boolean };
const HEDGE_WINDOW_END = /\s+and\s|,\s|;\s/;

/**
 * Not SMART: no named lead, no due date (and no date in the timescale text), or an action with no
 * measurable outcome — only "review", "consider", "monitor", "work with" and the like, with no deliverable,
 * change or measure (finding 32 of plan 001 is this complaint). Not-applicable actions are not checked.
 */
export function notSmart(action: AssuredAction, ctx: RuleContext): Finding | null {
  const rules = ctx.rules;
  if (rules.notSmartIgnore.has(action.status)) return null;
  const w = rules.data.wording.notSmart;
  const facts = ctx.facts(action);
  const reasons: string[] = [];
  const questions: string[] = [];
  const severities: Severity[] = [];
  // The reason quotes the action already; a question can just say "this action".
  const np = facts.phrase.kind === "quoted" ? "this action" : facts.phrase.text;
  const org = facts.owner.short;
  const lead = action.lead.trim();
  if (rules.noLead.test(lead)) {
    reasons.push(fill(w.reason.noLead, { leadText: lead ? ` (“${lead}”)` : "" }));
    questions.push(fill(w.question.noLead, { np, org }));
    severities.push(w.severity.noLead);
  }
  const dueText = action.dueText.trim();
  if (facts.due.iso === null && !DATED_TEXT.test(dueText)) {
    reasons.push(fill(w.reason.noDue, { dueText: dueText ? ` (timescale “${dueText}”)` : "" }));
    questions.push(fill(w.question.noDue, { np, org }));
    severities.push(w.severity.noDue);
  }
  const measure = measurableOutcome(action.action, rules, facts.actionMarkers, facts.actionSpans);
  if (!measure.measurable) {
    const how = measure.vague ? fill(w.how.vague, { word: measure.vague }) : w.how.none;
    reasons.push(fill(w.reason.noMeasure, { quote: quote(action.action || "(none)", 100), how }));
    questions.push(fill(w.question.noMeasure, { np, org }));
    severities.push(w.severity.noMeasure);
  }
  if (reasons.length === 0) return null;
  const severity = SEVERITY_ORDER.find((s) => severities.includes(s)) ?? "low";
  return finding(action, "not-smart", severity, reasons.join(" "), questions.join(" "));
}

/**
 * Whether an action names something that can be delivered or measured. Each clause is led by its first
 * verb or noun of action: "Review of capacity and resource assigned" is led by "review" and has nothing
 * concrete; "Review the governance … and roll out Signs of Safety training" has a concrete second verb;
 * "Work with the ICB to agree a joint protocol" has a concrete purpose. A hedge ("where appropriate",
 * "attempt to") takes the concreteness away.
 */
export function measurableOutcome(
  text: string,
  rules: CompiledRules,
  all: Marker[] = scanText(text, rules.scanner),
  spans: readonly Span[] = clauseSpans(text),
): { measurable: boolean; vague: string | null } {
  let vague: string | null = null;
  for (const span of spans) {
    let markers = markersBetween(all, span.start, span.end);
    let start = span.start;
    let end = span.end;
    const cut = markers.find((m) => (m.mask & CAT.purpose) !== 0 && m.index > span.start);
    if (cut) {
      end = cut.index;
      markers = markers.filter((m) => m.index < end);
    }
    // "Ensure that …", "All …": the clause is about what follows.
    while (
      markers[0] &&
      markers[0].mask & CAT.transparent &&
      /^\W*$/.test(text.slice(start, markers[0].index))
    ) {
      start = markers[0].end;
      markers = markers.slice(1);
    }
    const clause = text.slice(start, end);
    if (rules.measure.test(clause)) return { measurable: true, vague: null };
    const leads = leading(text, start, end, markers, rules);
    const first = leads[0];
    if (!first) continue;
    if (first.kind === "concrete" && !hedgedAfter(text, first.end, end, all))
      return { measurable: true, vague: null };
    for (const m of leads.slice(1)) {
      if (m.kind !== "concrete" || !m.verb || /ing$/i.test(m.word)) continue;
      const before = wordsBefore(text, m.index, 3, start);
      const w1 = before[before.length - 1] ?? "";
      const w2 = before[before.length - 2] ?? "";
      const w3 = before[before.length - 3] ?? "";
      const semicolon = text.slice(Math.max(start, m.index - 3), m.index).includes(";");
      const after = text.slice(m.end, end);
      const coordinated =
        (COORDINATORS.has(w1) || semicolon) && (!/ed$/i.test(m.word) || VERBAL_PP_AFTER.test(after));
      // "to agree", "to be established" — but not "who to contact" or "attempt to secure".
      const toAt = w1 === "to" ? 2 : w1 === "be" && w2 === "to" ? 3 : 0;
      const beforeTo = toAt === 2 ? w2 : w3;
      const purpose =
        toAt > 0 &&
        !WH.has(beforeTo) &&
        !rules.hedgeVerbs.has(beforeTo) &&
        !rules.complementNouns.has(beforeTo);
      if ((coordinated || purpose) && !hedgedAfter(text, m.end, end, all))
        return { measurable: true, vague: null };
    }
    if (first.kind === "vague") vague ??= first.word.toLowerCase();
  }
  return { measurable: false, vague };
}

/** A hedge in the same verb phrase ("implement training as necessary"), not further along the clause. */
function hedgedAfter(text: string, from: number, end: number, markers: readonly Marker[]): boolean {
  const rest = text.slice(from, end);
  const stop = HEDGE_WINDOW_END.exec(rest);
  const limit = stop ? from + stop.index : end;
  // A hedge that closes the clause after a comma qualifies all of it: "to refer families to the service,
  // where appropriate".
  return markers.some(
    (m) =>
      (m.mask & CAT.hedge) !== 0 &&
      m.index >= from &&
      (m.index < limit ||
        (CLOSING_HEDGE_BEFORE.test(text.slice(from, m.index)) && /^\W*$/.test(text.slice(m.end, end)))),
  );
}

const CLOSING_HEDGE_BEFORE = /,\s*$/;

const DETERMINERS = new Set([
  "",
  "all",
  "the",
  "a",
  "an",
  "every",
  "each",
  "any",
  "our",
  "their",
  "its",
  "of",
  "for",
  "in",
  "to",
]);
const NOUN_AFTER = /^\s+([a-z][a-z'’-]*)/;
const NOT_NOUN = new Set(
  "to in on at by for with and or from into across within as through under every each all the a an their its our this that these those".split(
    " ",
  ),
);

/** A past participle between a determiner (or the clause start) and a noun: an adjective, not a verb. */
function attributive(text: string, m: Marker, start: number): boolean {
  if (!/ed$/i.test(m.word) || m.word.includes(" ")) return false;
  const before = wordsBefore(text, m.index, 1, start)[0] ?? "";
  if (!DETERMINERS.has(before.toLowerCase())) return false;
  const next = NOUN_AFTER.exec(text.slice(m.end, m.end + 40));
  return next?.[1] !== undefined && !NOT_NOUN.has(next[1]);
}

/** The verbs and nouns of action in a clause, vague or concrete, in order. */
function leading(
  text: string,
  start: number,
  end: number,
  markers: readonly Marker[],
  rules: CompiledRules,
): Lead[] {
  const out: Lead[] = [];
  for (const m of markers) {
    if (m.mask & CAT.vague) {
      // "All maintained schools", "the monitored cases": a participle naming a kind of thing, not a verb.
      if (attributive(text, m, start)) continue;
      out.push({ index: m.index, end: m.end, kind: "vague", word: m.word, verb: true });
    } else if (m.mask & CAT.concreteVerb) {
      // "use of", "audit of": the noun, which counts only if it is a deliverable noun.
      const nounUse = !/(?:ed|ing)$/i.test(m.word) && FOLLOWED_BY_OF.test(text.slice(m.end, end));
      if (nounUse && (m.mask & (CAT.concreteNoun | CAT.nominal)) === 0) continue;
      out.push({ index: m.index, end: m.end, kind: "concrete", word: m.word, verb: !nounUse });
    } else if (m.mask & (CAT.concreteNoun | CAT.nominal)) {
      out.push({ index: m.index, end: m.end, kind: "concrete", word: m.word, verb: false });
    }
  }
  const clause = text.slice(start, end);
  LEVEL.lastIndex = 0;
  for (let m = LEVEL.exec(clause); m; m = LEVEL.exec(clause)) {
    out.push({
      index: start + m.index,
      end: start + m.index + m[0].length,
      kind: "concrete",
      word: m[0],
      verb: false,
    });
  }
  LEVEL.lastIndex = 0;
  if (out.length > 1) out.sort((a, b) => a.index - b.index);
  void rules;
  return out;
}
