/**
 * The shape of test/fixtures/NAME.expected.json: what a careful reader of the fixture would write
 * down, independent of the importer. Fields left out are not checked.
 */
import type { Status } from "../../src/domain/status.js";

/**
 * An organisation as the plan names it (full name or alias, resolved through the organisation
 * directory when the test runs), null for "no organisation", or a list of acceptable answers where
 * the document itself is ambiguous (a section named for a service rather than an agency).
 */
export type ExpectedOrganisation = string | null | (string | null)[];

export type TextField =
  | "finding"
  | "action"
  | "lead"
  | "progress"
  | "evidenceOfImpact"
  | "dueText"
  | "statusText";

export interface ExpectedAction {
  section: string;
  ref: string;
  organisation: ExpectedOrganisation;
  status: Status;
  due: string | null;
  lastUpdate: string | null;
  dueText?: string;
  statusText?: string;
  lead?: string;
  finding?: string;
  evidenceOfImpact?: string;
  /** Other owning organisations that must be listed too. */
  alsoOrganisations?: string[];
  /** Exact substrings each field must contain (text fidelity: £ é – ’ “ ”). */
  contains?: Partial<Record<TextField, string[]>>;
  /** Lines that must appear, whole, among the progress text's lines (paragraphs and "- " list items). */
  progressLines?: string[];
}

export interface ExpectedKeyEntry {
  /** Six-digit hex the key shows for this meaning, if it is a colour key. */
  colour?: string;
  /** The word the key gives (Red, Amber, Ev.), matched case-insensitively against word or label. */
  word?: string;
  /** Accepted statuses: one, or several where the key's wording allows more than one reading. */
  status: Status | Status[];
}

export interface ExpectedPlan {
  file: string;
  /** What the fixture is made to test, for people reading the JSON. */
  about: string;
  plan: {
    /** null: the document has no title of its own; any non-empty title is accepted. */
    title: string | null;
    asOf: string | null;
    ragKey: ExpectedKeyEntry[];
  };
  sections: { name: string; organisation: ExpectedOrganisation }[];
  actions: ExpectedAction[];
}

export interface BuiltFixture {
  file: string;
  bytes: Uint8Array;
  expected: ExpectedPlan;
}

/** The default RAG key of the JTAI plan (seed 001), as its key table gives it. */
export const JTAI_KEY_MEANINGS = {
  notStarted: "Action not yet started",
  significant:
    "Action in progress but at significant risk of missing completion in agreed timescale (>30 days)",
  minor: "Action in progress but a minor risk to missing completion in agreed timescale (<30 days)",
  onTrack: "Action in progress and on track for completion",
  completed: "Action completed",
  impact: "Action completed and evidence of impact captured",
} as const;

export const RAG_STATUS: Record<"Red" | "Amber" | "Green" | "Blue", Status> = {
  Red: "significant-risk",
  Amber: "minor-risk",
  Green: "on-track",
  Blue: "completed",
};

/** "31 December 2019" from "2019-12-31", written here so fixtures do not depend on the importer's own date code. */
export function longBritishDate(iso: string): string {
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${months[m - 1]} ${y}`;
}

/** "31/12/2019" from "2019-12-31". */
export function slashDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
