import { randomUUID } from "node:crypto";
import { isoToday } from "../domain/dates.js";
import type { ParsedAction } from "../domain/plan.js";
import {
  diffPlanActions,
  type ExistingAction,
  normaliseKey,
  summariseDiff,
  withCanonicalOwners,
} from "../domain/plan-diff.js";
import { ConflictError, NotFoundError } from "./errors.js";
import type {
  ActionBrief,
  ActionRecord,
  ChallengeRecord,
  FindingBrief,
  FindingRecord,
  NewAuditEntry,
  PlanRecord,
  PlanVersionRecord,
  SessionRecord,
  StagedUpload,
  Store,
  StoreImportInput,
  UpdateRecord,
  UserRecord,
} from "./store.js";
import type { AuditEntry, Organisation, OrganisationRef } from "./types.js";

interface State {
  users: UserRecord[];
  sessions: (SessionRecord & { tokenHash: string })[];
  loginAttempts: { key: string; at: string }[];
  loginLockouts: { key: string; began: string; until: string }[];
  organisations: Organisation[];
  plans: PlanRecord[];
  versions: PlanVersionRecord[];
  actions: ActionRecord[];
  updates: UpdateRecord[];
  attachments: { id: string; actionId: string; fileName: string; mediaType: string; size: number }[];
  findings: FindingRecord[];
  challenges: ChallengeRecord[];
  audit: (NewAuditEntry & { id: string })[];
  staged: Omit<StagedUpload, "bytes">[];
}

function emptyState(): State {
  return {
    users: [],
    sessions: [],
    loginAttempts: [],
    loginLockouts: [],
    organisations: [],
    plans: [],
    versions: [],
    actions: [],
    updates: [],
    attachments: [],
    findings: [],
    challenges: [],
    audit: [],
    staged: [],
  };
}

const DEFAULT_CADENCE_DAYS = 90;

/** The later of two YYYY-MM-DD days; null counts as no day. */
function laterDay(day: string, other: string | null): string {
  return other !== null && other > day ? other : day;
}

/** A stored action as the plan diff sees it, with the record the diff's result is written back to. */
type StoredAction = ExistingAction & { record: ActionRecord };

/**
 * The Store kept in memory, for tests and for trying the web service without a database. Transactions
 * snapshot the state and put it back when the work throws, so it honours the same atomicity.
 */
export class MemoryStore implements Store {
  private state: State = emptyState();
  /** Byte content lives outside the cloned state: it is never mutated, only added. */
  private blobs = new Map<string, Buffer>();
  private inTransaction = false;
  private seq = 0;
  /** Each action's place in its plan as the latest version has it, as the database keeps it. */
  private positions = new Map<string, number>();

  private id(): string {
    this.seq++;
    return `${this.seq}-${randomUUID().slice(0, 8)}`;
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    const snapshot = structuredClone(this.state);
    const blobs = new Map(this.blobs);
    const positions = new Map(this.positions);
    this.inTransaction = true;
    try {
      return await fn(this);
    } catch (err) {
      this.state = snapshot;
      this.blobs = blobs;
      this.positions = positions;
      throw err;
    } finally {
      this.inTransaction = false;
    }
  }

  async ping(): Promise<boolean> {
    return true;
  }

  private orgRefs(names: readonly string[]): OrganisationRef[] {
    const refs: OrganisationRef[] = [];
    for (const name of names) {
      const lower = name.trim().toLowerCase();
      if (!lower) continue;
      let org = this.state.organisations.find(
        (o) => o.name.toLowerCase() === lower || o.aliases.some((a) => a.toLowerCase() === lower),
      );
      if (!org) {
        org = { id: this.id(), name: name.trim(), aliases: [] };
        this.state.organisations.push(org);
      }
      if (!refs.some((r) => r.id === org.id)) refs.push({ id: org.id, name: org.name });
    }
    return refs;
  }

  users: Store["users"] = {
    byId: async (id) => this.copy(this.state.users.find((u) => u.id === id)),
    byEmail: async (email) =>
      this.copy(this.state.users.find((u) => u.email.toLowerCase() === email.trim().toLowerCase())),
    byApiTokenHash: async (hash) => this.copy(this.state.users.find((u) => u.apiTokenHash === hash)),
    list: async () => structuredClone(this.state.users),
    names: async () => new Map(this.state.users.map((u) => [u.id, u.name])),
    create: async (input) => {
      if (this.state.users.some((u) => u.email.toLowerCase() === input.email.toLowerCase())) {
        throw new ConflictError(`A user with the email ${input.email} already exists`);
      }
      const user: UserRecord = {
        ...input,
        id: this.id(),
        createdAt: new Date().toISOString(),
        apiTokenHash: null,
        disabled: false,
      };
      this.state.users.push(user);
      return structuredClone(user);
    },
    setDisabled: async (id, disabled) => {
      this.mustFind(this.state.users, id, "user").disabled = disabled;
    },
    setApiTokenHash: async (id, hash) => {
      this.mustFind(this.state.users, id, "user").apiTokenHash = hash;
    },
  };

