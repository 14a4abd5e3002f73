import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from "kysely";
import type { RagKeyEntry, SourceKind, Warning } from "../domain/plan.js";
import type { FieldChanges } from "../domain/plan-diff.js";
import type { Status } from "../domain/status.js";

/**
 * The database as TypeScript sees it (camelCase; the tables are snake_case, mapped by CamelCasePlugin).
 * `date` columns are 'YYYY-MM-DD' strings; timestamps are Dates. jsonb columns take a JSON string on
 * write (see `json()` in ./json.ts) because node-postgres would turn a JS array into a PostgreSQL array.
 */

/** A timestamp the database fills in unless told otherwise. */
type DefaultedTimestamp = ColumnType<Date, Date | undefined, Date>;
type Id = Generated<number>;

export const USER_ROLES = ["admin", "editor", "scrutineer", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const UPDATE_SOURCES = ["import", "user"] as const;
export type UpdateSource = (typeof UPDATE_SOURCES)[number];

export const CHALLENGE_STATUSES = ["open", "answered", "not-answered"] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export const FINDING_EVENTS = ["raised", "resolved"] as const;
export type FindingEventKind = (typeof FINDING_EVENTS)[number];

export interface PartnershipTable {
  id: Id;
  name: string;
  reviewCadenceDays: ColumnType<number, number | undefined, number>;
  createdAt: DefaultedTimestamp;
}

export interface OrganisationTable {
  id: Id;
  partnershipId: number;
  name: string;
  /** Why the organisation exists when no person created it, e.g. "Created by import of plan.docx". */
  note: string | null;
  createdAt: DefaultedTimestamp;
}

export interface OrganisationAliasTable {
  id: Id;
  organisationId: number;
  /** Copied from the organisation so aliases can be unique per partnership. */
  partnershipId: number;
  alias: string;
}

export interface SourceTable {
  id: Id;
  partnershipId: number;
  kind: SourceKind;
  title: string;
  publishedOn: string | null;
  receivedOn: string | null;
  createdAt: DefaultedTimestamp;
}

export interface PlanTable {
  id: Id;
  partnershipId: number;
  sourceId: number | null;
  title: string;
  reviewCadenceDays: number | null;
  createdAt: DefaultedTimestamp;
  withdrawnAt: Date | null;
}

export interface PlanVersionTable {
  id: Id;
  planId: number;
  versionNo: number;
  versionLabel: string | null;
  asOf: string | null;
  fileName: string;
  fileSha256: string;
  ragKey: JSONColumnType<RagKeyEntry[]>;
  warnings: JSONColumnType<Warning[]>;
  importedBy: number | null;
  importedAt: DefaultedTimestamp;
}

export interface SectionTable {
  id: Id;
  planId: number;
  name: string;
  organisationId: number | null;
  position: number;
}

export interface ActionTable {
  id: Id;
  planId: number;
  sectionId: number;
  ref: string;
  position: number;
  finding: string;
  actionText: string;
  lead: string;
  due: string | null;
  dueText: string;
  status: Status;
  statusText: string;
  progress: string;
  evidenceOfImpact: string;
  lastUpdate: string | null;
  withdrawnAt: Date | null;
  /** Bumped by every change to what the action says, for optimistic locking. */
  rowVersion: ColumnType<number, number | undefined, number>;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
}

export interface ActionOrganisationTable {
  actionId: number;
  organisationId: number;
  isPrimary: boolean;
  /** Order as the plan gives the owners; the primary is first. */
  position: number;
}

export interface ActionUpdateTable {
  id: Id;
  actionId: number;
  occurredOn: string;
  recordedAt: DefaultedTimestamp;
  source: UpdateSource;
  planVersionId: number | null;
  userId: number | null;
  status: Status;
  statusText: string;
  progress: string;
  evidence: string;
  changes: JSONColumnType<FieldChanges>;
}

export interface AttachmentTable {
  id: Id;
  actionUpdateId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  content: Uint8Array;
  sha256: string;
}

export interface FindingTable {
  id: Id;
  actionId: number | null;
  planId: number;
  kind: string;
  severity: string;
  reason: string;
  question: string;
  /** Stable identity of "the same finding" across recomputations. */
  fingerprint: string;
  raisedOn: string;
  resolvedOn: string | null;
  /** As raised: where the finding sits in the plan, kept for findings about no one action (0002). */
  section: ColumnType<string, string | undefined, string>;
  ref: ColumnType<string, string | undefined, string>;
  organisation: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface FindingEventTable {
  id: Id;
  findingId: number;
  event: FindingEventKind;
  /** The as-of date of the assessment that raised or resolved it. */
  occurredOn: string;
  at: DefaultedTimestamp;
}

export interface ChallengeTable {
  id: Id;
  actionId: number | null;
  findingId: number | null;
  raisedBy: number;
  text: string;
  status: ColumnType<ChallengeStatus, ChallengeStatus | undefined, ChallengeStatus>;
  answer: string | null;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
  /** Who marked it answered or not answered, and when (0002); null while open. */
  resolvedBy: ColumnType<number | null, number | null | undefined, number | null>;
  resolvedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface AppUserTable {
  id: Id;
  partnershipId: number;
  email: string;
  name: string;
  role: UserRole;
  organisationId: number | null;
  passwordHash: string;
  apiTokenHash: string | null;
  disabledAt: Date | null;
  createdAt: DefaultedTimestamp;
}

export interface UserSessionTable {
  /** SHA-256 of the session token: a copy of the table does not let anyone sign in. */
  id: string;
  userId: number;
  csrfSecret: string;
  createdAt: DefaultedTimestamp;
  expiresAt: Date;
  lastSeenAt: DefaultedTimestamp;
}

/** A failed sign-in, counted under a key ("user:…" or "ip:…") for the partnership it was made to (0003). */
export interface LoginAttemptTable {
  id: Id;
  partnershipId: number;
  key: string;
  at: DefaultedTimestamp;
}

/** A sign-in lockout written to the audit log: the last one of each key, claimed once (0004). */
export interface LoginLockoutTable {
  partnershipId: number;
  key: string;
  beganAt: Date;
  lockedUntil: Date;
}

export interface AuditLogTable {
  id: Id;
  at: DefaultedTimestamp;
  userId: number | null;
  /** The partnership the entry belongs to; null in entries from before 0004 (read by their user). */
  partnershipId: ColumnType<number | null, number | null | undefined, never>;
  action: string;
  entity: string;
  entityId: string | null;
  /** JSON; null when there was no "before" (a creation) or no "after" (a removal). */
  before: ColumnType<unknown, string | null | undefined, never>;
  after: ColumnType<unknown, string | null | undefined, never>;
}

/** An uploaded plan waiting for the person who uploaded it to confirm the import (0002). */
export interface StagedUploadTable {
  id: string;
  userId: number;
  fileName: string;
  content: Uint8Array;
  createdAt: DefaultedTimestamp;
}

export interface Schema {
  partnership: PartnershipTable;
  organisation: OrganisationTable;
  organisationAlias: OrganisationAliasTable;
  source: SourceTable;
  plan: PlanTable;
  planVersion: PlanVersionTable;
  section: SectionTable;
  action: ActionTable;
  actionOrganisation: ActionOrganisationTable;
  actionUpdate: ActionUpdateTable;
  attachment: AttachmentTable;
  finding: FindingTable;
  findingEvent: FindingEventTable;
  challenge: ChallengeTable;
  appUser: AppUserTable;
  userSession: UserSessionTable;
  loginAttempt: LoginAttemptTable;
  loginLockout: LoginLockoutTable;
  auditLog: AuditLogTable;
  stagedUpload: StagedUploadTable;
}

export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type ActionRow = Selectable<ActionTable>;
export type ActionUpdateRow = Selectable<ActionUpdateTable>;
export type PlanRow = Selectable<PlanTable>;
export type PlanVersionRow = Selectable<PlanVersionTable>;
export type SectionRow = Selectable<SectionTable>;
export type SourceRow = Selectable<SourceTable>;
export type FindingRow = Selectable<FindingTable>;
export type ChallengeRow = Selectable<ChallengeTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
