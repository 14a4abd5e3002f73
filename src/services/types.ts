import type { FindingKind, Severity } from "../assurance/types.js";
import type { ParsedPlan, RagKeyEntry, SourceKind } from "../domain/plan.js";
import type { ChangedField, DiffSummary } from "../domain/plan-diff.js";
import type { Status } from "../domain/status.js";

/**
 * What the web layer needs from the rest of Assure. Routes only ever talk to these interfaces, so tests
 * can hand the app fakes, and every role rule lives behind them (see permissions.ts), never in a route.
 */

export const ROLES = ["admin", "editor", "scrutineer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Partnership admin",
  editor: "Agency editor",
  scrutineer: "Scrutineer or Assurance member",
  viewer: "Viewer",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

// The finding kinds are the assurance engine's; the services speak of the same ones.
export { FINDING_KINDS, type FindingKind, isFindingKind } from "../assurance/types.js";

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  overdue: "Overdue",
  stale: "No recent update",
  deflected: "Responsibility passed elsewhere",
  "completed-without-evidence": "Completed without evidence",
  "impact-not-evidenced": "Impact not evidenced",
  "unsupported-rating": "Rating not supported",
  "guidance-mismatch": "Training below guidance level",
  "not-smart": "Not SMART",
};

export type { Severity } from "../assurance/types.js";

/** The person making a request, as every service sees them. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface OrganisationRef {
  id: string;
  name: string;
}

export interface Organisation extends OrganisationRef {
  aliases: string[];
}

export interface PlanVersionInfo {
  id: string;
  number: number;
  label: string | null;
  fileName: string;
  importedAt: string;
  importedBy: string | null;
}

export interface PlanSummary {
  id: string;
  title: string;
  sourceKind: SourceKind | null;
  sourceTitle: string | null;
  versionLabel: string | null;
  versionNumber: number;
  /** The plan's own "as of" date, YYYY-MM-DD. */
  asOf: string | null;
  importedAt: string;
  actionCount: number;
  statusCounts: Record<Status, number>;
  /** Open findings only. */
  findingCounts: Record<FindingKind, number>;
  openFindings: number;
}

export interface PlanDetail extends PlanSummary {
  ragKey: RagKeyEntry[];
  reviewCadenceDays: number;
  fileName: string;
  sections: { name: string; organisation: string | null }[];
  versions: PlanVersionInfo[];
}

export interface ActionSummary {
  id: string;
  planId: string;
  planTitle: string;
  section: string;
  ref: string;
  organisations: OrganisationRef[];
  lead: string;
  due: string | null;
  dueText: string;
  status: Status;
  statusText: string;
  /** YYYY-MM-DD of the last update, or null. */
  lastUpdate: string | null;
  findingKinds: FindingKind[];
  findingCount: number;
  rowVersion: number;
  withdrawn: boolean;
}

export interface AttachmentInfo {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
}

export interface TimelineEntry {
  id: string;
  /** When it was recorded (ISO timestamp). */
  recordedAt: string;
  /** The date the update speaks for, YYYY-MM-DD, or null. */
  effectiveDate: string | null;
  source: "import" | "user";
  actorName: string | null;
  importFileName: string | null;
  status: Status;
  statusText: string;
  progress: string;
  evidence: string;
  attachments: AttachmentInfo[];
}

export interface Finding {
  id: string;
  kind: FindingKind;
  severity: Severity;
  planId: string;
  planTitle: string;
  actionId: string | null;
  section: string;
  organisation: string | null;
  ref: string;
  reason: string;
  question: string;
  /** YYYY-MM-DD */
  raisedOn: string;
  resolvedOn: string | null;
}

export const CHALLENGE_STATES = ["open", "answered", "not-answered"] as const;
export type ChallengeState = (typeof CHALLENGE_STATES)[number];

