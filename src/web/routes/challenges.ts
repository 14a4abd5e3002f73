import type { FastifyPluginAsync } from "fastify";
import { ValidationError } from "../../services/errors.js";
import { canResolveChallenge } from "../../services/permissions.js";
import { CHALLENGE_STATES, type ChallengeState, type Services } from "../../services/types.js";
import { formErrors } from "../form-errors.js";
import { queryValue, readForm } from "../forms.js";
import { safeReturnTo, userOf } from "./helpers.js";

export function challengeRoutes(services: Services): FastifyPluginAsync {
  return async (app) => {
    app.get("/challenges", async (request, reply) => {
      const user = userOf(request);
      const stateParam = queryValue(request.query, "state");
      const state = (CHALLENGE_STATES as readonly string[]).includes(stateParam)
        ? (stateParam as ChallengeState)
        : undefined;
      const challenges = await services.challenges.list(user, state ? { state } : {});
      return reply.render("pages/challenges.njk", {
        pageTitle: "Challenges",
        challenges,
        state: state ?? "",
        canResolve: canResolveChallenge(user),
        resolved: queryValue(request.query, "resolved") === "1",
        stateItems: [
          { value: "", text: "All", selected: !state },
          { value: "open", text: "Open", selected: state === "open" },
          { value: "answered", text: "Answered", selected: state === "answered" },
          { value: "not-answered", text: "Not answered", selected: state === "not-answered" },
        ],
      });
    });

    app.post<{ Params: { actionId: string } }>("/actions/:actionId/challenges", async (request, reply) => {
      const user = userOf(request);
      const form = readForm(request.body);
      const { actionId } = request.params;
      try {
        await services.challenges.create(user, {
          actionId,
          findingId: form.get("findingId") || null,
          text: form.get("text"),
        });
        return reply.redirect(`/actions/${encodeURIComponent(actionId)}?challenged=1#challenges`, 303);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        reply.code(400);
        return reply.render("pages/challenge-error.njk", {
          pageTitle: "Record a challenge",
          errors: formErrors(err.problems.map((p) => ({ ...p, field: "back-link" }))),
          backHref: `/actions/${encodeURIComponent(actionId)}#challenges`,
        });
      }
    });

    app.post<{ Params: { challengeId: string } }>(
      "/challenges/:challengeId/resolve",
      async (request, reply) => {
        const user = userOf(request);
        const form = readForm(request.body);
        const state = form.get("state");
        const returnTo = safeReturnTo(form.get("returnTo") || "/challenges");
        try {
          await services.challenges.resolve(user, request.params.challengeId, {
            state: state as "answered" | "not-answered",
            note: form.get("note"),
          });
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          reply.code(400);
          return reply.render("pages/challenge-error.njk", {
            pageTitle: "Mark a challenge",
            errors: formErrors(err.problems.map((p) => ({ ...p, field: "back-link" }))),
            backHref: returnTo,
          });
        }
        return reply.redirect(`${returnTo}${returnTo.includes("?") ? "&" : "?"}resolved=1`, 303);
      },
    );
  };
}
