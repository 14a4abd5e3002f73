import { finding, type RuleContext, ratingNote } from "../context.js";
import { impactClause } from "../progress.js";
import { fill, quote } from "../text.js";
import type { AssuredAction, Finding } from "../types.js";

/**
 * Rated completed with evidence of impact, but neither the progress nor the evidence-of-impact column
 * describes a measurable effect: a change in figures, an audit or survey result, a before-and-after
 * comparison, or feedback showing change. Counts of staff trained or "now in place" are outputs.
 */
export function impactNotEvidenced(action: AssuredAction, ctx: RuleContext): Finding | null {
  if (action.status !== "completed-with-impact") return null;
  const rules = ctx.rules;
  if (impactClause(action.evidenceOfImpact, rules) || impactClause(action.progress, rules)) return null;
  const w = rules.data.wording.impactNotEvidenced;
  const facts = ctx.facts(action);
  const delivered = facts.progress.delivered;
  const output = delivered ? fill(w.outputNote, { quote: quote(delivered.text, 100) }) : "";
  const rating = `completed with evidence of impact${ratingNote(action)}`;
  const reason = fill(w.reason, { rating, output });
  const question = fill(w.question, { np: facts.phrase.text });
  return finding(action, "impact-not-evidenced", w.severity, reason, question);
}
