import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { TooManyAttemptsError } from "../../services/errors.js";
import type { Services } from "../../services/types.js";
import type { WebConfig } from "../app.js";
import { formErrors } from "../form-errors.js";
import { queryValue, readForm } from "../forms.js";
import { safeReturnTo } from "./helpers.js";

/** "30 minutes", "1 hour", "12 hours": a duration as the sign-in page says it. */
export function durationText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return `${hours} ${hours === 1 ? "hour" : "hours"}`;
  }
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

export function authRoutes(services: Services, config: WebConfig): FastifyPluginAsync {
  const { idleMs, absoluteMs } = services.auth.sessionPolicy;
  /** Why the person is on the sign-in page, for its notification banner. */
  const signedOutNotice = (reason: string | null) => {
    switch (reason) {
      case "1":
        return { type: "success", heading: "You have signed out" };
      case "idle":
        return {
          type: "important",
          heading: `You were signed out because you were inactive for ${durationText(idleMs)}`,
          text: "We do this to keep your partnership’s information secure. Sign in again to continue.",
        };
      case "expired":
        return {
          type: "important",
          heading: `You were signed out because you had been signed in for ${durationText(absoluteMs)}`,
          text: "We do this to keep your partnership’s information secure. Sign in again to continue.",
        };
      default:
        return null;
    }
  };

  const renderSignIn = (reply: FastifyReply, ctx: Record<string, unknown>) =>
    reply.render("pages/sign-in.njk", { pageTitle: "Sign in", ...ctx });

  return async (app) => {
    app.get("/sign-in", async (request, reply) => {
      const returnTo = safeReturnTo(queryValue(request.query, "returnTo"));
      if (request.user) return reply.redirect(returnTo, 303);
      return renderSignIn(reply, {
        returnTo,
        notice: signedOutNotice(request.sessionEnded ?? queryValue(request.query, "signedOut")),
      });
    });

    app.post(
      "/sign-in",
      // A coarse cap per process against floods; the lockouts kept in the database are the real brake.
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

        let result: Awaited<ReturnType<Services["auth"]["signIn"]>>;
        try {
          result = await services.auth.signIn(email, password, { address: request.ip });
        } catch (err) {
          if (!(err instanceof TooManyAttemptsError)) throw err;
          request.log.warn({ scope: err.scope, retryAfter: err.retryAfterSeconds }, "sign-in locked out");
          reply.code(429).header("retry-after", String(err.retryAfterSeconds));
          return reply.render("pages/sign-in-locked.njk", {
            pageTitle: "Too many attempts to sign in",
            scope: err.scope,
            minutes: Math.ceil(err.retryAfterSeconds / 60),
          });
        }
        if (!result) {
          reply.code(401);
          return renderSignIn(reply, {
            email,
            returnTo,
            errors: formErrors([{ field: "email", message: "Enter a correct email address and password" }]),
          });
        }
        // The session that existed before sign-in (if any) ends; the new one has a token never seen before,
        // and the CSRF secret is renewed with it.
        if (request.sessionToken) await services.auth.signOut(request.sessionToken);
        reply.setCookie(config.sessionCookie, result.sessionToken, config.cookieOptions);
        reply.clearCookie(config.csrfCookie, config.cookieOptions);
        return reply.redirect(returnTo, 303);
      },
    );

    app.post("/sign-out", async (request, reply) => {
      if (request.sessionToken) await services.auth.signOut(request.sessionToken);
      reply.clearCookie(config.sessionCookie, config.cookieOptions);
      reply.clearCookie(config.csrfCookie, config.cookieOptions);
      return reply.redirect("/sign-in?signedOut=1", 303);
    });
  };
}
