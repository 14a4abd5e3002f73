import { type Kysely, sql } from "kysely";
import type { ParsedAction, ParsedPlan, SourceKind } from "../domain/plan.js";
import {
  type ActionDiffEntry,
  actionOwners,
  type DiffCounts,
  diffPlanActions,
  type ExistingAction,
  type FieldChanges,
  normaliseKey,
  type PlanDiff,
  withCanonicalOwners,
} from "../domain/plan-diff.js";
import { appendAudit } from "./audit.js";
import { englandDay, laterDay } from "./days.js";
import { NotFoundError } from "./errors.js";
import { json } from "./json.js";
import { loadOrganisationIndex, type OrganisationIndex } from "./organisations.js";
import type { Schema } from "./schema.js";
import { inTransaction } from "./transaction.js";

export interface StoreImportOptions {
  partnershipId: number;
  /** Store as a new version of this plan; omitted, a new plan is created. */
  planId?: number;
  fileName: string;
  /** Hex SHA-256 of the imported file. */
  fileSha256: string;
  importedBy: number | null;
  /** What the plan answers, when the person importing says so; otherwise the plan's own or "other". */
  sourceKind?: SourceKind;
  now?: Date;
}

export interface ImportResult extends DiffCounts {
  planId: number;
  versionId: number;
  versionNo: number;
  /** Organisations the plan named that the partnership did not know, now created. */
  createdOrganisations: string[];
}

export interface ImportPreview extends DiffCounts {
  planId: number | null;
  entries: ActionDiffEntry<StoredAction>[];
  /** Organisations the import would create. */
  newOrganisations: string[];
}

// Comfortably under PostgreSQL's 65 535 parameters per statement for the widest row written here.
const BATCH = 500;

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every organisation name a plan mentions, each once, in order of first mention. */
function namedOrganisations(parsed: ParsedPlan): string[] {
  const names = new Map<string, string>();
  const add = (name: string | null) => {
    const trimmed = name?.trim().replace(/\s+/g, " ") ?? "";
    if (trimmed !== "" && !names.has(normaliseKey(trimmed))) names.set(normaliseKey(trimmed), trimmed);
  };
  for (const s of parsed.sections) add(s.organisation);
  for (const a of parsed.actions) for (const name of actionOwners(a)) add(name);
  return [...names.values()];
}

/** The plan's actions with every organisation written as the partnership's own name for it. */
function canonicalActions(parsed: ParsedPlan, index: OrganisationIndex): ParsedAction[] {
  return withCanonicalOwners(parsed.actions, (name) => index.get(normaliseKey(name))?.name ?? name.trim());
}

/** A stored action as the diff sees it, with the keys writing it back needs. */
type StoredAction = ExistingAction & { id: number; sectionId: number; position: number; rowVersion: number };

async function loadExistingActions(
  db: Kysely<Schema>,
  planId: number,
  lock: boolean,
): Promise<StoredAction[]> {
  let q = db
    .selectFrom("action")
    .innerJoin("section", "section.id", "action.sectionId")
    .select([
      "action.id",
      "action.sectionId",
      "section.name as section",
      "action.ref",
      "action.position",
      "action.finding",
      "action.actionText",
      "action.lead",
      "action.due",
      "action.dueText",
      "action.status",
      "action.statusText",
      "action.progress",
      "action.evidenceOfImpact",
      "action.lastUpdate",
      "action.withdrawnAt",
      "action.rowVersion",
    ])
    .where("action.planId", "=", planId)
    .orderBy("action.position")
    .orderBy("action.id");
  // Holding the rows keeps a concurrent agency update from slipping in between reading and writing them.
  if (lock) q = q.forUpdate("action");
  const rows = await q.execute();
  const owners = await db
    .selectFrom("actionOrganisation")
    .innerJoin("organisation", "organisation.id", "actionOrganisation.organisationId")
    .innerJoin("action", "action.id", "actionOrganisation.actionId")
    .select(["actionOrganisation.actionId", "organisation.name"])
    .where("action.planId", "=", planId)
    .orderBy("actionOrganisation.actionId")
    .orderBy("actionOrganisation.position")
    .execute();
  const byAction = new Map<number, string[]>();
  for (const o of owners) {
    const list = byAction.get(o.actionId) ?? [];
    list.push(o.name);
    byAction.set(o.actionId, list);
  }
  return rows.map((r) => {
    const organisations = byAction.get(r.id) ?? [];
    return {
      id: r.id,
      sectionId: r.sectionId,
      position: r.position,
      rowVersion: r.rowVersion,
      section: r.section,
      ref: r.ref,
      organisation: organisations[0] ?? null,
      organisations,
      finding: r.finding,
      action: r.actionText,
      lead: r.lead,
      due: r.due,
      dueText: r.dueText,
      status: r.status,
      statusText: r.statusText,
      progress: r.progress,
      evidenceOfImpact: r.evidenceOfImpact,
      lastUpdate: r.lastUpdate,
      withdrawn: r.withdrawnAt !== null,
    };
  });
}

