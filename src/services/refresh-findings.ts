import type { ServiceContext } from "./context.js";
import type { AssessFn } from "./deps.js";
import type { Store } from "./store.js";

/**
 * Recomputes a plan's findings as of today and records what was raised and resolved. Called inside the
 * transaction of every import and update, so findings never lag behind the plan they describe.
 */
export async function refreshFindings(
  store: Store,
  ctx: ServiceContext,
  assess: AssessFn,
  planId: string,
): Promise<void> {
  const plan = await store.plans.get(planId);
  if (!plan) return;
  const actions = (await store.actions.listByPlan(planId)).filter((a) => !a.withdrawn);
  const raised = await assess({ plan, actions, asOf: ctx.today() });
  await store.findings.sync(planId, raised, ctx.today());
}