  sessions: Store["sessions"] = {
    create: async (input) => {
      if (this.state.sessions.some((s) => s.tokenHash === input.tokenHash)) {
        throw new ConflictError("A session with this token already exists");
      }
      this.state.sessions.push({ ...input, lastSeenAt: input.createdAt });
    },
    find: async (tokenHash) => {
      const s = this.state.sessions.find((x) => x.tokenHash === tokenHash);
      return s
        ? { userId: s.userId, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, expiresAt: s.expiresAt }
        : null;
    },
    touch: async (tokenHash, at) => {
      const s = this.state.sessions.find((x) => x.tokenHash === tokenHash);
      if (s && s.lastSeenAt < at) s.lastSeenAt = at;
    },
    delete: async (tokenHash) => {
      this.state.sessions = this.state.sessions.filter((s) => s.tokenHash !== tokenHash);
    },
    deleteForUser: async (userId) => {
      this.state.sessions = this.state.sessions.filter((s) => s.userId !== userId);
    },
    deleteExpired: async (now) => {
      const before = this.state.sessions.length;
      this.state.sessions = this.state.sessions.filter((s) => s.expiresAt > now);
      return before - this.state.sessions.length;
    },
  };

  loginAttempts: Store["loginAttempts"] = {
    record: async (keys, at) => {
      for (const key of keys) this.state.loginAttempts.push({ key, at });
    },
    recent: async (key, after, limit) =>
      this.state.loginAttempts
        .filter((a) => a.key === key && a.at > after)
        .map((a) => a.at)
        .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
        .slice(0, Math.max(0, limit)),
    clear: async (key) => {
      this.state.loginAttempts = this.state.loginAttempts.filter((a) => a.key !== key);
      this.state.loginLockouts = this.state.loginLockouts.filter((l) => l.key !== key);
    },
    deleteBefore: async (at) => {
      const before = this.state.loginAttempts.length;
      this.state.loginAttempts = this.state.loginAttempts.filter((a) => a.at >= at);
      this.state.loginLockouts = this.state.loginLockouts.filter((l) => l.until >= at);
      return before - this.state.loginAttempts.length;
    },
    beginLockout: async (key, at, until) => {
      const last = this.state.loginLockouts.find((l) => l.key === key);
      if (last && Date.parse(last.until) > Date.parse(at)) return false;
      this.state.loginLockouts = this.state.loginLockouts.filter((l) => l.key !== key);
      this.state.loginLockouts.push({ key, began: at, until });
      return true;
    },
  };

  organisations: Store["organisations"] = {
    list: async () => structuredClone(this.state.organisations).sort((a, b) => a.name.localeCompare(b.name)),
    create: async (name) => {
      const clash = this.findOrganisationByName(name);
      if (clash) throw new ConflictError(`${name} is already known as ${clash.name}`);
      const org: Organisation = { id: this.id(), name: name.trim(), aliases: [] };
      this.state.organisations.push(org);
      return structuredClone(org);
    },
    addAlias: async (organisationId, alias) => {
      const org = this.mustFind(this.state.organisations, organisationId, "organisation");
      const clash = this.findOrganisationByName(alias);
      if (clash) throw new ConflictError(`${alias} is already a name of ${clash.name}`);
      org.aliases.push(alias.trim());
    },
    removeAlias: async (organisationId, alias) => {
      const org = this.mustFind(this.state.organisations, organisationId, "organisation");
      org.aliases = org.aliases.filter((a) => a !== alias);
    },
  };

  private findOrganisationByName(name: string): Organisation | undefined {
    const lower = name.trim().toLowerCase();
    return this.state.organisations.find(
      (o) => o.name.toLowerCase() === lower || o.aliases.some((a) => a.toLowerCase() === lower),
    );
  }

