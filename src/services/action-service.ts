import { isStatus, STATUS_LABELS } from "../domain/status.js";
import { checkAttachments } from "./attachments.js";
import { toChallenge } from "./challenge-service.js";
import { ensure, type ServiceContext } from "./context.js";
import type { AssessFn } from "./deps.js";
import { type FieldProblem, NotFoundError, ValidationError } from "./errors.js";
import { canRead, canUpdateAction } from "./permissions.js";
import { refreshFindings } from "./refresh-findings.js";
import type { ActionService, Challenge } from "./types.js";
import { openFindingsByAction, toActionSummary, toFinding } from "./views.js";

export const MAX_TEXT = 20_000;

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function createActionService(
  ctx: ServiceContext,
  assess: AssessFn,
  maxAttachmentBytes: number,
): ActionService {
  const { store } = ctx;
  return {
    async get(user, actionId) {
      ensure(canRead(user));
      const action = await store.actions.get(actionId);
      if (!action) throw new NotFoundError("Action not found");
      const [plan, findings, history, challenges, names] = await Promise.all([
        store.plans.get(action.planId),
        store.findings.list({ actionId }),
        store.actions.history(actionId),
        store.challenges.list({ actionId }),
        store.users.names(),
      ]);
      const planTitle = plan?.title ?? "";
      const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
      const open = findings.filter((f) => f.resolvedOn === null);
      const summary = toActionSummary(action, planTitle, openFindingsByAction(open));
      const challengeViews: Challenge[] = challenges.map((c) =>
        toChallenge(
          c,
          {
            planId: action.planId,
            planTitle,
            ref: action.ref,
            organisation: action.organisations[0]?.name ?? null,
          },
          nameOf,
        ),
      );
      return {
        ...summary,
        finding: action.finding,
        action: action.action,
        progress: action.progress,
        evidenceOfImpact: action.evidenceOfImpact,
        findings: findings
          .map((f) => toFinding(f, planTitle))
          .sort(
            (a, b) =>
              Number(a.resolvedOn !== null) - Number(b.resolvedOn !== null) ||
              b.raisedOn.localeCompare(a.raisedOn),
          ),
        timeline: history.map((h) => ({
          id: h.id,
          recordedAt: h.recordedAt,
          effectiveDate: h.effectiveDate,
          source: h.source,
          actorName: nameOf(h.actorId),
          importFileName: h.importFileName,
          status: h.status,
          statusText: h.statusText,
          progress: h.progress,
          evidence: h.evidence,
          attachments: h.attachments,
        })),
        challenges: challengeViews,
        canUpdate: canUpdateAction(user, action),
      };
    },

    async update(user, actionId, input) {
      const action = await store.actions.get(actionId);
      if (!action) throw new NotFoundError("Action not found");
      ensure(canUpdateAction(user, action), "You do not have permission to update this action");

      const problems: FieldProblem[] = [];
      if (!isStatus(input.status))
        problems.push({ field: "status", message: "Select the status of the action" });
      if (input.progress.trim() === "") {
        problems.push({ field: "progress", message: "Enter the progress made on the action" });
      } else if (input.progress.length > MAX_TEXT) {
        problems.push({
          field: "progress",
          message: `Progress must be ${MAX_TEXT.toLocaleString("en-GB")} characters or fewer`,
        });
      }
      if (input.evidence.length > MAX_TEXT) {
        problems.push({
          field: "evidence",
          message: `Evidence must be ${MAX_TEXT.toLocaleString("en-GB")} characters or fewer`,
        });
      }
      if (!isIsoDate(input.date)) {
        problems.push({ field: "date", message: "Date of the update must be a real date" });
      } else if (input.date > ctx.today()) {
        problems.push({ field: "date", message: "Date of the update must be today or in the past" });
      }
      let files: ReturnType<typeof checkAttachments> = [];
      try {
        files = checkAttachments(input.attachments, maxAttachmentBytes);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        problems.push(...err.problems);
      }
      if (problems.length || !isStatus(input.status)) throw new ValidationError(problems);
      const status = input.status;

      return store.transaction(async (tx) => {
        const result = await tx.actions.recordUpdate({
          actionId,
          expectedRowVersion: input.rowVersion,
          status,
          statusText: STATUS_LABELS[status],
          progress: input.progress,
          evidence: input.evidence,
          effectiveDate: input.date,
          actorId: user.id,
          recordedAt: ctx.now().toISOString(),
          attachments: files,
        });
        await refreshFindings(tx, ctx, assess, action.planId);
        return { rowVersion: result.rowVersion };
      });
    },

    async attachment(user, attachmentId) {
      ensure(canRead(user));
      const file = await store.actions.attachment(attachmentId);
      if (!file) throw new NotFoundError("File not found");
      return { fileName: file.fileName, mediaType: file.mediaType, bytes: file.bytes };
    },
  };
}
