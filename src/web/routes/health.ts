import type { FastifyPluginAsync } from "fastify";
import type { Services } from "../../services/types.js";

/** Liveness and database reachability for load balancers and monitoring; no sign-in needed. */
export function healthRoutes(services: Services): FastifyPluginAsync {
  return async (app) => {
    app.get("/health", async (_request, reply) => {
      const { database } = await services.health.check();
      const ok = database === "ok";
      return reply
        .code(ok ? 200 : 503)
        .header("cache-control", "no-store")
        .send({ status: ok ? "ok" : "unavailable", checks: { database } });
    });
  };
}