export interface Challenge {
  id: string;
  actionId: string;
  findingId: string | null;
  planId: string;
  planTitle: string;
  ref: string;
  organisation: string | null;
  text: string;
  raisedBy: string;
  raisedAt: string;
  state: ChallengeState;
  note: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

export interface ActionDetail extends ActionSummary {
  finding: string;
  action: string;
  progress: string;
  evidenceOfImpact: string;
  findings: Finding[];
  timeline: TimelineEntry[];
  challenges: Challenge[];
  /** Whether the person asking may add an update (the rule lives in permissions.ts). */
  canUpdate: boolean;
}

export type ActionSort = "ref" | "organisation" | "lead" | "due" | "status" | "lastUpdate" | "findings";
export const ACTION_SORTS: readonly ActionSort[] = [
  "ref",
  "organisation",
  "lead",
  "due",
  "status",
  "lastUpdate",
  "findings",
];

export interface ActionFilter {
  organisationId?: string;
  status?: Status;
  findingKind?: FindingKind;
  sort?: ActionSort;
  order?: "asc" | "desc";
}

export interface UploadedFile {
  fileName: string;
  /** As the browser said; never trusted, see attachments.ts. */
  declaredType: string;
  bytes: Buffer;
  /** The upload went over the size limit on the way in and was cut short. */
  truncated?: boolean;
}

/** As submitted: the service checks every field and reports all problems at once. */
export interface ActionUpdateInput {
  status: Status | string;
  progress: string;
  evidence: string;
  /** YYYY-MM-DD the update speaks for. */
  date: string;
  /** The row version the form was built from: a stale one is refused (optimistic locking). */
  rowVersion: number;
  attachments: UploadedFile[];
}

export interface FileDownload {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export type ImportTarget = { kind: "new" } | { kind: "version"; planId: string };

/** One changed field of an action, as the import preview shows it. */
export type FieldChange = ChangedField;

/** What importing a new version would do to a plan (the summary of the domain's plan diff). */
export type PlanDiff = DiffSummary;

export interface ImportPreview {
  id: string;
  fileName: string;
  size: number;
  stagedAt: string;
  parsed: ParsedPlan;
  target: ImportTarget;
  /** Present when the target is a new version of an existing plan. */
  diff: PlanDiff | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface StatusByOrganisation {
  organisation: string;
  counts: Record<Status, number>;
}

export interface OpenFindingsPoint {
  /** YYYY-MM-DD */
  date: string;
  open: number;
}

export interface Dashboard {
  plans: PlanSummary[];
  statusByOrganisation: StatusByOrganisation[];
  openFindingsOverTime: OpenFindingsPoint[];
  /** For an agency editor: their organisation's open actions, soonest due first. Empty for other roles. */
  myActions: ActionSummary[];
}

export interface ScrutinyQuestions {
  organisation: string;
  actions: { action: ActionSummary; findings: Finding[] }[];
}

export interface NewUserInput {
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  password: string;
}

export interface SignInResult {
  user: User;
  /** The new session's secret; only ever sent to the browser as a cookie. */
  sessionToken: string;
}

/** Who is signing in, as the web server sees them. */
export interface SignInClient {
  /** The client's IP address; failed sign-ins are counted per address as well as per email address. */
  address?: string | null;
}

/** What a session cookie names, now. */
export type SessionState =
  | { status: "active"; user: User }
  /** Ended, and deleted, just now: unused for the idle timeout, or past its absolute lifetime. */
  | { status: "idle" | "expired" }
  /** No session: never was, signed out, ended earlier or its user disabled. */
  | { status: "none" };

export interface AuthService {
  /**
   * Null when the email is unknown, the password wrong or the user disabled (one answer for all three).
   * Throws TooManyAttemptsError, without checking the password, while the email address or the client
   * address is locked out after failed sign-ins.
   */
  signIn(email: string, password: string, client?: SignInClient): Promise<SignInResult | null>;
  /**
   * The session's user, ending the session if it has been idle too long or reached its absolute lifetime,
   * and recording its use (written at most once a minute, not on every request).
   */
  resumeSession(sessionToken: string): Promise<SessionState>;
  /** resumeSession's user, or null. */
  sessionUser(sessionToken: string): Promise<User | null>;
  /** How long sessions last, to tell people why they were signed out. */
  readonly sessionPolicy: { idleMs: number; absoluteMs: number };
  signOut(sessionToken: string): Promise<void>;
  apiTokenUser(token: string): Promise<User | null>;
  /** Replaces the user's API token; the token is returned once and only its hash kept. */
  issueApiToken(actor: User): Promise<string>;
  revokeApiToken(actor: User): Promise<void>;
  hasApiToken(actor: User): Promise<boolean>;
}

/** What the plan page shows: the plan, and all its live actions by ref (the page filters and sorts them). */
export interface PlanPage {
  plan: PlanDetail;
  actions: ActionSummary[];
}

export interface PlanService {
  list(user: User): Promise<PlanSummary[]>;
  get(user: User, planId: string): Promise<PlanDetail>;
  actions(user: User, planId: string, filter: ActionFilter): Promise<ActionSummary[]>;
  /** get and actions together, reading the plan, its actions and its findings once. */
  page(user: User, planId: string): Promise<PlanPage>;
  dashboard(user: User): Promise<Dashboard>;
}

export interface ActionService {
  get(user: User, actionId: string): Promise<ActionDetail>;
  /** Throws ForbiddenError, ConflictError (stale row version) or ValidationError. */
  update(user: User, actionId: string, input: ActionUpdateInput): Promise<{ rowVersion: number }>;
  attachment(user: User, attachmentId: string): Promise<FileDownload>;
}

export interface ImportService {
  /** Parses and keeps the bytes server-side; throws ValidationError when the file is not a readable plan. */
  stage(user: User, file: { fileName: string; bytes: Buffer }, target: ImportTarget): Promise<ImportPreview>;
  preview(user: User, stagedId: string, target?: ImportTarget): Promise<ImportPreview>;
  confirm(user: User, stagedId: string, target: ImportTarget): Promise<{ planId: string }>;
  discard(user: User, stagedId: string): Promise<void>;
}

export interface FindingFilter {
  planId?: string;
  organisationId?: string;
  kind?: FindingKind;
}

export interface FindingService {
  listOpen(user: User, filter: FindingFilter): Promise<Finding[]>;
  questionsByOrganisation(user: User, filter: { planId?: string }): Promise<ScrutinyQuestions[]>;
}

export interface ChallengeService {
  list(user: User, filter: { state?: ChallengeState; actionId?: string }): Promise<Challenge[]>;
  create(user: User, input: { actionId: string; findingId: string | null; text: string }): Promise<Challenge>;
  resolve(
    user: User,
    challengeId: string,
    input: { state: Exclude<ChallengeState, "open">; note: string },
  ): Promise<Challenge>;
}

export interface OrganisationService {
  list(user: User): Promise<Organisation[]>;
  create(user: User, name: string): Promise<Organisation>;
  addAlias(user: User, organisationId: string, alias: string): Promise<void>;
  removeAlias(user: User, organisationId: string, alias: string): Promise<void>;
}

export interface UserService {
  list(user: User): Promise<User[]>;
  create(user: User, input: NewUserInput): Promise<User>;
  setDisabled(user: User, userId: string, disabled: boolean): Promise<void>;
}

export interface AuditService {
  list(user: User, page: number, pageSize: number): Promise<Page<AuditEntry>>;
}

export interface ReportService {
  scrutinyDocx(user: User, filter: { planId?: string }): Promise<FileDownload>;
  findingsXlsx(user: User, filter: { planId?: string }): Promise<FileDownload>;
}

export interface HealthService {
  check(): Promise<{ database: "ok" | "unavailable" }>;
}

export interface Services {
  auth: AuthService;
  plans: PlanService;
  actions: ActionService;
  imports: ImportService;
  findings: FindingService;
  challenges: ChallengeService;
  organisations: OrganisationService;
  users: UserService;
  audit: AuditService;
  reports: ReportService;
  health: HealthService;
}
