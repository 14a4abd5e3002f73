import type { FastifyPluginAsync } from "fastify";
import type { Services } from "../../services/types.js";
import { userOf } from "./helpers.js";

/** The signed-in person's details and their API token (shown once, when issued). */
export function accountRoutes(services: Services): FastifyPluginAsync {
  return async (app) => {
    app.get("/account", async (request, reply) => {
      const user = userOf(request);
      return reply.render("pages/account.njk", {
        pageTitle: "Your account",
        hasToken: await services.auth.hasApiToken(user),
        revoked: false,
      });
    });

    app.post("/account/api-token", async (request, reply) => {
      const user = userOf(request);
      const token = await services.auth.issueApiToken(user);
      // Rendered, not redirected: the token must never sit in a URL or be shown twice.
      reply.header("cache-control", "no-store");
      return reply.render("pages/account.njk", {
        pageTitle: "Your account",
        hasToken: true,
        newToken: token,
      });
    });

    app.post("/account/api-token/revoke", async (request, reply) => {
      const user = userOf(request);
      await services.auth.revokeApiToken(user);
      return reply.render("pages/account.njk", { pageTitle: "Your account", hasToken: false, revoked: true });
    });
  };
}