  plans: Store["plans"] = {
    list: async () => structuredClone(this.state.plans),
    get: async (planId) => this.copy(this.state.plans.find((p) => p.id === planId)),
    versions: async (planId) =>
      structuredClone(
        this.state.versions.filter((v) => v.planId === planId).sort((a, b) => b.number - a.number),
      ),
    previewImport: async (planId, parsed) => {
      this.mustFind(this.state.plans, planId, "plan");
      return summariseDiff(
        diffPlanActions(this.storedActions(planId), this.canonicalActions(parsed.actions)).entries,
      );
    },
    storeImport: (input) => this.transaction(async () => this.storeImport(input)),
  };

  private storeImport(input: StoreImportInput): { planId: string; versionId: string } {
    const { parsed, fileName, at, actorId } = input;
    const meta = {
      title: parsed.plan.title,
      sourceKind: parsed.plan.source?.kind ?? null,
      sourceTitle: parsed.plan.source?.title ?? null,
      versionLabel: parsed.plan.version,
      asOf: parsed.plan.asOf,
      ragKey: structuredClone(parsed.plan.ragKey),
      fileName,
      importedAt: at,
      sections: parsed.sections.map((s) => ({ name: s.name, organisation: s.organisation })),
    };
    let plan: PlanRecord;
    if (input.planId === null) {
      plan = { id: this.id(), versionNumber: 1, reviewCadenceDays: DEFAULT_CADENCE_DAYS, ...meta };
      this.state.plans.push(plan);
    } else {
      plan = this.mustFind(this.state.plans, input.planId, "plan");
      Object.assign(plan, meta, { versionNumber: plan.versionNumber + 1 });
    }
    const versionId = this.id();
    this.state.versions.push({
      id: versionId,
      planId: plan.id,
      number: plan.versionNumber,
      label: parsed.plan.version,
      fileName,
      importedAt: at,
      importedById: actorId,
    });

    const diff = diffPlanActions(this.storedActions(plan.id), this.canonicalActions(parsed.actions));
    // As the database dates them: the action's own last update, else the plan's date, else the import's day.
    const importDay = isoToday(new Date(at));
    const entryDay = (a: ParsedAction | null) => a?.lastUpdate ?? parsed.plan.asOf ?? importDay;
    for (const e of diff.entries) {
      if (e.kind === "added") {
        const action: ActionRecord = {
          id: this.id(),
          planId: plan.id,
          ...this.actionFields(e.parsed),
          rowVersion: 1,
          withdrawn: false,
        };
        this.state.actions.push(action);
        this.positions.set(action.id, e.index);
        this.historyFromImport(action, e.parsed, fileName, at, entryDay(e.parsed));
      } else if (e.kind === "changed" || e.kind === "reinstated") {
        const action = e.existing.record;
        Object.assign(action, this.actionFields(e.parsed), {
          rowVersion: action.rowVersion + 1,
          withdrawn: false,
        });
        this.positions.set(action.id, e.index);
        // A return to the plan happens with this version, not on the day the action was last updated.
        const day =
          e.kind === "reinstated" ? laterDay(entryDay(null), e.parsed.lastUpdate) : entryDay(e.parsed);
        this.historyFromImport(action, e.parsed, fileName, at, day);
      } else if (e.kind === "unchanged") {
        this.positions.set(e.existing.record.id, e.index);
      } else {
        const action = e.existing.record;
        action.withdrawn = true;
        action.rowVersion++;
        this.historyFromImport(action, e.existing, fileName, at, entryDay(null));
      }
    }
    this.state.audit.push({
      id: this.id(),
      at,
      actorId,
      action: input.planId === null ? "plan.import" : "plan.import-version",
      entityType: "plan",
      entityId: plan.id,
      before: null,
      after: { fileName, versionId, versionNumber: plan.versionNumber, ...diff.counts },
    });
    return { planId: plan.id, versionId };
  }

  /** A plan's actions, withdrawn ones too, in the order the database keeps them (place, then age). */
  private storedActions(planId: string): StoredAction[] {
    return this.state.actions
      .filter((a) => a.planId === planId)
      .map((record, age) => ({ record, age, position: this.positions.get(record.id) ?? 0 }))
      .sort((a, b) => a.position - b.position || a.age - b.age)
      .map(({ record }) => ({
        record,
        section: record.section,
        ref: record.ref,
        organisations: record.organisations.map((o) => o.name),
        finding: record.finding,
        action: record.action,
        lead: record.lead,
        due: record.due,
        dueText: record.dueText,
        status: record.status,
        statusText: record.statusText,
        progress: record.progress,
        evidenceOfImpact: record.evidenceOfImpact,
        lastUpdate: record.lastUpdate,
        withdrawn: record.withdrawn,
      }));
  }

