import type { ParsedPlan, RagKeyEntry, SourceKind } from "../domain/plan.js";
import type { Status } from "../domain/status.js";
import type {
  AuditEntry,
  ChallengeState,
  FindingKind,
  Organisation,
  OrganisationRef,
  PlanDiff,
  Role,
  Severity,
} from "./types.js";

/**
 * The persistence the services need, and nothing about who may do what. The database layer (src/db)
 * is adapted to this in db-store.ts; memory-store.ts keeps it in memory for tests. Both must pass
 * store-contract.ts.
 */

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  disabled: boolean;
  createdAt: string;
  passwordHash: string;
  apiTokenHash: string | null;
}

/** A signed-in browser's session, kept under the hash of its token. */
export interface SessionRecord {
  userId: string;
  createdAt: string;
  /** When it was last used, as recorded (at most once a minute, so up to a minute behind). */
  lastSeenAt: string;
  /** The end of its absolute lifetime, however active it is. */
  expiresAt: string;
}

export interface PlanRecord {
  id: string;
  title: string;
  sourceKind: SourceKind | null;
  sourceTitle: string | null;
  versionLabel: string | null;
  versionNumber: number;
  asOf: string | null;
  ragKey: RagKeyEntry[];
  reviewCadenceDays: number;
  fileName: string;
  importedAt: string;
  sections: { name: string; organisation: string | null }[];
}

export interface PlanVersionRecord {
  id: string;
  planId: string;
  number: number;
  label: string | null;
  fileName: string;
  importedAt: string;
  importedById: string | null;
}

export interface ActionRecord {
  id: string;
  planId: string;
  section: string;
  ref: string;
  organisations: OrganisationRef[];
  finding: string;
  action: string;
  lead: string;
  due: string | null;
  dueText: string;
  status: Status;
  statusText: string;
  progress: string;
  evidenceOfImpact: string;
  lastUpdate: string | null;
  rowVersion: number;
  withdrawn: boolean;
}

/** An action as a list of actions shows it: without its long texts (finding, action, progress, evidence). */
export type ActionBrief = Omit<ActionRecord, "finding" | "action" | "progress" | "evidenceOfImpact">;

export interface AttachmentRecord {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
}

/** One entry of an action's append-only history. */
export interface UpdateRecord {
  id: string;
  actionId: string;
  recordedAt: string;
  effectiveDate: string | null;
  source: "import" | "user";
  actorId: string | null;
  importFileName: string | null;
  status: Status;
  statusText: string;
  progress: string;
  evidence: string;
  attachments: AttachmentRecord[];
}

export interface NewAttachment {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export interface NewActionUpdate {
  actionId: string;
  expectedRowVersion: number;
  status: Status;
  statusText: string;
  progress: string;
  evidence: string;
  effectiveDate: string;
  actorId: string;
  recordedAt: string;
  attachments: NewAttachment[];
}

/** A finding as the assurance engine raises it, before it has a history. */
export interface RaisedFinding {
  actionId: string | null;
  kind: FindingKind;
  severity: Severity;
  section: string;
  organisation: string | null;
  ref: string;
  reason: string;
  question: string;
}

export interface FindingRecord extends RaisedFinding {
  id: string;
  planId: string;
  raisedOn: string;
  resolvedOn: string | null;
}

/** What counting findings needs: which plan and action, what kind, and whether it is still open. */
export type FindingBrief = Pick<FindingRecord, "id" | "planId" | "actionId" | "kind" | "resolvedOn">;

export interface ChallengeRecord {
  id: string;
  actionId: string;
  findingId: string | null;
  text: string;
  raisedById: string;
  raisedAt: string;
  state: ChallengeState;
  note: string;
  resolvedById: string | null;
  resolvedAt: string | null;
}

export interface NewAuditEntry {
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface StagedUpload {
  id: string;
  userId: string;
  fileName: string;
  bytes: Buffer;
  createdAt: string;
}

export interface StoreImportInput {
  parsed: ParsedPlan;
  /** null stores a new plan; otherwise a new version of that plan. */
  planId: string | null;
  fileName: string;
  /** Hex SHA-256 of the file, so a later import of the same file can be recognised. */
  fileSha256: string;
  actorId: string;
  at: string;
}

export interface Store {
  /** Runs fn with a store whose writes all commit together or not at all. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  ping(): Promise<boolean>;

  users: {
    byId(id: string): Promise<UserRecord | null>;
    byEmail(email: string): Promise<UserRecord | null>;
    byApiTokenHash(hash: string): Promise<UserRecord | null>;
    list(): Promise<UserRecord[]>;
    /** Every user's display name by id, for naming who did what (reads no password or token hashes). */
    names(): Promise<Map<string, string>>;
    create(input: Omit<UserRecord, "id" | "createdAt" | "apiTokenHash" | "disabled">): Promise<UserRecord>;
    setDisabled(id: string, disabled: boolean): Promise<void>;
    setApiTokenHash(id: string, hash: string | null): Promise<void>;
  };

