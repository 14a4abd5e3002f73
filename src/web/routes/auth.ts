import type { FastifyPluginAsync, FastifyReply } from "fastify";
import type { Services } from "../../services/types.js";
import type { WebConfig } from "../app.js";
import { formErrors } from "../form-errors.js";
import { queryValue, readForm } from "../forms.js";
import { LoginThrottle } from "../login-throttle.js";
import { safeReturnTo } from "./helpers.js";

export function authRoutes(services: Services, config: WebConfig): FastifyPluginAsync {
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.secureCookies,
  };

  const renderSignIn = (reply: FastifyReply, ctx: Record<string, unknown>) =>
    reply.render("pages/sign-in.njk", { pageTitle: "Sign in", ...ctx });

  return async (app) => {
    app.get("/sign-in", async (request, reply) => {
      if (request.user) return reply.redirect(safeReturnTo(queryValue(request.query, "returnTo")), 303);
      return renderSignIn(reply, {
        returnTo: safeReturnTo(queryValue(request.query, "returnTo")),
        signedOut: queryValue(request.query, "signedOut") === "1",
      });
    });

    app.post(
      "/sign-in",
      // A coarse cap per address against floods; the per-email throttle below is the real brake.
      { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
      async (request, reply) => {
        const form = readForm(request.body);
        const email = form.get("email").trim();
        const password = form.get("password");
        const returnTo = safeReturnTo(form.get("returnTo"));
        const problems = [];
        if (!email) problems.push({ field: "email", message: "Enter your email address" });
        if (!password) problems.push({ field: "password", message: "Enter your password" });
        if (problems.length) {
          reply.code(400);
          return renderSignIn(reply, { email, returnTo, errors: formErrors(problems) });
        }

        const key = LoginThrottle.key(email, request.ip);
        const wait = config.throttle.retryAfter(key);
        if (wait > 0) {
          reply.code(429).header("retry-after", String(wait));
          return reply.render("pages/sign-in-locked.njk", {
            pageTitle: "Too many attempts to sign in",
            minutes: Math.ceil(wait / 60),
          });
        }

        const result = await services.auth.signIn(email, password);
        if (!result) {
          config.throttle.fail(key);
          reply.code(401);
          return renderSignIn(reply, {
            email,
            returnTo,
            errors: formErrors([{ field: "email", message: "Enter a correct email address and password" }]),
          });
        }
        config.throttle.succeed(key);
        // The session that existed before sign-in (if any) ends; the new one has a token never seen before,
        // and the CSRF secret is renewed with it.
        if (request.sessionToken) await services.auth.signOut(request.sessionToken);
        reply.setCookie(config.sessionCookie, result.sessionToken, cookieOptions);
        reply.clearCookie(config.csrfCookie, { path: "/" });
        return reply.redirect(returnTo, 303);
      },
    );

    app.post("/sign-out", async (request, reply) => {
      if (request.sessionToken) await services.auth.signOut(request.sessionToken);
      reply.clearCookie(config.sessionCookie, { path: "/" });
      reply.clearCookie(config.csrfCookie, { path: "/" });
      return reply.redirect("/sign-in?signedOut=1", 303);
    });
  };
}
