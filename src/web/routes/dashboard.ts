import type { FastifyPluginAsync } from "fastify";
import { STATUS_LABELS, STATUSES } from "../../domain/status.js";
import { canImport } from "../../services/permissions.js";
import { FINDING_KINDS, type Services } from "../../services/types.js";
import { openFindingsSvg, statusByOrganisationSvg, statusSwatch } from "../charts/svg.js";
import { userOf } from "./helpers.js";

export function dashboardRoutes(services: Services): FastifyPluginAsync {
  return async (app) => {
    app.get("/", async (request, reply) => {
      const user = userOf(request);
      const dashboard = await services.plans.dashboard(user);
      const usedStatuses = STATUSES.filter((s) =>
        dashboard.statusByOrganisation.some((r) => r.counts[s] > 0),
      );
      const usedKinds = FINDING_KINDS.filter((k) => dashboard.plans.some((p) => p.findingCounts[k] > 0));
      return reply.render("pages/dashboard.njk", {
        pageTitle: "Dashboard",
        dashboard,
        statuses: STATUSES,
        usedStatuses,
        usedKinds,
        canImport: canImport(user),
        statusKey: usedStatuses.map((s) => ({ status: s, label: STATUS_LABELS[s], swatch: statusSwatch(s) })),
        // Drawn for a small screen and for a wide one (CSS shows one), so labels never shrink to nothing.
        statusChart: dashboard.statusByOrganisation.length
          ? [
              statusByOrganisationSvg(dashboard.statusByOrganisation, {
                id: "status-chart-narrow",
                title: "Actions by status for each organisation",
                width: 300,
                className: "app-chart--narrow",
              }),
              statusByOrganisationSvg(dashboard.statusByOrganisation, {
                id: "status-chart",
                title: "Actions by status for each organisation",
                width: 760,
                className: "app-chart--wide",
              }),
            ].join("")
          : "",
        findingsChart:
          dashboard.openFindingsOverTime.length > 0
            ? [
                openFindingsSvg(dashboard.openFindingsOverTime, {
                  id: "findings-chart-narrow",
                  title: "Open findings over time",
                  width: 300,
                  className: "app-chart--narrow",
                }),
                openFindingsSvg(dashboard.openFindingsOverTime, {
                  id: "findings-chart",
                  title: "Open findings over time",
                  width: 760,
                  className: "app-chart--wide",
                }),
              ].join("")
            : "",
      });
    });
  };
}
