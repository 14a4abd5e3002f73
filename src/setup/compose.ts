import { randomBytes } from "node:crypto";
import type { Config } from "../config.js";
import { type AssureDb, migrateToLatest, openDatabase, type Partnership } from "../db/index.js";
import { createKyselyStore } from "../db/store/index.js";
import { defaultDirectory, mergeDirectories } from "../domain/organisations.js";
import { DEFAULT_LIMITS } from "../import/errors.js";
import { parseBuffer } from "../import/parse-file.js";
import { createServices } from "../services/index.js";
import { argon2idHasher, type PasswordHasher } from "../services/passwords.js";
import type { Store } from "../services/store.js";
import type { Services } from "../services/types.js";
import { assessStoredPlan } from "./assess-adapter.js";
import { currentPartnership, DEFAULT_PARTNERSHIP_NAME, DEMO_PARTNERSHIP_NAME } from "./partnership.js";
import { reportRenderer } from "./report-adapter.js";

export interface Runtime {
  config: Config;
  database: AssureDb;
  partnership: Partnership;
  store: Store;
  services: Services;
  passwords: PasswordHasher;
  /** Cookie/CSRF secret: the configured one, or a random one for this process. */
  secret: string;
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
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: config.maxUploadBytes };
    const services = createServices({
      store,
      parse: (bytes, fileName, directory) =>
        parseBuffer(bytes, fileName, { limits, directory: mergeDirectories(directory, defaultDirectory()) }),
      assess: assessStoredPlan,
      reports: reportRenderer(() => partnership.name),
      passwords,
      maxImportBytes: config.maxUploadBytes,
    });
    return {
      config,
      database,
      partnership,
      store,
      services,
      passwords,
      secret: config.web.sessionSecret ?? randomBytes(32).toString("base64url"),
      close: () => database.close(),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
