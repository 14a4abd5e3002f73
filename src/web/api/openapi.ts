import { z } from "zod";
import { SOURCE_KINDS } from "../../domain/plan.js";
import { STATUSES } from "../../domain/status.js";
import { CHALLENGE_STATES, FINDING_KINDS } from "../../services/types.js";
import { ActionUpdateBody, ChallengeBody, ChallengeResolveBody } from "./schemas.js";

/** The small part of OpenAPI 3.1 this document uses, typed so a mistake in its shape fails to compile. */
type JsonSchema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

interface MediaType {
  schema: JsonSchema;
}

interface Response {
  description: string;
  content?: Record<string, MediaType>;
}

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, MediaType> };
  responses: Record<string, Response>;
  security?: Record<string, string[]>[];
}

type Method = "get" | "post";
type PathItem = Partial<Record<Method, Operation>>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: {
    title: string;
    version: string;
    description: string;
    license: { name: string; identifier: string };
  };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, PathItem>;
  components: {
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; description: string }>;
    schemas: Record<string, JsonSchema>;
  };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string): JsonSchema => ({
  type: "string",
  ...(description ? { description } : {}),
});
const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: "null" }] });
const date: JsonSchema = { type: "string", format: "date" };
const dateTime: JsonSchema = { type: "string", format: "date-time" };
const int: JsonSchema = { type: "integer" };
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: "array", items });
const object = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({
  type: "object",
  properties,
  required,
});
const counts = (keys: readonly string[]): JsonSchema => object(Object.fromEntries(keys.map((k) => [k, int])));

/** JSON Schema of a zod request body, without the $schema key (OpenAPI 3.1 uses 2020-12 already). */
function bodySchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input" }) as JsonSchema;
  return rest;
}

const json = (schema: JsonSchema) => ({ "application/json": { schema } });

const errors = (...codes: number[]): Record<string, Response> => {
  const text: Record<number, string> = {
    400: "The request is invalid; `problems` names each field",
    401: "No valid Bearer token",
    403: "Your role does not allow this",
    404: "No such resource",
    409: "The action changed since you read it (stale rowVersion); nothing was written",
    413: "The file is larger than the limit",
  };
  return Object.fromEntries(
    codes.map((c) => [String(c), { description: text[c] ?? "Error", content: json(ref("Error")) }]),
  );
};

const idParam = (name: string): Parameter => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string" },
});

