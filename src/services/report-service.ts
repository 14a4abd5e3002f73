import { ensure, type ServiceContext } from "./context.js";
import type { ReportInput, ReportRenderer } from "./deps.js";
import { NotFoundError, UnavailableError } from "./errors.js";
import { canRead } from "./permissions.js";
import type { ReportService } from "./types.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function createReportService(
  ctx: ServiceContext,
  renderer: ReportRenderer | undefined,
): ReportService {
  const { store } = ctx;

  async function input(planId: string | undefined): Promise<ReportInput> {
    const plans = planId ? [await store.plans.get(planId)] : await store.plans.list();
    if (plans.some((p) => p === null)) throw new NotFoundError("Plan not found");
    const parts = await Promise.all(
      plans.flatMap((plan) =>
        plan
          ? [
              Promise.all([
                store.actions.listByPlan(plan.id),
                store.findings.list({ planId: plan.id, openOnly: true }),
              ]).then(([actions, findings]) => ({
                plan,
                actions: actions.filter((a) => !a.withdrawn),
                findings,
              })),
            ]
          : [],
      ),
    );
    return { asOf: ctx.today(), plans: parts };
  }

  function need(): ReportRenderer {
    if (!renderer) throw new UnavailableError("Reports are not available on this installation yet");
    return renderer;
  }

  return {
    async scrutinyDocx(user, filter) {
      ensure(canRead(user));
      const r = need();
      const bytes = await r.scrutinyDocx(await input(filter.planId));
      return { fileName: `scrutiny-questions-${ctx.today()}.docx`, mediaType: DOCX, bytes };
    },
    async findingsXlsx(user, filter) {
      ensure(canRead(user));
      const r = need();
      const bytes = await r.findingsXlsx(await input(filter.planId));
      return { fileName: `findings-${ctx.today()}.xlsx`, mediaType: XLSX, bytes };
    },
  };
}
