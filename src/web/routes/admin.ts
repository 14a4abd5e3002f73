import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { ConflictError, ValidationError } from "../../services/errors.js";
import { canManageUsers } from "../../services/permissions.js";
import { ROLE_LABELS, ROLES, type Services, type User } from "../../services/types.js";
import { type FormErrors, formErrors } from "../form-errors.js";
import { queryValue, readForm } from "../forms.js";
import { pageNumber, pagination } from "../pagination.js";
import { ensureAllowed, userOf } from "./helpers.js";

const AUDIT_PAGE_SIZE = 50;

export function adminRoutes(services: Services): FastifyPluginAsync {
  async function renderOrganisations(
    reply: FastifyReply,
    user: User,
    ctx: { errors?: FormErrors; name?: string; done?: string } = {},
  ) {
    return reply.render("admin/organisations.njk", {
      pageTitle: "Organisations",
      organisations: await services.organisations.list(user),
      ...ctx,
    });
  }

  async function renderNewUser(
    reply: FastifyReply,
    user: User,
    ctx: { errors?: FormErrors; values?: Record<string, string> } = {},
  ) {
    const organisations = await services.organisations.list(user);
    const values = ctx.values ?? {};
    return reply.render("admin/user-new.njk", {
      pageTitle: "Add a user",
      errors: ctx.errors,
      values,
      roleItems: ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], checked: values.role === r })),
      organisationItems: [
        { value: "", text: "None" },
        ...organisations.map((o) => ({
          value: o.id,
          text: o.name,
          selected: values.organisationId === o.id,
        })),
      ],
    });
  }

  /** Conflicts on names (an alias already used) are mistakes a person can correct, shown on the form. */
  function asValidation(err: unknown, field: string): ValidationError | null {
    if (err instanceof ValidationError) return err;
    if (err instanceof ConflictError) return ValidationError.single(field, err.message);
    return null;
  }

  return async (app) => {
    app.addHook("onRequest", async (request) => ensureAllowed(canManageUsers(userOf(request))));

    app.get("/admin", async (_request, reply) => reply.redirect("/admin/users", 303));

    app.get("/admin/organisations", async (request, reply) =>
      renderOrganisations(reply, userOf(request), { done: queryValue(request.query, "done") }),
    );

    app.post("/admin/organisations", async (request, reply) => {
      const user = userOf(request);
      const name = readForm(request.body).get("name");
      try {
        await services.organisations.create(user, name);
        return reply.redirect("/admin/organisations?done=created", 303);
      } catch (err) {
        const v = asValidation(err, "name");
        if (!v) throw err;
        reply.code(400);
        return renderOrganisations(reply, user, { errors: formErrors(v.problems), name });
      }
    });

    app.post<{ Params: { organisationId: string } }>(
      "/admin/organisations/:organisationId/aliases",
      async (request, reply) => {
        const user = userOf(request);
        const { organisationId } = request.params;
        const alias = readForm(request.body).get("alias");
        try {
          await services.organisations.addAlias(user, organisationId, alias);
          return reply.redirect("/admin/organisations?done=alias-added", 303);
        } catch (err) {
          const v = asValidation(err, `alias-${organisationId}`);
          if (!v) throw err;
          reply.code(400);
          const problems = v.problems.map((p) => ({ ...p, field: `alias-${organisationId}` }));
          return renderOrganisations(reply, user, { errors: formErrors(problems) });
        }
      },
    );

    app.post<{ Params: { organisationId: string } }>(
      "/admin/organisations/:organisationId/aliases/remove",
      async (request, reply) => {
        const user = userOf(request);
        await services.organisations.removeAlias(
          user,
          request.params.organisationId,
          readForm(request.body).get("alias"),
        );
        return reply.redirect("/admin/organisations?done=alias-removed", 303);
      },
    );

    app.get("/admin/users", async (request, reply) => {
      const user = userOf(request);
      return reply.render("admin/users.njk", {
        pageTitle: "Users",
        users: await services.users.list(user),
        done: queryValue(request.query, "done"),
      });
    });

    app.get("/admin/users/new", async (request, reply) => renderNewUser(reply, userOf(request)));

    app.post("/admin/users", async (request, reply) => {
      const user = userOf(request);
      const form = readForm(request.body);
      const values = {
        email: form.get("email"),
        name: form.get("name"),
        role: form.get("role"),
        organisationId: form.get("organisationId"),
      };
      try {
        await services.users.create(user, {
          ...values,
          role: values.role as User["role"],
          organisationId: values.organisationId || null,
          password: form.get("password"),
        });
        return reply.redirect("/admin/users?done=created", 303);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        reply.code(400);
        return renderNewUser(reply, user, { errors: formErrors(err.problems, { role: "role" }), values });
      }
    });

    for (const [path, disabled] of [
      ["disable", true],
      ["enable", false],
    ] as const) {
      app.post<{ Params: { userId: string } }>(`/admin/users/:userId/${path}`, async (request, reply) => {
        const user = userOf(request);
        try {
          await services.users.setDisabled(user, request.params.userId, disabled);
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          reply.code(400);
          return reply.render("admin/users.njk", {
            pageTitle: "Users",
            users: await services.users.list(user),
            errors: formErrors(err.problems.map((p) => ({ ...p, field: `user-${request.params.userId}` }))),
          });
        }
        return reply.redirect(`/admin/users?done=${disabled ? "disabled" : "enabled"}`, 303);
      });
    }

    app.get("/admin/audit", async (request, reply) => {
      const user = userOf(request);
      const page = pageNumber(queryValue(request.query, "page"));
      const result = await services.audit.list(user, page, AUDIT_PAGE_SIZE);
      const totalPages = Math.max(1, Math.ceil(result.total / result.pageSize));
      return reply.render("admin/audit.njk", {
        pageTitle: "Audit log",
        entries: result.items,
        total: result.total,
        page: result.page,
        firstShown: result.total ? (result.page - 1) * result.pageSize + 1 : 0,
        lastShown: Math.min(result.page * result.pageSize, result.total),
        pagination: pagination("/admin/audit", new URLSearchParams(), result.page, totalPages),
      });
    });
  };
}
