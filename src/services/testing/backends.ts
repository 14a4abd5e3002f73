import { randomBytes } from "node:crypto";
import { databases } from "../../../test/db-helpers.js";
import { ensurePartnership } from "../../db/organisations.js";
import { createKyselyStore } from "../../db/store/index.js";
import { MemoryStore } from "../memory-store.js";
import type { Store } from "../store.js";

/**
 * Every Store the services run on: the memory store, and the database's store on each test database.
 * A database is opened once per test file; each test gets a partnership of its own in it, which is as
 * separate as a new database for everything the services see, and far quicker.
 */
export interface Backend {
  name: string;
  open(): Promise<{ newStore(): Promise<Store>; close(): Promise<void> }>;
}

export const backends: Backend[] = [
  { name: "memory", open: async () => ({ newStore: async () => new MemoryStore(), close: async () => {} }) },
  ...databases.map(
    (d): Backend => ({
      name: d.name,
      async open() {
        const adb = await d.open();
        return {
          async newStore() {
            const partnership = await ensurePartnership(
              adb.db,
              `Test partnership ${randomBytes(6).toString("hex")}`,
            );
            return createKyselyStore(adb.db, { partnershipId: partnership.id });
          },
          close: () => adb.close(),
        };
      },
    }),
  ),
];
