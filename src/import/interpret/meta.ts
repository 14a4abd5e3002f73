import type { SourceKind } from "../../domain/plan.js";

/** A version label has a digit, or is one of the words plans use for one ("This version of…" has neither). */
const VERSION =
  /\bversion\s*(?:no\.?|number)?\s*[:\-–]?\s*(v?\d[\p{L}\p{N}._-]*|final|draft|approved|agreed|interim|revised|current)(?![\p{L}\p{N}])/iu;

/** "Plan version: FINAL" → "FINAL", "Version 3" → "3", "version v1.2" → "v1.2". */
export function findVersion(text: string): string | null {
  const m = VERSION.exec(text);
  if (!m?.[1]) return null;
  return m[1].replace(/[._-]+$/, "");
}

/** Checked in this order, because a JTAI plan's introduction also names Ofsted and the CQC. */
const SOURCE_PATTERNS: readonly [SourceKind, RegExp][] = [
  ["jtai", /\bJTAI\b|\bjoint\s+targeted\s+area\s+inspection/i],
  ["sar", /\bSARs?\b|\bsafeguarding\s+adults?\s+reviews?\b/i],
  ["dhr", /\bDHRs?\b|\bdomestic\s+homicide\s+reviews?\b/i],
  [
    "lcspr",
    /\bL?CSPRs?\b|\bchild\s+safeguarding\s+practice\s+reviews?\b|\bserious\s+case\s+reviews?\b|\bSCR\b/i,
  ],
  ["section-11", /\bsection\s*11\b|\bs\.?\s?11\s+audit/i],
  ["cqc-review", /\bCQC\b|\bcare\s+quality\s+commission\b/i],
  ["ofsted", /\bofsted\b|\bILACS\b|\binspection\s+of\s+local\s+authority\s+children'?s\s+services\b/i],
];

/** What the plan answers, judged from its title first and then its opening text. */
export function detectSourceKind(title: string, intro: readonly string[]): SourceKind | null {
  for (const text of [title, ...intro]) {
    for (const [kind, pattern] of SOURCE_PATTERNS) {
      if (pattern.test(text)) return kind;
    }
  }
  return null;
}

/** Document property titles that are left-overs of templates or conversions, not a plan's name. */
const JUNK_TITLE = /^(?:microsoft\s+(?:word|excel)\s*-|untitled|template|document\d*$|book\d*$|sheet\d*$)/i;

export function usableTitle(text: string | null | undefined): string | null {
  const t = (text ?? "").replace(/\s+/g, " ").trim();
  if (t === "" || JUNK_TITLE.test(t)) return null;
  return t;
}

export function fileNameTitle(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/\.[^.]+$/, "");
  return stem === "" ? base : stem;
}
