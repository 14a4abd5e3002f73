import type { Kysely } from "kysely";
import { ConflictError, NotFoundError } from "../../services/errors.js";
import type { Store } from "../../services/store.js";
import type { Organisation } from "../../services/types.js";
import { addOrganisation, findOrganisation } from "../organisations.js";
import type { Schema } from "../schema.js";
import { translated } from "./errors.js";
import { dbId, storeId } from "./ids.js";

export function organisationsStore(db: Kysely<Schema>, partnershipId: number): Store["organisations"] {
  async function mustFind(organisationId: string): Promise<number> {
    const n = dbId(organisationId);
    const org =
      n === null
        ? undefined
        : await db
            .selectFrom("organisation")
            .select("id")
            .where("id", "=", n)
            .where("partnershipId", "=", partnershipId)
            .executeTakeFirst();
    if (!org) throw new NotFoundError(`No organisation with id ${organisationId}`);
    return org.id;
  }

  return {
    async list() {
      const orgs = await db
        .selectFrom("organisation")
        .select(["id", "name"])
        .where("partnershipId", "=", partnershipId)
        .execute();
      // Aliases in the order they were added, as people entered them.
      const aliases = await db
        .selectFrom("organisationAlias")
        .select(["organisationId", "alias"])
        .where("partnershipId", "=", partnershipId)
        .orderBy("id")
        .execute();
      const result: Organisation[] = orgs.map((o) => ({
        id: storeId(o.id),
        name: o.name,
        aliases: aliases.filter((a) => a.organisationId === o.id).map((a) => a.alias),
      }));
      return result.sort((a, b) => a.name.localeCompare(b.name));
    },

    async create(name) {
      const clash = await findOrganisation(db, partnershipId, name);
      if (clash) throw new ConflictError(`${name} is already known as ${clash.name}`);
      const id = await translated(() => addOrganisation(db, { partnershipId, name }));
      return { id: storeId(id), name: name.trim(), aliases: [] };
    },

    async addAlias(organisationId, alias) {
      const id = await mustFind(organisationId);
      const clash = await findOrganisation(db, partnershipId, alias);
      if (clash) throw new ConflictError(`${alias} is already a name of ${clash.name}`);
      await translated(() =>
        db
          .insertInto("organisationAlias")
          .values({ organisationId: id, partnershipId, alias: alias.trim() })
          .execute(),
      );
    },

    async removeAlias(organisationId, alias) {
      const id = await mustFind(organisationId);
      await db
        .deleteFrom("organisationAlias")
        .where("organisationId", "=", id)
        .where("alias", "=", alias)
        .execute();
    },
  };
}
