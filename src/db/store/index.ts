import { type Kysely, sql } from "kysely";
import type { Store } from "../../services/store.js";
import type { Schema } from "../schema.js";
import { actionsStore } from "./actions.js";
import { auditStore } from "./audit.js";
import { challengesStore } from "./challenges.js";
import { findingsStore } from "./findings.js";
import { loginAttemptsStore } from "./login-attempts.js";
import { organisationsStore } from "./organisations.js";
import { plansStore } from "./plans.js";
import { stagedStore } from "./staged.js";
import { sessionsStore, usersStore } from "./users.js";

export interface KyselyStoreOptions {
  /** The partnership this installation serves; everything read and written is its. */
  partnershipId: number;
}

/**
 * The services' Store over the database (PGlite or PostgreSQL). Behaves as MemoryStore does, which
 * store-contract.test.ts checks against both databases.
 */
export function createKyselyStore(db: Kysely<Schema>, opts: KyselyStoreOptions): Store {
  const { partnershipId } = opts;
  const store: Store = {
    transaction(fn) {
      // Kysely cannot nest transactions; work already inside one joins it, as MemoryStore's does. On
      // PGlite everything inside must go through the transaction's store, never the outer one.
      if (db.isTransaction) return fn(store);
      return db.transaction().execute((trx) => fn(createKyselyStore(trx, opts)));
    },
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    users: usersStore(db, partnershipId),
    sessions: sessionsStore(db, partnershipId),
    loginAttempts: loginAttemptsStore(db, partnershipId),
    organisations: organisationsStore(db, partnershipId),
    plans: plansStore(db, partnershipId),
    actions: actionsStore(db, partnershipId),
    findings: findingsStore(db, partnershipId),
    challenges: challengesStore(db, partnershipId),
    audit: auditStore(db, partnershipId),
    staged: stagedStore(db),
  };
  return store;
}
