import type { Config } from "../config.js";
import { type AssureDb, migrateToLatest, openDatabase, type Partnership } from "../db/index.js";
import { createKyselyStore } from "../db/store/index.js";
import { argon2idHasher, type PasswordHasher } from "../services/passwords.js";
import { createProductionServices } from "../services/production.js";
import type { Store } from "../services/store.js";
import type { Services } from "../services/types.js";
import { currentPartnership, DEFAULT_PARTNERSHIP_NAME, DEMO_PARTNERSHIP_NAME } from "./partnership.js";

export interface Runtime {
  config: Config;
  database: AssureDb;
  partnership: Partnership;
  store: Store;
  services: Services;
  passwords: PasswordHasher;
  close(): Promise<void>;
}

/** The composition root: config → database → store → services. The web app and the CLI both start here. */
export async function createRuntime(config: Config): Promise<Runtime> {
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const fallbackName =
      config.partnershipName ?? (config.demo === "auto" ? DEMO_PARTNERSHIP_NAME : DEFAULT_PARTNERSHIP_NAME);
    const partnership = await currentPartnership(database.db, fallbackName);
    const store = createKyselyStore(database.db, { partnershipId: partnership.id });
    const passwords = argon2idHasher();
    const services = createProductionServices({
      store,
      partnershipName: partnership.name,
      maxImportBytes: config.maxUploadBytes,
      passwords,
      sessions: config.sessions,
      loginThrottle: config.loginThrottle,
    });
    return { config, database, partnership, store, services, passwords, close: () => database.close() };
  } catch (err) {
    await database.close();
    throw err;
  }
}
