import { type Kysely, sql } from "kysely";
import type { OrganisationDirectory } from "../domain/organisation.js";
import { normaliseKey } from "../domain/plan-diff.js";
import { InvalidStateError, NotFoundError } from "./errors.js";
import type { Schema } from "./schema.js";
import { inTransaction } from "./transaction.js";

export interface Partnership {
  id: number;
  name: string;
  reviewCadenceDays: number;
}

/** The partnership of that name, created if missing. */
export async function ensurePartnership(
  db: Kysely<Schema>,
  name: string,
  opts: { reviewCadenceDays?: number } = {},
): Promise<Partnership> {
  const trimmed = name.trim();
  await db
    .insertInto("partnership")
    .values({
      name: trimmed,
      ...(opts.reviewCadenceDays ? { reviewCadenceDays: opts.reviewCadenceDays } : {}),
    })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  return db
    .selectFrom("partnership")
    .select(["id", "name", "reviewCadenceDays"])
    .where("name", "=", trimmed)
    .executeTakeFirstOrThrow();
}

export async function getPartnership(db: Kysely<Schema>, id: number): Promise<Partnership | undefined> {
  return db
    .selectFrom("partnership")
    .select(["id", "name", "reviewCadenceDays"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function listPartnerships(db: Kysely<Schema>): Promise<Partnership[]> {
  return db.selectFrom("partnership").select(["id", "name", "reviewCadenceDays"]).orderBy("id").execute();
}

export async function setPartnershipCadence(db: Kysely<Schema>, id: number, days: number): Promise<void> {
  const r = await db
    .updateTable("partnership")
    .set({ reviewCadenceDays: days })
    .where("id", "=", id)
    .execute();
  if (r[0]?.numUpdatedRows === 0n) throw new NotFoundError("partnership", id);
}

export interface OrganisationWithAliases {
  id: number;
  name: string;
  note: string | null;
  aliases: { id: number; alias: string }[];
}

export async function listOrganisations(
  db: Kysely<Schema>,
  partnershipId: number,
): Promise<OrganisationWithAliases[]> {
  const orgs = await db
    .selectFrom("organisation")
    .select(["id", "name", "note"])
    .where("partnershipId", "=", partnershipId)
    .orderBy(sql`lower(name)`)
    .execute();
  const aliases = await db
    .selectFrom("organisationAlias")
    .select(["id", "organisationId", "alias"])
    .where("partnershipId", "=", partnershipId)
    .orderBy(sql`lower(alias)`)
    .execute();
  const byOrg = new Map<number, { id: number; alias: string }[]>();
  for (const a of aliases) {
    const list = byOrg.get(a.organisationId) ?? [];
    list.push({ id: a.id, alias: a.alias });
    byOrg.set(a.organisationId, list);
  }
  return orgs.map((o) => ({ ...o, aliases: byOrg.get(o.id) ?? [] }));
}

/** The partnership's organisations in the shape the importer reads names with. */
export async function loadOrganisationDirectory(
  db: Kysely<Schema>,
  partnershipId: number,
): Promise<OrganisationDirectory> {
  const orgs = await listOrganisations(db, partnershipId);
  return { organisations: orgs.map((o) => ({ name: o.name, aliases: o.aliases.map((a) => a.alias) })) };
}

export interface OrganisationRef {
  id: number;
  name: string;
}

/** Every name and alias of a partnership's organisations, normalised, to the organisation it means. */
export type OrganisationIndex = Map<string, OrganisationRef>;

export async function loadOrganisationIndex(
  db: Kysely<Schema>,
  partnershipId: number,
): Promise<OrganisationIndex> {
  const index: OrganisationIndex = new Map();
  const orgs = await listOrganisations(db, partnershipId);
  // Names first: an organisation's own name wins over anyone's alias.
  for (const o of orgs) index.set(normaliseKey(o.name), { id: o.id, name: o.name });
  for (const o of orgs) {
    for (const a of o.aliases) {
      const key = normaliseKey(a.alias);
      if (!index.has(key)) index.set(key, { id: o.id, name: o.name });
    }
  }
  return index;
}

/** Finds an organisation by its name or any alias, ignoring case and spacing. */
export async function findOrganisation(
  db: Kysely<Schema>,
  partnershipId: number,
  nameOrAlias: string,
): Promise<OrganisationRef | undefined> {
  return (await loadOrganisationIndex(db, partnershipId)).get(normaliseKey(nameOrAlias));
}

export interface NewOrganisation {
  partnershipId: number;
  name: string;
  aliases?: string[];
  note?: string | null;
}

/** Adds an organisation with its aliases; refuses a name or alias another organisation already goes by. */
export async function addOrganisation(db: Kysely<Schema>, org: NewOrganisation): Promise<number> {
  const name = org.name.trim();
  if (name === "") throw new InvalidStateError("An organisation needs a name");
  return inTransaction(db, async (trx) => {
    const clash = await findOrganisation(trx, org.partnershipId, name);
    if (clash) throw new InvalidStateError(`"${name}" is already used by the organisation "${clash.name}"`);
    const { id } = await trx
      .insertInto("organisation")
      .values({ partnershipId: org.partnershipId, name, note: org.note ?? null })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (org.aliases?.length) await addAliases(trx, id, org.aliases);
    return id;
  });
}

/** Adds aliases to an organisation. An alias it already has is skipped; one another organisation uses is refused. */
export async function addAliases(
  db: Kysely<Schema>,
  organisationId: number,
  aliases: string[],
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const org = await trx
      .selectFrom("organisation")
      .select(["id", "name", "partnershipId"])
      .where("id", "=", organisationId)
      .executeTakeFirst();
    if (!org) throw new NotFoundError("organisation", organisationId);
    const seen = new Set<string>([normaliseKey(org.name)]);
    for (const raw of aliases) {
      const alias = raw.trim().replace(/\s+/g, " ");
      const key = normaliseKey(alias);
      if (alias === "" || seen.has(key)) continue;
      seen.add(key);
      const owner = await findOrganisation(trx, org.partnershipId, alias);
      if (owner && owner.id !== org.id) {
        throw new InvalidStateError(`"${alias}" is already used by the organisation "${owner.name}"`);
      }
      if (owner) continue;
      await trx
        .insertInto("organisationAlias")
        .values({ organisationId: org.id, partnershipId: org.partnershipId, alias })
        .execute();
    }
  });
}

export async function removeAlias(db: Kysely<Schema>, aliasId: number): Promise<void> {
  await db.deleteFrom("organisationAlias").where("id", "=", aliasId).execute();
}

/**
 * Makes sure every organisation of a directory exists with its aliases (e.g. the default directory for a
 * new partnership). Existing organisations gain missing aliases; aliases other organisations use are
 * skipped rather than refused, since a directory is a suggestion. Returns how many organisations it added.
 */
export async function ensureOrganisations(
  db: Kysely<Schema>,
  partnershipId: number,
  directory: OrganisationDirectory,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const index = await loadOrganisationIndex(trx, partnershipId);
    let added = 0;
    for (const entry of directory.organisations) {
      const name = entry.name.trim().replace(/\s+/g, " ");
      if (name === "") continue;
      let org = index.get(normaliseKey(name));
      if (!org) {
        const { id } = await trx
          .insertInto("organisation")
          .values({ partnershipId, name, note: null })
          .returning("id")
          .executeTakeFirstOrThrow();
        org = { id, name };
        index.set(normaliseKey(name), org);
        added++;
      }
      for (const raw of entry.aliases) {
        const alias = raw.trim().replace(/\s+/g, " ");
        const key = normaliseKey(alias);
        if (alias === "" || index.has(key)) continue;
        await trx
          .insertInto("organisationAlias")
          .values({ organisationId: org.id, partnershipId, alias })
          .execute();
        index.set(key, org);
      }
    }
    return added;
  });
}
