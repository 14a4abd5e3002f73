import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../../test/db-helpers.js";
import type { AssureDb } from "./database.js";
import { InvalidStateError } from "./errors.js";
import {
  addAliases,
  addOrganisation,
  ensureOrganisations,
  ensurePartnership,
  findOrganisation,
  listOrganisations,
  loadOrganisationDirectory,
} from "./organisations.js";

describe.each(databases)("organisations on $name", (d) => {
  let adb: AssureDb;
  beforeAll(async () => {
    adb = await d.open();
  });
  afterAll(async () => {
    await adb?.close();
  });

  it("ensures a partnership once", async () => {
    const a = await ensurePartnership(adb.db, "Milton Keynes Together", { reviewCadenceDays: 60 });
    const b = await ensurePartnership(adb.db, " Milton Keynes Together ");
    expect(b.id).toBe(a.id);
    expect(a.reviewCadenceDays).toBe(60);
  });

  it("keeps names and aliases unique within a partnership, ignoring case", async () => {
    const p = await ensurePartnership(adb.db, "One");
    const q = await ensurePartnership(adb.db, "Two");
    const trust = await addOrganisation(adb.db, {
      partnershipId: p.id,
      name: "Milton Keynes University Hospital",
      aliases: ["MKUHT", "MKUHFT", "mkuht"],
    });
    await expect(
      addOrganisation(adb.db, { partnershipId: p.id, name: "milton keynes university hospital" }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    await expect(
      addOrganisation(adb.db, { partnershipId: p.id, name: "Other", aliases: ["MKUHT"] }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    // The same alias in another partnership is fine.
    await addOrganisation(adb.db, { partnershipId: q.id, name: "Elsewhere Trust", aliases: ["MKUHT"] });

    expect((await findOrganisation(adb.db, p.id, "  mkuhft "))?.id).toBe(trust);
    expect(await findOrganisation(adb.db, p.id, "Nobody")).toBeUndefined();
    const orgs = await listOrganisations(adb.db, p.id);
    expect(orgs.find((o) => o.id === trust)?.aliases.map((a) => a.alias)).toEqual(["MKUHFT", "MKUHT"]);

    // The database enforces it too, whatever the code does.
    await expect(
      adb.db
        .insertInto("organisationAlias")
        .values({ organisationId: trust, partnershipId: p.id, alias: "mkuhfT" })
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i);
    await expect(
      adb.db
        .insertInto("organisationAlias")
        .values({ organisationId: trust, partnershipId: q.id, alias: "cross" })
        .execute(),
    ).rejects.toThrow(/foreign key/);

    await addAliases(adb.db, trust, ["Milton Keynes Hospital"]);
    expect((await loadOrganisationDirectory(adb.db, p.id)).organisations).toEqual([
      { name: "Milton Keynes University Hospital", aliases: ["Milton Keynes Hospital", "MKUHFT", "MKUHT"] },
    ]);
  });

  it("ensures a directory's organisations without duplicating or stealing aliases", async () => {
    const p = await ensurePartnership(adb.db, "Three");
    await addOrganisation(adb.db, { partnershipId: p.id, name: "Thames Valley Police", aliases: ["TVP"] });
    const added = await ensureOrganisations(adb.db, p.id, {
      organisations: [
        { name: "thames valley police", aliases: ["Thames Valley Police Force"] },
        { name: "Milton Keynes Council", aliases: ["MKC", "TVP"] },
      ],
    });
    expect(added).toBe(1);
    const dir = await loadOrganisationDirectory(adb.db, p.id);
    expect(dir.organisations).toEqual([
      { name: "Milton Keynes Council", aliases: ["MKC"] },
      { name: "Thames Valley Police", aliases: ["Thames Valley Police Force", "TVP"] },
    ]);
    expect(await ensureOrganisations(adb.db, p.id, dir)).toBe(0);
  });
});
