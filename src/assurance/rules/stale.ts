import { byThreshold, finding, longDate, type RuleContext } from "../context.js";
import { dayNumber, describeDays } from "../days.js";
import { fill } from "../text.js";
import type { AssuredAction, Finding } from "../types.js";

/**
 * No update for longer than the review cadence. The last update is the action's date of last update, else
 * the latest entry of its history, else the plan's own date; with none of these nothing can be judged and
 * nothing is raised. Completed-with-impact and not-applicable actions need no further updates.
 */
export function stale(action: AssuredAction, ctx: RuleContext): Finding | null {
  if (action.status === "completed-with-impact" || action.status === "not-applicable") return null;
  const last = lastUpdate(action, ctx.plan.asOf);
  if (!last) return null;
  const lastDay = dayNumber(last.date);
  if (lastDay === null) return null;
  const gap = ctx.asOfDay - lastDay;
  if (gap <= ctx.cadenceDays) return null;
  const w = ctx.rules.data.wording.stale;
  const lastLong = longDate(last.date);
  const reason = fill(w.reason, {
    last: lastLong,
    source: w.sources[last.source],
    gap: describeDays(gap),
    asOf: longDate(ctx.asOf),
    cadence: String(ctx.cadenceDays),
  });
  const question = fill(w.question, { np: ctx.facts(action).phrase.text, last: lastLong });
  const severity = byThreshold(w.severity, (s) => gap >= (s.minCadences ?? 0) * ctx.cadenceDays);
  return finding(action, "stale", severity, reason, question);
}

export function lastUpdate(
  action: AssuredAction,
  planAsOf: string | null,
): { date: string; source: "lastUpdate" | "history" | "plan" } | null {
  if (action.lastUpdate) return { date: action.lastUpdate.slice(0, 10), source: "lastUpdate" };
  let latest: string | null = null;
  for (const h of action.history ?? []) {
    const d = h.occurredOn.slice(0, 10);
    if (dayNumber(d) !== null && (latest === null || d > latest)) latest = d;
  }
  if (latest) return { date: latest, source: "history" };
  if (planAsOf) return { date: planAsOf.slice(0, 10), source: "plan" };
  return null;
}
