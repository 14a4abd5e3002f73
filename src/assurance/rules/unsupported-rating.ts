import { finding, longDate, type RuleContext, ratingNote, ratingWord } from "../context.js";
import { describeDays } from "../days.js";
import { findBodies } from "../owner.js";
import type { Marker } from "../scan.js";
import { fill, quote, sentences } from "../text.js";
import type { AssuredAction, Finding } from "../types.js";

/**
 * A rating better than its own evidence: on track while overdue, or while the progress reports a delay,
 * a pause, work not started, waiting on something, or nothing but plans; and Amber ("minor risk of
 * missing the timescale") long after the timescale has passed.
 */
export function unsupportedRating(action: AssuredAction, ctx: RuleContext): Finding | null {
  if (action.status !== "on-track" && action.status !== "minor-risk") return null;
  const facts = ctx.facts(action);
  const w = ctx.rules.data.wording.unsupportedRating;
  const due = facts.due;
  const overdueDays = due.day !== null ? ctx.asOfDay - due.day : 0;
  const base = {
    status: action.status,
    rating: ratingNote(action),
    ratingWord: ratingWord(action),
    np: facts.phrase.text,
    asOf: longDate(ctx.asOf),
  };
  const raise = (why: "overdue" | "delay" | "planned", values: Record<string, string>) =>
    finding(
      action,
      "unsupported-rating",
      w.severity,
      fill(w.reason[why], values),
      fill(w.question[why], values),
    );
  const grace = action.status === "minor-risk" ? w.amberGraceDays : 0;
  if (due.iso && overdueDays > grace) {
    return raise("overdue", { ...base, due: longDate(due.iso), days: describeDays(overdueDays) });
  }
  if (action.status !== "on-track") return null;
  const reading = facts.progress;
  // "We will respond if and when referrals are received" is an offer made only on request, not a wait.
  const delay = reading.delay
    ? reading.delay.kind !== "delay" && offeredOnRequest(reading.delay.text, ctx)
      ? null
      : reading.delay.text
    : untilBody(action.progress, facts.progressMarkers, ctx);
  if (delay) return raise("delay", { ...base, quote: quote(delay, 120).replace(/[.]$/, "") });
  // Plans another body is to carry out ("passed to the OPCC to consider") are not the agency's own plans.
  const ownPlans =
    reading.onlyPlanned &&
    reading.clauses.some((c) => c.kind === "intent" && !ctx.rules.anyTrigger.test(c.text));
  if (ownPlans) {
    const first = reading.clauses.find((c) => c.kind === "intent");
    return raise("planned", { ...base, quote: quote(first?.text ?? action.progress, 120) });
  }
  return null;
}

function offeredOnRequest(text: string, ctx: RuleContext): boolean {
  for (const t of ctx.rules.triggers) {
    if (t.trigger.kind !== "onDemand") continue;
    t.re.lastIndex = 0;
    const hit = t.re.test(text);
    t.re.lastIndex = 0;
    if (hit) return true;
  }
  return false;
}

/**
 * Waiting on a body named right after "until" or "unless" ("until health identify a single point of
 * contact", "unless the ICB agrees"): the sentence it is in, or null. Read from the scan's markers, so
 * only progress with one of those words is looked at further.
 */
function untilBody(progress: string, markers: readonly Marker[], ctx: RuleContext): string | null {
  for (const m of markers) {
    const word = m.word.toLowerCase();
    if (word !== "until" && word !== "unless") continue;
    const next = progress.slice(m.end, m.end + 50);
    const body = findBodies(next, ctx.rules, false)[0];
    if (body && /^\s*(?:(?:the|a|an|our|their|its|local|national)\s+)?$/i.test(next.slice(0, body.index))) {
      return sentences(progress).find((s) => s.includes(next.slice(0, 20).trim())) ?? progress;
    }
  }
  return null;
}