  /** The parsed actions with every owner under the partnership's own name for it, as the database does. */
  private canonicalActions(actions: readonly ParsedAction[]): ParsedAction[] {
    const names = new Map<string, string>();
    for (const o of this.state.organisations) {
      for (const name of [o.name, ...o.aliases]) names.set(normaliseKey(name), o.name);
    }
    return withCanonicalOwners(actions, (name) => names.get(normaliseKey(name)) ?? name.trim());
  }

  private actionFields(p: ParsedAction): Omit<ActionRecord, "id" | "planId" | "rowVersion" | "withdrawn"> {
    return {
      section: p.section,
      ref: p.ref,
      organisations: this.orgRefs(
        p.organisations.length ? p.organisations : p.organisation ? [p.organisation] : [],
      ),
      finding: p.finding,
      action: p.action,
      lead: p.lead,
      due: p.due,
      dueText: p.dueText,
      status: p.status,
      statusText: p.statusText,
      progress: p.progress,
      evidenceOfImpact: p.evidenceOfImpact,
      lastUpdate: p.lastUpdate,
    };
  }

  private historyFromImport(
    a: ActionRecord,
    p: Pick<ParsedAction, "status" | "statusText" | "progress" | "evidenceOfImpact">,
    fileName: string,
    at: string,
    effectiveDate: string,
  ) {
    this.state.updates.push({
      id: this.id(),
      actionId: a.id,
      recordedAt: at,
      effectiveDate,
      source: "import",
      actorId: null,
      importFileName: fileName,
      status: p.status,
      statusText: p.statusText,
      progress: p.progress,
      evidence: p.evidenceOfImpact,
      attachments: [],
    });
  }