async function assertPlan(db: Kysely<Schema>, planId: number, partnershipId: number, lock: boolean) {
  let q = db
    .selectFrom("plan")
    .select("id")
    .where("id", "=", planId)
    .where("partnershipId", "=", partnershipId);
  if (lock) q = q.forUpdate();
  if (!(await q.executeTakeFirst())) throw new NotFoundError("plan", planId);
}

/** What importing `parsed` would do, without writing anything. */
export async function previewImport(
  db: Kysely<Schema>,
  parsed: ParsedPlan,
  opts: { partnershipId: number; planId?: number },
): Promise<ImportPreview> {
  const index = await loadOrganisationIndex(db, opts.partnershipId);
  const newOrganisations = namedOrganisations(parsed).filter((n) => !index.has(normaliseKey(n)));
  const incoming = canonicalActions(parsed, index);
  let diff: PlanDiff<StoredAction>;
  if (opts.planId === undefined) {
    diff = diffPlanActions([], incoming);
  } else {
    await assertPlan(db, opts.planId, opts.partnershipId, false);
    diff = diffPlanActions(await loadExistingActions(db, opts.planId, false), incoming);
  }
  return { planId: opts.planId ?? null, entries: diff.entries, newOrganisations, ...diff.counts };
}

/**
 * Stores a read plan — a new plan, or a new version of `opts.planId` — in one transaction: all of it or
 * nothing. Every action gets a history entry when it first appears and whenever a later version changes
 * it; an action a later version leaves out is withdrawn (kept, with an entry saying so), and one that
 * comes back is reinstated. Also writes an audit entry.
 */
