import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { STATUS_LABELS, STATUSES } from "../../domain/status.js";
import { formatBytes } from "../../import/zip.js";
import { ConflictError, ValidationError } from "../../services/errors.js";
import { canRaiseChallenge, canResolveChallenge } from "../../services/permissions.js";
import type { ActionDetail, Services, User } from "../../services/types.js";
import type { WebConfig } from "../app.js";
import { type FormErrors, formErrors } from "../form-errors.js";
import { type Form, queryValue, readForm } from "../forms.js";
import { sendDownload, userOf } from "./helpers.js";

export interface UpdateFormValues {
  status: string;
  progress: string;
  evidence: string;
  day: string;
  month: string;
  year: string;
  rowVersion: string;
}

/** A date from three GOV.UK date-input fields, or null when they do not make a real date. */
export function dateFromParts(day: string, month: string, year: string): string | null {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim()))
    return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function todayParts(): Pick<UpdateFormValues, "day" | "month" | "year"> {
  const [year = "", month = "", day = ""] = new Date().toISOString().slice(0, 10).split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

const UPDATE_ANCHORS = { date: "date-day", status: "status", attachments: "attachments" };

export const CONFLICT_MESSAGE =
  "Someone else updated this action after you opened it, so your update has not been saved. Check their update in the timeline below, change yours if you need to, then save it again.";

export function actionRoutes(services: Services, config: WebConfig): FastifyPluginAsync {
  async function renderAction(
    reply: FastifyReply,
    user: User,
    action: ActionDetail,
    extra: {
      values?: UpdateFormValues;
      errors?: FormErrors;
      conflict?: boolean;
      challengeErrors?: FormErrors;
      challengeText?: string;
    } = {},
  ) {
    const values: UpdateFormValues = extra.values ?? {
      status: action.status,
      progress: action.progress,
      evidence: "",
      ...todayParts(),
      rowVersion: String(action.rowVersion),
    };
    const openFindings = action.findings.filter((f) => f.resolvedOn === null);
    return reply.render("pages/action.njk", {
      pageTitle: `Action ${action.ref || "(no ref)"}: ${action.planTitle}`,
      action,
      openFindings,
      pastFindings: action.findings.filter((f) => f.resolvedOn !== null),
      values,
      errors: extra.errors ?? extra.challengeErrors,
      updateErrors: extra.errors,
      challengeErrors: extra.challengeErrors,
      challengeText: extra.challengeText ?? "",
      conflict: extra.conflict === true,
      statusItems: STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], checked: s === values.status })),
      findingItems: [
        { value: "", text: "The action as a whole" },
        ...openFindings.map((f) => ({ value: f.id, text: `Finding: ${f.reason.slice(0, 120)}` })),
      ],
      canChallenge: canRaiseChallenge(user),
      canResolve: canResolveChallenge(user),
      maxAttachment: formatBytes(config.maxAttachmentBytes),
      maxAttachments: config.maxAttachmentsPerUpdate,
      updated: queryValue(reply.request.query, "updated") === "1",
      challenged: queryValue(reply.request.query, "challenged") === "1",
    });
  }

  function valuesFrom(form: Form): UpdateFormValues {
    return {
      status: form.get("status"),
      progress: form.get("progress"),
      evidence: form.get("evidence"),
      day: form.get("date-day"),
      month: form.get("date-month"),
      year: form.get("date-year"),
      rowVersion: form.get("rowVersion"),
    };
  }

  return async (app) => {
    app.get<{ Params: { actionId: string } }>("/actions/:actionId", async (request, reply) => {
      const user = userOf(request);
      return renderAction(reply, user, await services.actions.get(user, request.params.actionId));
    });

    app.post<{ Params: { actionId: string } }>("/actions/:actionId/updates", async (request, reply) => {
      const user = userOf(request);
      const { actionId } = request.params;
      const form = readForm(request.body);
      const values = valuesFrom(form);
      try {
        await services.actions.update(user, actionId, {
          status: values.status,
          progress: values.progress,
          evidence: values.evidence,
          date: dateFromParts(values.day, values.month, values.year) ?? "",
          rowVersion: Number(values.rowVersion || Number.NaN),
          attachments: form.files("attachments").map((f) => ({
            fileName: f.fileName,
            declaredType: f.mimetype,
            bytes: f.bytes,
            truncated: f.truncated,
          })),
        });
        return reply.redirect(`/actions/${encodeURIComponent(actionId)}?updated=1`, 303);
      } catch (err) {
        if (err instanceof ValidationError) {
          reply.code(400);
          const action = await services.actions.get(user, actionId);
          return renderAction(reply, user, action, {
            values,
            errors: formErrors(err.problems, UPDATE_ANCHORS),
          });
        }
        if (err instanceof ConflictError) {
          const current = await services.actions.get(user, actionId);
          reply.code(409);
          return renderAction(reply, user, current, {
            // Their words stay in the form; the version becomes the latest, so saving again is a choice
            // made after seeing the other update, never an accident.
            values: { ...values, rowVersion: String(current.rowVersion) },
            conflict: true,
            errors: formErrors([{ field: "progress", message: CONFLICT_MESSAGE }]),
          });
        }
        throw err;
      }
    });

    app.get<{ Params: { attachmentId: string } }>("/attachments/:attachmentId", async (request, reply) => {
      const user = userOf(request);
      const file = await services.actions.attachment(user, request.params.attachmentId);
      return sendDownload(reply, file);
    });
  };
}