const schemas: Record<string, JsonSchema> = {
  Status: { type: "string", enum: [...STATUSES] },
  FindingKind: { type: "string", enum: [...FINDING_KINDS] },
  Error: object({
    error: object(
      {
        status: int,
        title: str(),
        message: str(),
        problems: arrayOf(object({ field: str(), message: str() })),
      },
      ["status", "title", "message"],
    ),
  }),
  Organisation: object({ id: str(), name: str() }),
  RagKeyEntry: object({
    label: str(),
    colour: nullable(str()),
    word: nullable(str()),
    status: ref("Status"),
  }),
  PlanSummary: object({
    id: str(),
    title: str(),
    sourceKind: nullable({ type: "string", enum: [...SOURCE_KINDS] }),
    sourceTitle: nullable(str()),
    versionLabel: nullable(str()),
    versionNumber: int,
    asOf: nullable(date),
    importedAt: dateTime,
    actionCount: int,
    statusCounts: counts(STATUSES),
    findingCounts: counts(FINDING_KINDS),
    openFindings: int,
  }),
  PlanDetail: {
    allOf: [
      ref("PlanSummary"),
      object({
        ragKey: arrayOf(ref("RagKeyEntry")),
        reviewCadenceDays: int,
        fileName: str(),
        sections: arrayOf(object({ name: str(), organisation: nullable(str()) })),
        versions: arrayOf(
          object({
            id: str(),
            number: int,
            label: nullable(str()),
            fileName: str(),
            importedAt: dateTime,
            importedBy: nullable(str()),
          }),
        ),
      }),
    ],
  },
  ActionSummary: object({
    id: str(),
    planId: str(),
    planTitle: str(),
    section: str(),
    ref: str("The ref as the plan writes it, e.g. 7.12 or 28 SY2,8"),
    organisations: arrayOf(ref("Organisation")),
    lead: str(),
    due: nullable(date),
    dueText: str("The timescale as written"),
    status: ref("Status"),
    statusText: str("The status as written"),
    lastUpdate: nullable(date),
    findingKinds: arrayOf(ref("FindingKind")),
    findingCount: int,
    rowVersion: { type: "integer", description: "Send it back with an update (optimistic locking)" },
    withdrawn: { type: "boolean" },
  }),
  Finding: object({
    id: str(),
    kind: ref("FindingKind"),
    severity: { type: "string", enum: ["high", "medium", "low"] },
    planId: str(),
    planTitle: str(),
    actionId: nullable(str()),
    section: str(),
    organisation: nullable(str()),
    ref: str(),
    reason: str("Why it was raised, quoting the words and dates that triggered it"),
    question: str("The question a scrutineer would put to the agency"),
    raisedOn: date,
    resolvedOn: nullable(date),
  }),
  Attachment: object({ id: str(), fileName: str(), mediaType: str(), size: int }),
  TimelineEntry: object({
    id: str(),
    recordedAt: dateTime,
    effectiveDate: nullable(date),
    source: { type: "string", enum: ["import", "user"] },
    actorName: nullable(str()),
    importFileName: nullable(str()),
    status: ref("Status"),
    statusText: str(),
    progress: str(),
    evidence: str(),
    attachments: arrayOf(ref("Attachment")),
  }),
  Challenge: object({
    id: str(),
    actionId: str(),
    findingId: nullable(str()),
    planId: str(),
    planTitle: str(),
    ref: str(),
    organisation: nullable(str()),
    text: str(),
    raisedBy: str(),
    raisedAt: dateTime,
    state: { type: "string", enum: [...CHALLENGE_STATES] },
    note: str(),
    resolvedBy: nullable(str()),
    resolvedAt: nullable(dateTime),
  }),
  ActionDetail: {
    allOf: [
      ref("ActionSummary"),
      object({
        finding: str(),
        action: str(),
        progress: str(),
        evidenceOfImpact: str(),
        findings: arrayOf(ref("Finding")),
        timeline: arrayOf(ref("TimelineEntry")),
        challenges: arrayOf(ref("Challenge")),
        canUpdate: { type: "boolean", description: "Whether the token's user may add an update" },
      }),
    ],
  },
  PlanDiff: object({
    added: arrayOf(object({ section: str(), ref: str() })),
    withdrawn: arrayOf(object({ section: str(), ref: str() })),
    changed: arrayOf(
      object({
        section: str(),
        ref: str(),
        changes: arrayOf(object({ field: str(), before: str(), after: str() })),
      }),
    ),
    unchanged: int,
  }),
  Warning: object({ where: str(), message: str() }),
  ActionUpdateRequest: bodySchema(ActionUpdateBody),
  ChallengeRequest: bodySchema(ChallengeBody),
  ChallengeResolveRequest: bodySchema(ChallengeResolveBody),
};

