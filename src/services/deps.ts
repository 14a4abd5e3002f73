import type { OrganisationDirectory } from "../domain/organisation.js";
import type { ParsedPlan } from "../domain/plan.js";
import type { LoginThrottlePolicy } from "./login-throttle.js";
import type { PasswordHasher } from "./passwords.js";
import type { ActionRecord, FindingRecord, PlanRecord, RaisedFinding, Store } from "./store.js";

/** Reads an uploaded plan; throws ImportError (src/import/errors.ts) when it is not a readable plan. */
export type ParseFn = (
  bytes: Buffer,
  fileName: string,
  directory: OrganisationDirectory,
) => Promise<ParsedPlan>;

export interface AssessmentInput {
  plan: PlanRecord;
  /** Live actions only. */
  actions: ActionRecord[];
  /** YYYY-MM-DD */
  asOf: string;
}

/** The assurance engine: what a scrutineer would raise about a plan on a given day. */
export type AssessFn = (input: AssessmentInput) => RaisedFinding[] | Promise<RaisedFinding[]>;

export interface ReportInput {
  asOf: string;
  plans: { plan: PlanRecord; actions: ActionRecord[]; findings: FindingRecord[] }[];
}

/** Renders the scrutiny reports of the assurance issue (src/reports). */
export interface ReportRenderer {
  scrutinyDocx(input: ReportInput): Promise<Buffer>;
  findingsXlsx(input: ReportInput): Promise<Buffer>;
}

export interface ServiceDeps {
  store: Store;
  parse: ParseFn;
  assess: AssessFn;
  /** Absent until the reports module is wired in: report downloads then answer "not available". */
  reports?: ReportRenderer;
  passwords: PasswordHasher;
  now?: () => Date;
  /** Idle timeout and absolute lifetime of a sign-in (DEFAULT_SESSION_POLICY for what is not given). */
  sessions?: Partial<SessionPolicy>;
  /** Lockout after failed sign-ins (DEFAULT_LOGIN_THROTTLE for what is not given). */
  loginThrottle?: Partial<LoginThrottlePolicy>;
  /** How long an uploaded plan waits for confirmation before it is thrown away. */
  stagedTtlMs?: number;
  maxAttachmentBytes?: number;
  maxImportBytes?: number;
}

export interface SessionPolicy {
  /** A session not used for this long is ended. */
  idleMs: number;
  /** A session is ended this long after sign-in, however much it is used. */
  absoluteMs: number;
  /** The session's last use is written at most this often (not on every request). */
  touchIntervalMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
  touchIntervalMs: 60 * 1000,
};

export const DEFAULTS = {
  stagedTtlMs: 24 * 60 * 60 * 1000,
  maxAttachmentBytes: 10 * 1024 * 1024,
  maxImportBytes: 50 * 1024 * 1024,
};
