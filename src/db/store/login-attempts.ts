import type { Kysely } from "kysely";
import type { Store } from "../../services/store.js";
import type { Schema } from "../schema.js";
import {
  beginLoginLockout,
  clearLoginAttempts,
  deleteLoginAttemptsBefore,
  recentLoginAttempts,
  recordLoginAttempts,
} from "../sessions.js";
import { iso } from "./ids.js";

/** Failed sign-ins of the partnership, shared by every process on the database. */
export function loginAttemptsStore(db: Kysely<Schema>, partnershipId: number): Store["loginAttempts"] {
  return {
    async record(keys, at) {
      await recordLoginAttempts(db, partnershipId, keys, new Date(at));
    },
    async recent(key, after, limit) {
      if (limit <= 0) return [];
      return (await recentLoginAttempts(db, partnershipId, key, new Date(after), limit)).map(iso);
    },
    async clear(key) {
      await clearLoginAttempts(db, partnershipId, key);
    },
    async deleteBefore(at) {
      return deleteLoginAttemptsBefore(db, new Date(at), partnershipId);
    },
    async beginLockout(key, at, until) {
      return beginLoginLockout(db, partnershipId, key, new Date(at), new Date(until));
    },
  };
}
