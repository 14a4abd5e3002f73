import type { CompiledRules } from "../compile.js";
import { finding, type RuleContext, ratingNote } from "../context.js";
import { deliversAskedInput, impactClause, readClause } from "../progress.js";
import { fill, quote } from "../text.js";
import type { AssuredAction, Finding } from "../types.js";
import { deflected } from "./deflected.js";

const RECURRING =
  /\b(?:quarterly|monthly|weekly|fortnightly|annual(?:ly)?|regular(?:ly)?|every|each|routine(?:ly)?|ongoing)\b/i;
const CONTINUES = /\bcontinu(?:e|es|ing|ed)\b/i;

/**
 * Rated complete — a completed status, or on track with progress that declares the action done (a key such
 * as "Green – on track or complete") — where the progress reports no delivered change: only an input, a plan
 * or intention, work still going on, or nothing. An input counts as delivered when it is exactly what the
 * action asked for (funding for an action to secure funding, an audit for an audit).
 */
export function completedWithoutEvidence(action: AssuredAction, ctx: RuleContext): Finding | null {
  const facts = ctx.facts(action);
  const closed = action.status === "completed" || action.status === "completed-with-impact";
  if (!closed && action.status !== "on-track") return null;
  const reading = facts.progress;
  if (!closed && !reading.declaresDone) return null;
  // A measured effect in the evidence-of-impact column shows the change was made, whatever the progress says.
  if (action.evidenceOfImpact.trim() && impactClause(action.evidenceOfImpact, ctx.rules)) return null;
  const w = ctx.rules.data.wording.completedWithoutEvidence;
  const org = facts.owner.short;
  const np = facts.phrase.text;
  const rating = `complete${ratingNote(action)}`;
  if (reading.empty) {
    return finding(
      action,
      "completed-without-evidence",
      w.severity,
      fill(w.reason.empty, { rating }),
      fill(w.question.empty, { org, np }),
    );
  }
  if (reading.noEvidence) {
    const q = quote(action.progress, 100).replace(/[.]$/, "");
    return finding(
      action,
      "completed-without-evidence",
      w.severity,
      fill(w.reason.noEvidence, { rating, quote: q }),
      fill(w.question.other, { org, np, quote: q }),
    );
  }
  // Handed to another body with no deed of the agency's own: whatever the progress says was done, it did not.
  if (closed && deflected(action, ctx)) {
    const q = quote(action.progress, 160).replace(/[.]$/, "");
    return finding(
      action,
      "completed-without-evidence",
      w.severity,
      fill(w.reason.handedOver, { rating, quote: q, org }),
      fill(w.question.other, { org, np, quote: q }),
    );
  }
  if (reading.clauses.some((c) => c.kind === "delivered" && !onlyPreparatory(c.text, action, ctx.rules)))
    return null;
  // Read last, being the dearest: a measured effect in the progress shows the change was made too.
  if (impactClause(action.progress, ctx.rules)) return null;
  const rules = ctx.rules;
  // A recurring action carried on ("audits continue monthly") is being done; work still being built is not.
  const ongoing = reading.clauses.filter((c) => c.kind === "ongoing");
  if (ongoing.length > 0 && ongoing.every((c) => CONTINUES.test(c.text)) && RECURRING.test(action.action))
    return null;
  for (const c of reading.clauses) {
    if (c.kind === "input" || c.kind === "ongoing" || c.kind === "neutral") {
      if (deliversAskedInput(c.text, action.action, rules)) return null;
    }
  }
  // A clause that reports nothing says no more than "no delivered change", which the reason says anyway.
  const named = [...new Set(reading.clauses.map((c) => c.kind))].filter((k) => w.what[k] !== undefined);
  const q = quote(action.progress, 160).replace(/[.]$/, "");
  const reason =
    named.length === 0
      ? fill(w.reason.noChange, { rating, quote: q })
      : fill(w.reason.input, { rating, quote: q, what: joinAnd(named.map((k) => w.what[k] ?? k)) });
  return finding(
    action,
    "completed-without-evidence",
    w.severity,
    reason,
    fill(w.question.other, { org, np, quote: q }),
  );
}

/**
 * "Drop-in model agreed with the heads' forum", "Package commissioned from L&D": a clause whose only deed is a
 * step towards the change — agreeing, approving, commissioning — when the action asked for more than that step.
 */
function onlyPreparatory(clause: string, action: AssuredAction, rules: CompiledRules): boolean {
  rules.preparatory.lastIndex = 0;
  const steps = clause.match(rules.preparatory);
  rules.preparatory.lastIndex = 0;
  if (!steps) return false;
  const asked = (word: string) => new RegExp(`\\b${stem(word)}`, "i").test(action.action);
  if (steps.some(asked)) return false;
  if (deliversAskedInput(clause, action.action, rules)) return false;
  // Read again with each step as a mere discussion: whatever is still delivered was delivered.
  return readClause(clause.replace(rules.preparatory, "discussed"), rules).kind !== "delivered";
}

/** "ratified" → "ratif", "signed off" → "sign": enough of a verb to find it in the action's own words. */
function stem(word: string): string {
  return (word.toLowerCase().split(/[\s-]/)[0] ?? word).slice(0, 5);
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