export async function storeImport(
  db: Kysely<Schema>,
  parsed: ParsedPlan,
  opts: StoreImportOptions,
): Promise<ImportResult> {
  const now = opts.now ?? new Date();
  const importDay = englandDay(now);
  return inTransaction(db, async (trx) => {
    const isNewPlan = opts.planId === undefined;
    let planId: number;
    if (opts.planId !== undefined) {
      // Locking the plan makes concurrent imports of the same plan take turns over version numbers.
      await assertPlan(trx, opts.planId, opts.partnershipId, true);
      planId = opts.planId;
    } else {
      planId = await createPlan(trx, parsed, opts);
    }

    const last = await trx
      .selectFrom("planVersion")
      .select((eb) => eb.fn.max("versionNo").as("n"))
      .where("planId", "=", planId)
      .executeTakeFirst();
    const versionNo = (last?.n ?? 0) + 1;
    const { id: versionId } = await trx
      .insertInto("planVersion")
      .values({
        planId,
        versionNo,
        versionLabel: parsed.plan.version,
        asOf: parsed.plan.asOf,
        fileName: opts.fileName,
        fileSha256: opts.fileSha256.toLowerCase(),
        ragKey: json(parsed.plan.ragKey),
        warnings: json(parsed.warnings),
        importedBy: opts.importedBy,
        importedAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    const { index, created } = await resolveOrganisations(trx, parsed, opts, importDay);
    const sectionIds = await storeSections(trx, planId, parsed, index);
    const incoming = canonicalActions(parsed, index);
    const existing = isNewPlan ? [] : await loadExistingActions(trx, planId, true);
    const diff = diffPlanActions(existing, incoming);

    const history: HistoryRow[] = [];
    const entryDay = (a: ParsedAction | null) => a?.lastUpdate ?? parsed.plan.asOf ?? importDay;
    const sectionOf = (a: ParsedAction) => {
      const id = sectionIds.get(normaliseKey(a.section));
      if (id === undefined) throw new Error(`Section "${a.section}" was not stored`);
      return id;
    };
    const ownersOf = (a: ParsedAction) =>
      a.organisations.map((name) => {
        const org = index.get(normaliseKey(name));
        if (!org) throw new Error(`Organisation "${name}" was not resolved`);
        return org.id;
      });

    const added = diff.entries.filter((e) => e.kind === "added");
    const addedIds = await insertActions(trx, planId, added, sectionOf, now);
    await insertOwners(
      trx,
      added.map((e, i) => ({ actionId: addedIds[i] as number, owners: ownersOf(e.parsed) })),
    );
    added.forEach((e, i) => {
      history.push(importEntry(addedIds[i] as number, e.parsed, entryDay(e.parsed), {}));
    });

    const byId = new Map(existing.map((e) => [e.id, e]));
    for (const e of diff.entries) {
      if (e.kind === "changed" || e.kind === "reinstated") {
        const a = e.parsed;
        await trx
          .updateTable("action")
          .set({
            sectionId: sectionOf(a),
            ref: a.ref,
            position: e.index,
            finding: a.finding,
            actionText: a.action,
            lead: a.lead,
            due: a.due,
            dueText: a.dueText,
            status: a.status,
            statusText: a.statusText,
            progress: a.progress,
            evidenceOfImpact: a.evidenceOfImpact,
            lastUpdate: a.lastUpdate,
            withdrawnAt: null,
            rowVersion: sql<number>`row_version + 1`,
            updatedAt: now,
          })
          .where("id", "=", e.existing.id)
          .execute();
        if (e.changes.organisations) {
          await trx.deleteFrom("actionOrganisation").where("actionId", "=", e.existing.id).execute();
          await insertOwners(trx, [{ actionId: e.existing.id, owners: ownersOf(a) }]);
        }
        // A return to the plan happens with this version, not on the day the action was last updated.
        const day = e.kind === "reinstated" ? laterDay(entryDay(null), a.lastUpdate) : entryDay(a);
        history.push(importEntry(e.existing.id, a, day, e.changes));
      } else if (e.kind === "unchanged") {
        // Only the order moved, which is not news; leave the row version alone so no editor is disturbed.
        const stored = byId.get(e.existing.id);
        const sectionId = sectionOf(e.parsed);
        if (stored && (stored.position !== e.index || stored.sectionId !== sectionId)) {
          await trx
            .updateTable("action")
            .set({ position: e.index, sectionId })
            .where("id", "=", e.existing.id)
            .execute();
        }
      } else if (e.kind === "withdrawn") {
        await trx
          .updateTable("action")
          .set({ withdrawnAt: now, rowVersion: sql<number>`row_version + 1`, updatedAt: now })
          .where("id", "=", e.existing.id)
          .execute();
        history.push(importEntry(e.existing.id, e.existing, entryDay(null), e.changes));
      }
    }

    for (const rows of chunks(history)) {
      await trx
        .insertInto("actionUpdate")
        .values(
          rows.map((r) => ({
            ...r,
            source: "import" as const,
            planVersionId: versionId,
            userId: opts.importedBy,
            recordedAt: now,
          })),
        )
        .execute();
    }

    const result: ImportResult = {
      planId,
      versionId,
      versionNo,
      createdOrganisations: created,
      ...diff.counts,
    };
    await appendAudit(trx, {
      userId: opts.importedBy,
      action: isNewPlan ? "plan.import" : "plan.import-version",
      entity: "plan",
      entityId: planId,
      before: null,
      after: { ...result, fileName: opts.fileName, fileSha256: opts.fileSha256.toLowerCase() },
      at: now,
    });
    return result;
  });
}

async function createPlan(db: Kysely<Schema>, parsed: ParsedPlan, opts: StoreImportOptions): Promise<number> {
  const source = await db
    .insertInto("source")
    .values({
      partnershipId: opts.partnershipId,
      kind: opts.sourceKind ?? parsed.plan.source?.kind ?? "other",
      title: parsed.plan.source?.title ?? parsed.plan.title,
      publishedOn: null,
      receivedOn: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const plan = await db
    .insertInto("plan")
    .values({
      partnershipId: opts.partnershipId,
      sourceId: source.id,
      title: parsed.plan.title.trim() || opts.fileName,
      reviewCadenceDays: null,
      withdrawnAt: null,
      ...(opts.now ? { createdAt: opts.now } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return plan.id;
}

/** Resolves every organisation the plan names, creating those the partnership does not know yet. */
async function resolveOrganisations(
  db: Kysely<Schema>,
  parsed: ParsedPlan,
  opts: StoreImportOptions,
  importDay: string,
): Promise<{ index: OrganisationIndex; created: string[] }> {
  const index = await loadOrganisationIndex(db, opts.partnershipId);
  const created: string[] = [];
  // Creating in one fixed order means two imports adding the same new organisations wait for each other
  // instead of deadlocking.
  const missing = namedOrganisations(parsed)
    .filter((name) => !index.has(normaliseKey(name)))
    .sort((a, b) => (normaliseKey(a) < normaliseKey(b) ? -1 : normaliseKey(a) > normaliseKey(b) ? 1 : 0));
  for (const name of missing) {
    const key = normaliseKey(name);
    // Another import may be creating the same organisation; whoever commits first wins, the other reuses it.
    const inserted = await db
      .insertInto("organisation")
      .values({
        partnershipId: opts.partnershipId,
        name,
        note: `Created by the import of "${opts.fileName}" on ${importDay}: the plan names it and the partnership had no organisation of that name. Check it is not another name for an existing one.`,
      })
      .onConflict((oc) => oc.doNothing())
      .returning(["id", "name"])
      .executeTakeFirst();
    if (inserted) {
      created.push(inserted.name);
      index.set(key, inserted);
    } else {
      const existing = await db
        .selectFrom("organisation")
        .select(["id", "name"])
        .where("partnershipId", "=", opts.partnershipId)
        .where(sql<string>`lower(name)`, "=", name.toLowerCase())
        .executeTakeFirstOrThrow();
      index.set(key, existing);
    }
  }
  return { index, created };
}

/** Sections of the new version, matched to the plan's existing ones by name; returns name key → id. */
async function storeSections(
  db: Kysely<Schema>,
  planId: number,
  parsed: ParsedPlan,
  index: OrganisationIndex,
): Promise<Map<string, number>> {
  const wanted = new Map<string, { name: string; organisation: string | null }>();
  for (const s of parsed.sections) {
    const key = normaliseKey(s.name);
    if (!wanted.has(key)) wanted.set(key, { name: s.name, organisation: s.organisation });
  }
  for (const a of parsed.actions) {
    const key = normaliseKey(a.section);
    if (!wanted.has(key)) wanted.set(key, { name: a.section, organisation: null });
  }

  const stored = await db
    .selectFrom("section")
    .select(["id", "name", "position"])
    .where("planId", "=", planId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  const storedByKey = new Map<string, (typeof stored)[number]>();
  for (const s of stored) {
    const key = normaliseKey(s.name);
    const seen = storedByKey.get(key);
    // Prefer the section whose name is written exactly as this version writes it.
    if (!seen || s.name === wanted.get(key)?.name) storedByKey.set(key, s);
  }

  const ids = new Map<string, number>();
  let position = 0;
  for (const [key, w] of wanted) {
    const organisationId = w.organisation ? (index.get(normaliseKey(w.organisation))?.id ?? null) : null;
    const existing = storedByKey.get(key);
    if (existing) {
      await db
        .updateTable("section")
        .set({
          position,
          ...(existing.name !== w.name && !stored.some((s) => s.name === w.name) ? { name: w.name } : {}),
          ...(organisationId !== null ? { organisationId } : {}),
        })
        .where("id", "=", existing.id)
        .execute();
      ids.set(key, existing.id);
    } else {
      const { id } = await db
        .insertInto("section")
        .values({ planId, name: w.name, organisationId, position })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.set(key, id);
    }
    position++;
  }
  // Sections this version no longer has keep their withdrawn actions; they sort after the current ones.
  for (const s of stored) {
    if (![...ids.values()].includes(s.id)) {
      await db.updateTable("section").set({ position }).where("id", "=", s.id).execute();
      position++;
    }
  }
  return ids;
}

async function insertActions(
  db: Kysely<Schema>,
  planId: number,
  entries: Extract<ActionDiffEntry<StoredAction>, { kind: "added" }>[],
  sectionOf: (a: ParsedAction) => number,
  now: Date,
): Promise<number[]> {
  const ids: number[] = [];
  for (const batch of chunks(entries)) {
    const rows = await db
      .insertInto("action")
      .values(
        batch.map((e) => ({
          planId,
          sectionId: sectionOf(e.parsed),
          ref: e.parsed.ref,
          position: e.index,
          finding: e.parsed.finding,
          actionText: e.parsed.action,
          lead: e.parsed.lead,
          due: e.parsed.due,
          dueText: e.parsed.dueText,
          status: e.parsed.status,
          statusText: e.parsed.statusText,
          progress: e.parsed.progress,
          evidenceOfImpact: e.parsed.evidenceOfImpact,
          lastUpdate: e.parsed.lastUpdate,
          withdrawnAt: null,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning(["id", "position"])
      .execute();
    // Positions are unique within one import, so they tie each returned id to its row whatever the order.
    const byPosition = new Map(rows.map((r) => [r.position, r.id]));
    for (const e of batch) ids.push(byPosition.get(e.index) as number);
  }
  return ids;
}

async function insertOwners(
  db: Kysely<Schema>,
  items: { actionId: number; owners: number[] }[],
): Promise<void> {
  const rows = items.flatMap(({ actionId, owners }) =>
    [...new Set(owners)].map((organisationId, position) => ({
      actionId,
      organisationId,
      isPrimary: position === 0,
      position,
    })),
  );
  for (const batch of chunks(rows)) await db.insertInto("actionOrganisation").values(batch).execute();
}

type HistoryRow = {
  actionId: number;
  occurredOn: string;
  status: ParsedAction["status"];
  statusText: string;
  progress: string;
  evidence: string;
  changes: string;
};

function importEntry(
  actionId: number,
  a: Pick<ParsedAction, "status" | "statusText" | "progress" | "evidenceOfImpact">,
  occurredOn: string,
  changes: FieldChanges,
): HistoryRow {
  return {
    actionId,
    occurredOn,
    status: a.status,
    statusText: a.statusText,
    progress: a.progress,
    evidence: a.evidenceOfImpact,
    changes: json(changes),
  };
}
