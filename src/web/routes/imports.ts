import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { FIELD_LABELS as PLAN_DIFF_FIELD_LABELS } from "../../domain/plan-diff.js";
import { formatBytes } from "../../import/zip.js";
import { ValidationError } from "../../services/errors.js";
import { canImport } from "../../services/permissions.js";
import type { ImportPreview, ImportTarget, Services, User } from "../../services/types.js";
import type { WebConfig } from "../app.js";
import { type FormErrors, formErrors } from "../form-errors.js";
import { type Form, queryValue, readForm } from "../forms.js";
import { ensureAllowed, userOf } from "./helpers.js";

const FIELD_LABELS: Record<string, string> = Object.fromEntries(PLAN_DIFF_FIELD_LABELS);

function targetFrom(get: (name: string) => string): ImportTarget {
  const planId = get("planId");
  return get("target") === "version" || (planId && get("target") !== "new")
    ? { kind: "version", planId }
    : { kind: "new" };
}

function targetQuery(target: ImportTarget): string {
  return target.kind === "version" ? `?target=version&planId=${encodeURIComponent(target.planId)}` : "";
}

export function importRoutes(services: Services, config: WebConfig): FastifyPluginAsync {
  async function renderUpload(
    reply: FastifyReply,
    user: User,
    ctx: { errors?: FormErrors; target?: ImportTarget; discarded?: boolean } = {},
  ) {
    const plans = await services.plans.list(user);
    const target = ctx.target ?? { kind: "new" };
    return reply.render("pages/import-upload.njk", {
      pageTitle: "Import a plan",
      errors: ctx.errors,
      discarded: ctx.discarded === true,
      target,
      maxSize: formatBytes(config.maxImportBytes),
      planItems: [
        { value: "", text: "Choose a plan" },
        ...plans.map((p) => ({
          value: p.id,
          text: p.title,
          selected: target.kind === "version" && target.planId === p.id,
        })),
      ],
    });
  }

  async function renderPreview(reply: FastifyReply, user: User, preview: ImportPreview, errors?: FormErrors) {
    const plans = await services.plans.list(user);
    const target = preview.target;
    return reply.render("pages/import-preview.njk", {
      pageTitle: `Check the plan before importing: ${preview.fileName}`,
      preview,
      errors,
      size: formatBytes(preview.size),
      fieldLabels: FIELD_LABELS,
      targetPlan: target.kind === "version" ? plans.find((p) => p.id === target.planId) : null,
      planItems: [
        { value: "", text: "Choose a plan" },
        ...plans.map((p) => ({
          value: p.id,
          text: p.title,
          selected: target.kind === "version" && target.planId === p.id,
        })),
      ],
    });
  }

  return async (app) => {
    // Only admins import. The service refuses everyone else too; this answers before any upload is read.
    app.addHook("onRequest", async (request) => ensureAllowed(canImport(userOf(request))));

    app.get("/imports/new", async (request, reply) => {
      const user = userOf(request);
      return renderUpload(reply, user, {
        target: targetFrom((n) => queryValue(request.query, n)),
        discarded: queryValue(request.query, "discarded") === "1",
      });
    });

    app.post(
      "/imports",
      { config: { multipartOptions: { limits: { fileSize: config.maxImportBytes, files: 1 } } } },
      async (request, reply) => {
        const user = userOf(request);
        const form: Form = readForm(request.body);
        const target = targetFrom(form.get);
        const [file] = form.files("file");
        try {
          if (!file) throw ValidationError.single("file", "Select the action plan file to import");
          if (file.truncated) {
            throw ValidationError.single(
              "file",
              `The selected file must be smaller than ${formatBytes(config.maxImportBytes)}`,
            );
          }
          if (target.kind === "version" && !target.planId) {
            throw ValidationError.single("planId", "Select the plan this file is a new version of");
          }
          const preview = await services.imports.stage(
            user,
            { fileName: file.fileName, bytes: file.bytes },
            target,
          );
          return reply.redirect(`/imports/${encodeURIComponent(preview.id)}${targetQuery(target)}`, 303);
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          reply.code(400);
          return renderUpload(reply, user, { errors: formErrors(err.problems), target });
        }
      },
    );

    app.get<{ Params: { stagedId: string } }>("/imports/:stagedId", async (request, reply) => {
      const user = userOf(request);
      const target = targetFrom((n) => queryValue(request.query, n));
      try {
        return renderPreview(
          reply,
          user,
          await services.imports.preview(user, request.params.stagedId, target),
        );
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        reply.code(400);
        const preview = await services.imports.preview(user, request.params.stagedId, { kind: "new" });
        return renderPreview(reply, user, { ...preview, target }, formErrors(err.problems));
      }
    });

    app.post<{ Params: { stagedId: string } }>("/imports/:stagedId/confirm", async (request, reply) => {
      const user = userOf(request);
      const form = readForm(request.body);
      const target = targetFrom(form.get);
      try {
        const { planId } = await services.imports.confirm(user, request.params.stagedId, target);
        return reply.redirect(`/plans/${encodeURIComponent(planId)}?imported=1`, 303);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        reply.code(400);
        const preview = await services.imports.preview(user, request.params.stagedId, { kind: "new" });
        return renderPreview(reply, user, { ...preview, target }, formErrors(err.problems));
      }
    });

    app.post<{ Params: { stagedId: string } }>("/imports/:stagedId/discard", async (request, reply) => {
      await services.imports.discard(userOf(request), request.params.stagedId);
      return reply.redirect("/imports/new?discarded=1", 303);
    });
  };
}
