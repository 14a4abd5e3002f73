import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { z } from "zod";
import { ValidationError } from "../../services/errors.js";
import type { ImportTarget, Services } from "../../services/types.js";
import type { WebConfig } from "../app.js";
import { userOf } from "../routes/helpers.js";
import { openApiDocument } from "./openapi.js";
import {
  ActionListQuery,
  ActionUpdateBody,
  ChallengeBody,
  ChallengeResolveBody,
  FindingListQuery,
  ImportQuery,
} from "./schemas.js";

/** Parses with zod, turning its issues into the same ValidationError the pages use. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((i) => ({ field: i.path.join(".") || "body", message: i.message })),
  );
}

const UPLOAD_TYPES = [
  "application/octet-stream",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/csv",
];

/** Per user (the token is checked first); generous for systems, a brake on runaways. */
const limited = {
  config: {
    rateLimit: {
      max: 600,
      timeWindow: "1 minute",
      keyGenerator: (req: FastifyRequest) => req.user?.id ?? req.ip,
    },
  },
};

/** The JSON API under /api/v1: Bearer tokens only, the same services and role rules as the pages. */
export function apiRoutes(services: Services, config: WebConfig): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: "buffer", bodyLimit: config.maxImportBytes },
      (_req, body, done) => done(null, body),
    );

    app.get("/openapi.json", async (_request, reply) =>
      reply.header("cache-control", "public, max-age=300").send(openApiDocument()),
    );

    await app.register(async (api) => {
      api.addHook("onRequest", async (request) => {
        userOf(request);
      });

      api.get("/plans", limited, async (request) => ({ plans: await services.plans.list(userOf(request)) }));

      api.get<{ Params: { planId: string } }>("/plans/:planId", limited, async (request) => ({
        plan: await services.plans.get(userOf(request), request.params.planId),
      }));

      api.get<{ Params: { planId: string } }>("/plans/:planId/actions", limited, async (request) => {
        const q = parseWith(ActionListQuery, request.query);
        const actions = await services.plans.actions(userOf(request), request.params.planId, {
          ...(q.organisation ? { organisationId: q.organisation } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(q.kind ? { findingKind: q.kind } : {}),
          ...(q.sort ? { sort: q.sort } : {}),
          ...(q.order ? { order: q.order } : {}),
        });
        return { actions };
      });

      api.get<{ Params: { actionId: string } }>("/actions/:actionId", limited, async (request) => ({
        action: await services.actions.get(userOf(request), request.params.actionId),
      }));

      api.get<{ Params: { actionId: string } }>("/actions/:actionId/updates", limited, async (request) => ({
        updates: (await services.actions.get(userOf(request), request.params.actionId)).timeline,
      }));

      api.post<{ Params: { actionId: string } }>(
        "/actions/:actionId/updates",
        limited,
        async (request, reply) => {
          const user = userOf(request);
          const body = parseWith(ActionUpdateBody, request.body);
          const result = await services.actions.update(user, request.params.actionId, {
            ...body,
            attachments: [],
          });
          return reply.code(201).send({ rowVersion: result.rowVersion });
        },
      );

      api.get("/findings", limited, async (request) => {
        const q = parseWith(FindingListQuery, request.query);
        const findings = await services.findings.listOpen(userOf(request), {
          ...(q.planId ? { planId: q.planId } : {}),
          ...(q.organisation ? { organisationId: q.organisation } : {}),
          ...(q.kind ? { kind: q.kind } : {}),
        });
        return { findings };
      });

      api.get("/challenges", limited, async (request) => ({
        challenges: await services.challenges.list(userOf(request), {}),
      }));

      api.post<{ Params: { actionId: string } }>(
        "/actions/:actionId/challenges",
        limited,
        async (request, reply) => {
          const body = parseWith(ChallengeBody, request.body);
          const challenge = await services.challenges.create(userOf(request), {
            actionId: request.params.actionId,
            ...body,
          });
          return reply.code(201).send({ challenge });
        },
      );

      api.post<{ Params: { challengeId: string } }>(
        "/challenges/:challengeId/resolve",
        limited,
        async (request) => {
          const body = parseWith(ChallengeResolveBody, request.body);
          return {
            challenge: await services.challenges.resolve(userOf(request), request.params.challengeId, body),
          };
        },
      );

      api.post("/imports", limited, async (request, reply) => {
        const user = userOf(request);
        const q = parseWith(ImportQuery, request.query);
        if (!Buffer.isBuffer(request.body)) {
          throw ValidationError.single(
            "body",
            "Send the file's bytes as the request body (Content-Type: application/octet-stream)",
          );
        }
        const target: ImportTarget = q.planId ? { kind: "version", planId: q.planId } : { kind: "new" };
        const preview = await services.imports.stage(
          user,
          { fileName: q.fileName, bytes: request.body },
          target,
        );
        if (q.dryRun === "true") {
          await services.imports.discard(user, preview.id);
          const { id: _id, ...rest } = preview;
          return reply.send({ preview: rest });
        }
        const { planId } = await services.imports.confirm(user, preview.id, target);
        return reply.code(201).send({ planId, warnings: preview.parsed.warnings, diff: preview.diff });
      });
    });
  };
}
