import type { Kysely } from "kysely";
import { ensurePartnership, listPartnerships, type Partnership, type Schema } from "../db/index.js";

/**
 * An Assure installation serves one partnership: the first one stored, or a new one with the
 * configured name when the database is empty.
 */
export async function currentPartnership(db: Kysely<Schema>, fallbackName: string): Promise<Partnership> {
  const existing = await listPartnerships(db);
  const first = existing[0];
  return first ?? ensurePartnership(db, fallbackName);
}

export const DEFAULT_PARTNERSHIP_NAME = "Safeguarding partnership";
export const DEMO_PARTNERSHIP_NAME = "MK Together Safeguarding Partnership (demo)";