  sessions: {
    /** `createdAt` is also when it was last seen. */
    create(input: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }): Promise<void>;
    find(tokenHash: string): Promise<SessionRecord | null>;
    /** Records that the session was used at `at`; never moves lastSeenAt back. */
    touch(tokenHash: string, at: string): Promise<void>;
    delete(tokenHash: string): Promise<void>;
    deleteForUser(userId: string): Promise<void>;
    /** Removes the sessions whose absolute lifetime ended at or before `now`; says how many. */
    deleteExpired(now: string): Promise<number>;
  };

  /**
   * Failed sign-ins, counted per key ("user:<email>", "ip:<address>") so that every process sees the
   * same lockouts. See services/login-throttle.ts.
   */
  loginAttempts: {
    /** One failed sign-in at `at`, counted under each of the keys. */
    record(keys: readonly string[], at: string): Promise<void>;
    /** When the key's failed sign-ins after `after` were made, newest first, at most `limit`. */
    recent(key: string, after: string, limit: number): Promise<string[]>;
    /** Forgets the key's failed sign-ins, and its lockout (a successful sign-in). */
    clear(key: string): Promise<void>;
    /** Prunes failed sign-ins made before `at`, and lockouts over by then; says how many sign-ins. */
    deleteBefore(at: string): Promise<number>;
    /**
     * Claims the lockout of `key` that began at `at` and lasts until `until`: true the first time, false
     * while a lockout of the key claimed before still lasts at `at`. Atomic: of several processes seeing
     * the same lockout begin, one gets true, so it is written to the audit log once.
     */
    beginLockout(key: string, at: string, until: string): Promise<boolean>;
  };

  organisations: {
    list(): Promise<Organisation[]>;
    create(name: string): Promise<Organisation>;
    addAlias(organisationId: string, alias: string): Promise<void>;
    removeAlias(organisationId: string, alias: string): Promise<void>;
  };

  plans: {
    list(): Promise<PlanRecord[]>;
    get(planId: string): Promise<PlanRecord | null>;
    versions(planId: string): Promise<PlanVersionRecord[]>;
    /** What storing `parsed` as the next version of planId would change. */
    previewImport(planId: string, parsed: ParsedPlan): Promise<PlanDiff>;
    /** Atomic: the whole plan or nothing. Writes its own audit entry ("plan.import" / "plan.import-version"). */
    storeImport(input: StoreImportInput): Promise<{ planId: string; versionId: string }>;
  };

  actions: {
    listByPlan(planId: string): Promise<ActionRecord[]>;
    listAll(): Promise<ActionRecord[]>;
    /** listByPlan without the long texts, in the same order: for pages that list a plan's actions. */
    briefsByPlan(planId: string): Promise<ActionBrief[]>;
    get(actionId: string): Promise<ActionRecord | null>;
    history(actionId: string): Promise<UpdateRecord[]>;
    /**
     * Appends to the history, bumps the row version and writes its own audit entry ("action.update");
     * throws ConflictError on a stale version, writing nothing.
     */
    recordUpdate(input: NewActionUpdate): Promise<{ rowVersion: number; updateId: string }>;
    attachment(
      attachmentId: string,
    ): Promise<(AttachmentRecord & { actionId: string; bytes: Buffer }) | null>;
  };

  findings: {
    list(filter: { planId?: string; actionId?: string; openOnly?: boolean }): Promise<FindingRecord[]>;
    /** list without the texts, in the same order: for counting findings by plan, action and kind. */
    briefs(filter: { planId?: string; openOnly?: boolean }): Promise<FindingBrief[]>;
    /**
     * Brings a plan's open findings in line with what the engine raises now: new ones are raised on `on`,
     * ones no longer raised are resolved on `on`, unchanged ones keep their history.
     */
    sync(planId: string, raised: RaisedFinding[], on: string): Promise<void>;
  };

  challenges: {
    list(filter: { actionId?: string; state?: ChallengeState }): Promise<ChallengeRecord[]>;
    get(id: string): Promise<ChallengeRecord | null>;
    create(
      input: Omit<ChallengeRecord, "id" | "state" | "note" | "resolvedById" | "resolvedAt">,
    ): Promise<ChallengeRecord>;
    resolve(
      id: string,
      input: {
        state: Exclude<ChallengeState, "open">;
        note: string;
        resolvedById: string;
        resolvedAt: string;
      },
    ): Promise<ChallengeRecord>;
  };

  audit: {
    append(entry: NewAuditEntry): Promise<void>;
    list(offset: number, limit: number): Promise<{ entries: AuditEntry[]; total: number }>;
  };

  staged: {
    put(upload: StagedUpload): Promise<void>;
    get(id: string): Promise<StagedUpload | null>;
    delete(id: string): Promise<void>;
    deleteOlderThan(at: string): Promise<void>;
  };
}
