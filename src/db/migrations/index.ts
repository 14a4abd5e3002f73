import type { Migration } from "kysely";
import * as m0001 from "./0001_initial.js";
import * as m0002 from "./0002_store_adapter.js";
import * as m0003 from "./0003_durable_sign_in.js";
import * as m0004 from "./0004_sign_in_lockout_audit.js";

/**
 * Every migration, listed in code rather than read from a folder, so that the same list runs from src/
 * under Vitest and from dist/ after a build. Add new ones at the end; never edit or reorder old ones.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001_initial": m0001,
  "0002_store_adapter": m0002,
  "0003_durable_sign_in": m0003,
  "0004_sign_in_lockout_audit": m0004,
};
