import { type Kysely, sql } from "kysely";
import type { Schema } from "../schema.js";

/** Arbitrary, so Assure's advisory locks cannot collide with another application's on the same server. */
const PLAN_LOCK_SPACE = 0x41535552;

/**
 * Makes writers of one plan (imports, updates, findings refreshes) take turns until their transaction
 * ends. Taken before any row lock, so it cannot deadlock with them; it also means a transaction that
 * recomputes findings reads the plan after the previous writer committed, not before.
 */
export async function lockPlan(trx: Kysely<Schema>, planId: number): Promise<void> {
  if (!trx.isTransaction) throw new Error("lockPlan needs a transaction: the lock ends with it");
  await sql`select pg_advisory_xact_lock(${PLAN_LOCK_SPACE}::int4, ${planId}::int4)`.execute(trx);
}