const paths: Record<string, PathItem> = {
  "/plans": {
    get: {
      operationId: "listPlans",
      summary: "Every plan, with counts by status and by open finding kind",
      tags: ["plans"],
      responses: {
        "200": { description: "The plans", content: json(object({ plans: arrayOf(ref("PlanSummary")) })) },
        ...errors(401),
      },
    },
  },
  "/plans/{planId}": {
    get: {
      operationId: "getPlan",
      summary: "A plan's metadata: source, version, as-of date, RAG key, review cadence, versions",
      tags: ["plans"],
      parameters: [idParam("planId")],
      responses: {
        "200": { description: "The plan", content: json(object({ plan: ref("PlanDetail") })) },
        ...errors(401, 404),
      },
    },
  },
  "/plans/{planId}/actions": {
    get: {
      operationId: "listPlanActions",
      summary: "A plan's live actions, filtered and sorted",
      tags: ["actions"],
      parameters: [
        idParam("planId"),
        { name: "organisation", in: "query", description: "Organisation id", schema: { type: "string" } },
        { name: "status", in: "query", schema: ref("Status") },
        {
          name: "kind",
          in: "query",
          description: "Only actions with an open finding of this kind",
          schema: ref("FindingKind"),
        },
        {
          name: "sort",
          in: "query",
          schema: {
            type: "string",
            enum: ["ref", "organisation", "lead", "due", "status", "lastUpdate", "findings"],
          },
        },
        { name: "order", in: "query", schema: { type: "string", enum: ["asc", "desc"] } },
      ],
      responses: {
        "200": {
          description: "The actions",
          content: json(object({ actions: arrayOf(ref("ActionSummary")) })),
        },
        ...errors(400, 401, 404),
      },
    },
  },
  "/actions/{actionId}": {
    get: {
      operationId: "getAction",
      summary: "Everything about an action: its findings, challenges and full timeline",
      tags: ["actions"],
      parameters: [idParam("actionId")],
      responses: {
        "200": { description: "The action", content: json(object({ action: ref("ActionDetail") })) },
        ...errors(401, 404),
      },
    },
  },
  "/actions/{actionId}/updates": {
    get: {
      operationId: "listActionUpdates",
      summary: "An action's history, newest first: every rating and update, imports included",
      tags: ["updates"],
      parameters: [idParam("actionId")],
      responses: {
        "200": {
          description: "The history",
          content: json(object({ updates: arrayOf(ref("TimelineEntry")) })),
        },
        ...errors(401, 404),
      },
    },
    post: {
      operationId: "addActionUpdate",
      summary: "Add an update to an action",
      description:
        "Agency editors may update only actions owned by their organisation; admins any. Send the rowVersion you read: if someone saved since, the update is refused with 409 and nothing is written.",
      tags: ["updates"],
      parameters: [idParam("actionId")],
      requestBody: { required: true, content: json(ref("ActionUpdateRequest")) },
      responses: {
        "201": { description: "Saved", content: json(object({ rowVersion: int })) },
        ...errors(400, 401, 403, 404, 409),
      },
    },
  },
  "/findings": {
    get: {
      operationId: "listFindings",
      summary: "Open findings across plans",
      tags: ["findings"],
      parameters: [
        { name: "planId", in: "query", schema: { type: "string" } },
        { name: "organisation", in: "query", description: "Organisation id", schema: { type: "string" } },
        { name: "kind", in: "query", schema: ref("FindingKind") },
      ],
      responses: {
        "200": { description: "The findings", content: json(object({ findings: arrayOf(ref("Finding")) })) },
        ...errors(400, 401),
      },
    },
  },
  "/challenges": {
    get: {
      operationId: "listChallenges",
      summary: "Every challenge recorded by the Assurance group or the scrutineer",
      tags: ["challenges"],
      responses: {
        "200": {
          description: "The challenges",
          content: json(object({ challenges: arrayOf(ref("Challenge")) })),
        },
        ...errors(401),
      },
    },
  },
  "/actions/{actionId}/challenges": {
    post: {
      operationId: "raiseChallenge",
      summary: "Record a challenge on an action (scrutineers and admins)",
      tags: ["challenges"],
      parameters: [idParam("actionId")],
      requestBody: { required: true, content: json(ref("ChallengeRequest")) },
      responses: {
        "201": { description: "Recorded", content: json(object({ challenge: ref("Challenge") })) },
        ...errors(400, 401, 403, 404),
      },
    },
  },
  "/challenges/{challengeId}/resolve": {
    post: {
      operationId: "resolveChallenge",
      summary: "Mark a challenge answered or not answered (scrutineers and admins)",
      tags: ["challenges"],
      parameters: [idParam("challengeId")],
      requestBody: { required: true, content: json(ref("ChallengeResolveRequest")) },
      responses: {
        "200": { description: "Marked", content: json(object({ challenge: ref("Challenge") })) },
        ...errors(400, 401, 403, 404),
      },
    },
  },
  "/imports": {
    post: {
      operationId: "importPlan",
      summary: "Import a plan file (admins)",
      description:
        "Send the file's bytes as the body. With dryRun=true nothing is stored and the parsed plan, every warning and (for a new version) what would change come back. Otherwise the whole plan is stored atomically.",
      tags: ["imports"],
      parameters: [
        { name: "fileName", in: "query", required: true, schema: { type: "string" } },
        {
          name: "planId",
          in: "query",
          description: "Import as a new version of this plan",
          schema: { type: "string" },
        },
        {
          name: "dryRun",
          in: "query",
          schema: { type: "string", enum: ["true", "false"], default: "false" },
        },
      ],
      requestBody: {
        required: true,
        content: {
          "application/octet-stream": {
            schema: { type: "string", contentMediaType: "application/octet-stream" },
          },
        },
      },
      responses: {
        "200": {
          description: "Dry run: what would be imported",
          content: json(
            object({
              preview: object({
                fileName: str(),
                size: int,
                stagedAt: dateTime,
                parsed: {
                  type: "object",
                  description: "The parsed plan, in the shape of `assure parse --json`",
                },
                target: { type: "object" },
                diff: nullable(ref("PlanDiff")),
              }),
            }),
          ),
        },
        "201": {
          description: "Imported",
          content: json(
            object({ planId: str(), warnings: arrayOf(ref("Warning")), diff: nullable(ref("PlanDiff")) }),
          ),
        },
        ...errors(400, 401, 403, 413),
      },
    },
  },
};

/** The API's OpenAPI 3.1 document, served at /api/v1/openapi.json. */
export function openApiDocument(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "Assure API",
      version: "1.0.0",
      description:
        "Plans, actions, updates, findings, challenges and imports of a safeguarding partnership. Every request carries a personal API token (create one on the Your account page) and has the same role rules as the web pages.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A personal API token: Authorization: Bearer assure_…",
        },
      },
      schemas,
    },
  };
}
