import type { CompiledRules } from "../compile.js";
import { finding, type RuleContext, ratingNote } from "../context.js";
import { impactClause } from "../progress.js";
import { clauses, fill, quote } from "../text.js";
import type { AssuredAction, Finding } from "../types.js";

/**
 * Rated completed with evidence of impact, but neither the progress nor the evidence-of-impact column
 * describes a measurable effect: a change in figures, an audit or survey result, a before-and-after
 * comparison, or feedback showing change. Counts of staff trained or "now in place" are outputs, and so is
 * a rate of use of the very thing the action introduced ("94% of CP cases have an up to date chronology"
 * for an action to introduce a chronology): that is compliance, not a change in outcomes.
 */
export function impactNotEvidenced(action: AssuredAction, ctx: RuleContext): Finding | null {
  if (action.status !== "completed-with-impact") return null;
  const rules = ctx.rules;
  if (
    hasEffect(action.evidenceOfImpact, action.action, rules) ||
    hasEffect(action.progress, action.action, rules)
  )
    return null;
  const w = rules.data.wording.impactNotEvidenced;
  const facts = ctx.facts(action);
  const delivered = facts.progress.delivered;
  const output = delivered ? fill(w.outputNote, { quote: quote(delivered.text, 100) }) : "";
  const rating = `completed with evidence of impact${ratingNote(action)}`;
  const reason = fill(w.reason, { rating, output });
  const question = fill(w.question, { np: facts.phrase.text });
  return finding(action, "impact-not-evidenced", w.severity, reason, question);
}

function hasEffect(text: string, actionText: string, rules: CompiledRules): boolean {
  const first = impactClause(text, rules);
  if (!first) return false;
  if (!isUptake(first, actionText, rules)) return true;
  // The first figure was only uptake; any other clause showing an effect still counts.
  for (const c of clauses(text)) {
    if (c === first) continue;
    const hit = impactClause(c, rules);
    if (hit && !isUptake(hit, actionText, rules)) return true;
  }
  return false;
}

const RATE = /\d+(?:\.\d+)?\s?%|\b\d+\s+(?:out\s+)?of\s+(?:the\s+)?\d+\b/;
/** Words of an action too common to say what its deliverable is. */
const GENERIC = new Set(
  "every child children young people person family families case cases plan plans staff practitioners agency agencies partner partners multi-agency multi agency service services team teams within where which their there these those about after before other under".split(
    " ",
  ),
);

/**
 * A bare rate (no change, comparison, result or outcome) of something named in the action itself: the
 * uptake of the deliverable, an output.
 */
function isUptake(clause: string, actionText: string, rules: CompiledRules): boolean {
  if (!RATE.test(clause)) return false;
  if (
    rules.impactComparison.test(clause) ||
    rules.impactChange.test(clause) ||
    rules.impactAbsolute.test(clause) ||
    rules.outcomeCount.test(clause) ||
    (rules.impactSource.test(clause) && rules.impactResult.test(clause))
  )
    return false;
  const stems = new Set<string>();
  for (const w of actionText.toLowerCase().match(/[a-z][a-z'’-]{4,}/g) ?? [])
    if (!GENERIC.has(w)) stems.add(w.slice(0, 5));
  for (const w of clause.toLowerCase().match(/[a-z][a-z'’-]{4,}/g) ?? [])
    if (!GENERIC.has(w) && stems.has(w.slice(0, 5))) return true;
  return false;
}
