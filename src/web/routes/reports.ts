import type { FastifyPluginAsync } from "fastify";
import type { Services } from "../../services/types.js";
import { queryValue } from "../forms.js";
import { sendDownload, userOf } from "./helpers.js";

/** Downloads of the assurance issue's scrutiny reports; the reports service renders them. */
export function reportRoutes(services: Services): FastifyPluginAsync {
  return async (app) => {
    app.get("/reports/scrutiny.docx", async (request, reply) => {
      const user = userOf(request);
      const planId = queryValue(request.query, "planId");
      return sendDownload(reply, await services.reports.scrutinyDocx(user, planId ? { planId } : {}));
    });
    app.get("/reports/findings.xlsx", async (request, reply) => {
      const user = userOf(request);
      const planId = queryValue(request.query, "planId");
      return sendDownload(reply, await services.reports.findingsXlsx(user, planId ? { planId } : {}));
    });
  };
}