  actions: Store["actions"] = {
    listByPlan: async (planId) => structuredClone(this.state.actions.filter((a) => a.planId === planId)),
    listAll: async () => structuredClone(this.state.actions),
    briefsByPlan: async (planId) =>
      this.state.actions
        .filter((a) => a.planId === planId)
        .map(
          ({ finding: _f, action: _a, progress: _p, evidenceOfImpact: _e, ...brief }): ActionBrief =>
            structuredClone(brief),
        ),
    get: async (actionId) => this.copy(this.state.actions.find((a) => a.id === actionId)),
    history: async (actionId) =>
      structuredClone(
        // Newest first; entries recorded in the same instant keep their order of recording, reversed.
        this.state.updates
          .filter((u) => u.actionId === actionId)
          .reverse()
          .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)),
      ),
    recordUpdate: async (input) => {
      const action = this.mustFind(this.state.actions, input.actionId, "action");
      // Check and write with no await between them, so two saves cannot both pass the check.
      if (action.rowVersion !== input.expectedRowVersion) {
        throw new ConflictError("This action was changed by someone else after you opened it");
      }
      const attachments = input.attachments.map((f) => {
        const id = this.id();
        this.blobs.set(id, Buffer.from(f.bytes));
        const meta = {
          id,
          actionId: action.id,
          fileName: f.fileName,
          mediaType: f.mediaType,
          size: f.bytes.length,
        };
        this.state.attachments.push(meta);
        return { id, fileName: f.fileName, mediaType: f.mediaType, size: f.bytes.length };
      });
      const updateId = this.id();
      this.state.updates.push({
        id: updateId,
        actionId: action.id,
        recordedAt: input.recordedAt,
        effectiveDate: input.effectiveDate,
        source: "user",
        actorId: input.actorId,
        importFileName: null,
        status: input.status,
        statusText: input.statusText,
        progress: input.progress,
        evidence: input.evidence,
        attachments,
      });
      const before = {
        status: action.status,
        progress: action.progress,
        lastUpdate: action.lastUpdate,
        rowVersion: action.rowVersion,
      };
      action.status = input.status;
      action.statusText = input.statusText;
      action.progress = input.progress;
      action.lastUpdate = input.effectiveDate;
      action.rowVersion++;
      this.state.audit.push({
        id: this.id(),
        at: input.recordedAt,
        actorId: input.actorId,
        action: "action.update",
        entityType: "action",
        entityId: action.id,
        before,
        after: {
          status: action.status,
          progress: action.progress,
          evidence: input.evidence,
          lastUpdate: action.lastUpdate,
          rowVersion: action.rowVersion,
          updateId,
          attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, size: a.size })),
        },
      });
      return { rowVersion: action.rowVersion, updateId };
    },
    attachment: async (attachmentId) => {
      const meta = this.state.attachments.find((a) => a.id === attachmentId);
      const bytes = this.blobs.get(attachmentId);
      if (!meta || !bytes) return null;
      return { ...meta, bytes: Buffer.from(bytes) };
    },
  };

  findings: Store["findings"] = {
    list: async (filter) =>
      structuredClone(
        this.state.findings.filter(
          (f) =>
            (!filter.planId || f.planId === filter.planId) &&
            (!filter.actionId || f.actionId === filter.actionId) &&
            (!filter.openOnly || f.resolvedOn === null),
        ),
      ),
    briefs: async (filter) =>
      this.state.findings
        .filter(
          (f) =>
            (!filter.planId || f.planId === filter.planId) && (!filter.openOnly || f.resolvedOn === null),
        )
        .map(
          (f): FindingBrief => ({
            id: f.id,
            planId: f.planId,
            actionId: f.actionId,
            kind: f.kind,
            resolvedOn: f.resolvedOn,
          }),
        ),
    sync: async (planId, raised, on) => {
      const key = (f: { actionId: string | null; kind: string; ref: string; section: string }) =>
        `${f.actionId ?? `${f.section}\u0000${f.ref}`}\u0000${f.kind}`;
      const open = this.state.findings.filter((f) => f.planId === planId && f.resolvedOn === null);
      const openByKey = new Map(open.map((f) => [key(f), f]));
      const seen = new Set<string>();
      for (const r of raised) {
        const k = key(r);
        seen.add(k);
        const current = openByKey.get(k);
        if (current) {
          Object.assign(current, { reason: r.reason, question: r.question, severity: r.severity });
        } else {
          this.state.findings.push({ ...r, id: this.id(), planId, raisedOn: on, resolvedOn: null });
        }
      }
      for (const f of open) if (!seen.has(key(f))) f.resolvedOn = on;
    },
  };

  challenges: Store["challenges"] = {
    list: async (filter) =>
      structuredClone(
        this.state.challenges
          .filter(
            (c) =>
              (!filter.actionId || c.actionId === filter.actionId) &&
              (!filter.state || c.state === filter.state),
          )
          .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt)),
      ),
    get: async (id) => this.copy(this.state.challenges.find((c) => c.id === id)),
    create: async (input) => {
      const c: ChallengeRecord = {
        ...input,
        id: this.id(),
        state: "open",
        note: "",
        resolvedById: null,
        resolvedAt: null,
      };
      this.state.challenges.push(c);
      return structuredClone(c);
    },
    resolve: async (id, input) => {
      const c = this.mustFind(this.state.challenges, id, "challenge");
      Object.assign(c, input);
      return structuredClone(c);
    },
  };

  audit: Store["audit"] = {
    append: async (entry) => {
      this.state.audit.push({ ...structuredClone(entry), id: this.id() });
    },
    list: async (offset, limit) => {
      const all = [...this.state.audit].reverse();
      const entries: AuditEntry[] = all.slice(offset, offset + limit).map((e) => ({
        ...structuredClone(e),
        actorName: this.state.users.find((u) => u.id === e.actorId)?.name ?? null,
      }));
      return { entries, total: all.length };
    },
  };

  staged: Store["staged"] = {
    put: async (upload) => {
      this.blobs.set(`staged:${upload.id}`, Buffer.from(upload.bytes));
      const { bytes: _bytes, ...meta } = upload;
      this.state.staged.push(meta);
    },
    get: async (id) => {
      const meta = this.state.staged.find((s) => s.id === id);
      const bytes = this.blobs.get(`staged:${id}`);
      return meta && bytes ? { ...meta, bytes: Buffer.from(bytes) } : null;
    },
    delete: async (id) => {
      this.state.staged = this.state.staged.filter((s) => s.id !== id);
      this.blobs.delete(`staged:${id}`);
    },
    deleteOlderThan: async (at) => {
      for (const s of this.state.staged.filter((x) => x.createdAt < at)) this.blobs.delete(`staged:${s.id}`);
      this.state.staged = this.state.staged.filter((s) => s.createdAt >= at);
    },
  };

  /** Everything stored, as JSON: lets tests prove a refused request changed nothing. */
  dump(): string {
    const blobs = [...this.blobs.entries()].map(([k, v]) => [k, v.toString("base64")]);
    return JSON.stringify({ state: this.state, blobs, positions: [...this.positions] });
  }

  private copy<T>(value: T | undefined): T | null {
    return value === undefined ? null : structuredClone(value);
  }

  private mustFind<T extends { id: string }>(list: T[], id: string, what: string): T {
    const found = list.find((x) => x.id === id);
    if (!found) throw new NotFoundError(`No ${what} with id ${id}`);
    return found;
  }
}
