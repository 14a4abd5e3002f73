import { z } from "zod";
import { STATUSES } from "../../domain/status.js";
import { FINDING_KINDS } from "../../services/types.js";

/** Request bodies of the JSON API, validated with zod; the OpenAPI document is generated from them. */

export const ActionUpdateBody = z
  .object({
    status: z.enum(STATUSES).describe("The action's status after this update"),
    progress: z
      .string()
      .min(1)
      .max(20_000)
      .describe("What has been done; plain text, list items as '- ' lines"),
    evidence: z.string().max(20_000).default("").describe("What shows the change has happened"),
    date: z.iso.date().describe("The date the update speaks for (YYYY-MM-DD), today or earlier"),
    rowVersion: z
      .number()
      .int()
      .min(0)
      .describe("The action's rowVersion when it was read; a stale one is refused with 409"),
  })
  .strict();
export type ActionUpdateBody = z.infer<typeof ActionUpdateBody>;

export const ChallengeBody = z
  .object({
    text: z.string().min(1).max(5_000),
    findingId: z.string().nullable().default(null),
  })
  .strict();

export const ChallengeResolveBody = z
  .object({
    state: z.enum(["answered", "not-answered"]),
    note: z.string().max(5_000).default(""),
  })
  .strict();

export const ImportQuery = z.object({
  fileName: z
    .string()
    .min(1)
    .max(255)
    .describe("The file's name; its extension (.docx, .xlsx, .csv) chooses the reader"),
  planId: z.string().optional().describe("Import as a new version of this plan; omit for a new plan"),
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .describe("true: parse and show what would change, store nothing"),
});

export const ActionListQuery = z.object({
  organisation: z.string().optional(),
  status: z.enum(STATUSES).optional(),
  kind: z.enum(FINDING_KINDS).optional(),
  sort: z.enum(["ref", "organisation", "lead", "due", "status", "lastUpdate", "findings"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
});

export const FindingListQuery = z.object({
  planId: z.string().optional(),
  organisation: z.string().optional(),
  kind: z.enum(FINDING_KINDS).optional(),
});
