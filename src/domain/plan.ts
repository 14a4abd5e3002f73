import type { Status } from "./status.js";

/** What a plan answers. */
export const SOURCE_KINDS = [
  "jtai",
  "cqc-review",
  "ofsted",
  "sar",
  "dhr",
  "lcspr",
  "section-11",
  "other",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One line of a plan's own RAG key: what a colour (and/or a word) means in that plan. */
export interface RagKeyEntry {
  /** The meaning as the plan writes it, e.g. "Action in progress and on track for completion". */
  label: string;
  /** Six-digit upper-case hex without '#', or null for a key given in words only. */
  colour: string | null;
  /** The word or mark that stands for it, e.g. "Green", "Ev.", or null. */
  word: string | null;
  status: Status;
}

export interface Warning {
  /** Where in the file: e.g. `table 3, row 4, column "RAG"` or `sheet "CCG", row 12`. */
  where: string;
  message: string;
}

/** One action exactly as read from a document, before it is stored. */
export interface ParsedAction {
  /** Section heading exactly as the document writes it. */
  section: string;
  /** Primary owning organisation (canonical name), or null if none could be determined. */
  organisation: string | null;
  /** All owning organisations (canonical names); the first is `organisation`. */
  organisations: string[];
  /** Ref as written, e.g. "7.12", "TP1", "28 SY2,8". Empty string if the document gives none. */
  ref: string;
  finding: string;
  action: string;
  lead: string;
  /** YYYY-MM-DD or null. */
  due: string | null;
  /** Timescale as written. */
  dueText: string;
  status: Status;
  /** Status as written (the word, or the key label of a colour). */
  statusText: string;
  /** Plain text: paragraphs on their own lines, list items as "- " lines. */
  progress: string;
  /** Separate "evidence of impact" column where the plan has one, else "". */
  evidenceOfImpact: string;
  /** YYYY-MM-DD or null. */
  lastUpdate: string | null;
  /** Where the action was read, for messages. */
  where: string;
}

export interface ParsedSection {
  name: string;
  organisation: string | null;
}

export interface ParsedPlanMeta {
  title: string;
  /** The plan's own "as of" date, YYYY-MM-DD or null. */
  asOf: string | null;
  /** Version label as written, e.g. "FINAL", or null. */
  version: string | null;
  ragKey: RagKeyEntry[];
  source: { kind: SourceKind; title: string } | null;
}

export interface ParsedPlan {
  plan: ParsedPlanMeta;
  sections: ParsedSection[];
  actions: ParsedAction[];
  warnings: Warning[];
}

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === "string" && (SOURCE_KINDS as readonly string[]).includes(value);
}
