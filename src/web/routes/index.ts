import type { FastifyInstance } from "fastify";
import type { Services } from "../../services/types.js";
import { apiRoutes } from "../api/routes.js";
import type { WebConfig } from "../app.js";
import { accountRoutes } from "./account.js";
import { actionRoutes } from "./actions.js";
import { adminRoutes } from "./admin.js";
import { authRoutes } from "./auth.js";
import { challengeRoutes } from "./challenges.js";
import { dashboardRoutes } from "./dashboard.js";
import { findingRoutes } from "./findings.js";
import { healthRoutes } from "./health.js";
import { requireUser } from "./helpers.js";
import { importRoutes } from "./imports.js";
import { planRoutes } from "./plans.js";
import { reportRoutes } from "./reports.js";

/** Every route of the service (hmpps-template's routes/index.ts): small plugins, each given the services. */
export async function registerRoutes(
  app: FastifyInstance,
  services: Services,
  config: WebConfig,
): Promise<void> {
  await app.register(healthRoutes(services));
  await app.register(authRoutes(services, config));
  app.get("/accessibility", async (_request, reply) =>
    reply.render("pages/accessibility.njk", { pageTitle: "Accessibility statement" }),
  );
  app.get("/favicon.ico", async (_request, reply) => reply.code(204).send());
  await app.register(async (pages) => {
    pages.addHook("onRequest", requireUser);
    await pages.register(dashboardRoutes(services));
    await pages.register(planRoutes(services));
    await pages.register(actionRoutes(services, config));
    await pages.register(challengeRoutes(services));
    await pages.register(findingRoutes(services));
    await pages.register(reportRoutes(services));
    await pages.register(importRoutes(services, config));
    await pages.register(adminRoutes(services));
    await pages.register(accountRoutes(services));
  });
  await app.register(apiRoutes(services, config), { prefix: "/api/v1" });
}
