import type { Kysely } from "kysely";
import type { ChallengeStatus, Schema } from "./schema.js";

/** A scrutineer's challenge to the agency owning an action, optionally about one of its findings. */
export interface ChallengeEntry {
  id: number;
  actionId: number;
  findingId: number | null;
  text: string;
  raisedBy: number;
  createdAt: Date;
  status: ChallengeStatus;
  /** The note made when it was marked answered or not answered. */
  answer: string | null;
  resolvedBy: number | null;
  resolvedAt: Date | null;
}

const COLUMNS = [
  "challenge.id",
  "challenge.actionId",
  "challenge.findingId",
  "challenge.text",
  "challenge.raisedBy",
  "challenge.createdAt",
  "challenge.status",
  "challenge.answer",
  "challenge.resolvedBy",
  "challenge.resolvedAt",
] as const;

type Row = Omit<ChallengeEntry, "actionId"> & { actionId: number | null };

function entry(row: Row): ChallengeEntry {
  // Every query here joins the action, so a row without one cannot come back.
  if (row.actionId === null) throw new Error(`Challenge ${row.id} has no action`);
  return { ...row, actionId: row.actionId };
}

export async function createChallenge(
  db: Kysely<Schema>,
  input: { actionId: number; findingId: number | null; raisedBy: number; text: string; at?: Date },
): Promise<ChallengeEntry> {
  const at = input.at ?? new Date();
  const row = await db
    .insertInto("challenge")
    .values({
      actionId: input.actionId,
      findingId: input.findingId,
      raisedBy: input.raisedBy,
      text: input.text,
      status: "open",
      answer: null,
      createdAt: at,
      updatedAt: at,
    })
    .returning([
      "id",
      "actionId",
      "findingId",
      "text",
      "raisedBy",
      "createdAt",
      "status",
      "answer",
      "resolvedBy",
      "resolvedAt",
    ])
    .executeTakeFirstOrThrow();
  return entry(row);
}

export interface ChallengeQuery {
  partnershipId: number;
  actionId?: number;
  status?: ChallengeStatus;
}

/** A partnership's challenges about actions, newest first (ties in the order they were raised). */
export async function listChallenges(db: Kysely<Schema>, query: ChallengeQuery): Promise<ChallengeEntry[]> {
  let q = db
    .selectFrom("challenge")
    .innerJoin("action", "action.id", "challenge.actionId")
    .innerJoin("plan", "plan.id", "action.planId")
    .select(COLUMNS)
    .where("plan.partnershipId", "=", query.partnershipId);
  if (query.actionId !== undefined) q = q.where("challenge.actionId", "=", query.actionId);
  if (query.status !== undefined) q = q.where("challenge.status", "=", query.status);
  const rows = await q.orderBy("challenge.createdAt", "desc").orderBy("challenge.id").execute();
  return rows.map(entry);
}

export async function getChallenge(
  db: Kysely<Schema>,
  partnershipId: number,
  id: number,
): Promise<ChallengeEntry | undefined> {
  const row = await db
    .selectFrom("challenge")
    .innerJoin("action", "action.id", "challenge.actionId")
    .innerJoin("plan", "plan.id", "action.planId")
    .select(COLUMNS)
    .where("plan.partnershipId", "=", partnershipId)
    .where("challenge.id", "=", id)
    .executeTakeFirst();
  return row && entry(row);
}

/** Marks a challenge answered or not answered; undefined when the partnership has no such challenge. */
export async function resolveChallenge(
  db: Kysely<Schema>,
  partnershipId: number,
  id: number,
  input: { status: Exclude<ChallengeStatus, "open">; answer: string; resolvedBy: number; at?: Date },
): Promise<ChallengeEntry | undefined> {
  if (!(await getChallenge(db, partnershipId, id))) return undefined;
  const at = input.at ?? new Date();
  await db
    .updateTable("challenge")
    .set({
      status: input.status,
      answer: input.answer,
      resolvedBy: input.resolvedBy,
      resolvedAt: at,
      updatedAt: at,
    })
    .where("id", "=", id)
    .execute();
  return getChallenge(db, partnershipId, id);
}
