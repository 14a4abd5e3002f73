import { isClosed } from "../../domain/status.js";
import { byThreshold, finding, longDate, type RuleContext, ratingNote } from "../context.js";
import { describeDays } from "../days.js";
import { fill } from "../text.js";
import type { AssuredAction, Finding } from "../types.js";

/** Due before the as-of date (a due date equal to it is not overdue) and not completed or not applicable. */
export function overdue(action: AssuredAction, ctx: RuleContext): Finding | null {
  if (isClosed(action.status)) return null;
  const facts = ctx.facts(action);
  const due = facts.due;
  if (due.day === null || due.iso === null) return null;
  const days = ctx.asOfDay - due.day;
  if (days <= 0) return null;
  const w = ctx.rules.data.wording.overdue;
  const dueLong = longDate(due.iso);
  const dueText = action.dueText.trim();
  const reason = fill(w.reason, {
    due: dueLong,
    dueText: dueText && dueText !== dueLong ? ` (“${dueText}”)` : "",
    status: action.status,
    rating: ratingNote(action),
    days: describeDays(days),
    asOf: longDate(ctx.asOf),
  });
  const phrase = facts.phrase;
  const question = fill(phrase.kind === "nominal" ? w.question.nominal : w.question.other, {
    np: phrase.text,
    due: dueLong,
  });
  const severity = byThreshold(w.severity, (s) => days >= (s.minDays ?? 0));
  return finding(action, "overdue", severity, reason, question);
}
