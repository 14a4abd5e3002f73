import { assess } from "./assess.js";
import { DEFAULT_RULE_DATA, type RuleData } from "./data.js";
import { type AssuredAction, FINDING_KINDS, type FindingKind } from "./types.js";

/** One labelled plan of the assurance corpus: its actions, and for each as-of date the kinds each must raise. */
export interface CorpusCase {
  id: string;
  description: string;
  source: string;
  plan: { title: string; asOf: string | null };
  cadenceDays: number;
  checks: string[];
  actions: LabelledAction[];
}

export type LabelledAction = AssuredAction & { expected: Record<string, FindingKind[]>; note?: string };

export interface KindScore {
  kind: FindingKind;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Labelled positives (true positives + false negatives). */
  labelled: number;
  precision: number;
  recall: number;
}

export interface Mismatch {
  caseId: string;
  asOf: string;
  section: string;
  ref: string;
  kind: FindingKind;
  error: "false-positive" | "false-negative";
  reason: string | null;
}

export interface Evaluation {
  scores: KindScore[];
  labelledActions: number;
  mismatches: Mismatch[];
}

/** Precision and recall per finding kind of `assess` against the labels. Pure. */
export function evaluateCorpus(
  cases: readonly CorpusCase[],
  rules: RuleData = DEFAULT_RULE_DATA,
): Evaluation {
  const counts = new Map<FindingKind, { tp: number; fp: number; fn: number }>(
    FINDING_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]),
  );
  const mismatches: Mismatch[] = [];
  let labelledActions = 0;
  for (const c of cases) {
    for (const asOf of c.checks) {
      const findings = assess({ plan: c.plan, actions: c.actions, cadenceDays: c.cadenceDays, asOf }, rules);
      const raised = new Map<string, Map<FindingKind, string>>();
      for (const f of findings) {
        const key = `${f.section}\u0000${f.ref}`;
        let m = raised.get(key);
        if (!m) {
          m = new Map();
          raised.set(key, m);
        }
        m.set(f.kind, f.reason);
      }
      for (const a of c.actions) {
        const expected = a.expected[asOf];
        if (!expected) continue;
        labelledActions++;
        const got = raised.get(`${a.section}\u0000${a.ref}`) ?? new Map<FindingKind, string>();
        for (const kind of FINDING_KINDS) {
          const want = expected.includes(kind);
          const have = got.has(kind);
          const n = counts.get(kind);
          if (!n) continue;
          if (want && have) n.tp++;
          else if (have) {
            n.fp++;
            mismatches.push({
              caseId: c.id,
              asOf,
              section: a.section,
              ref: a.ref,
              kind,
              error: "false-positive",
              reason: got.get(kind) ?? null,
            });
          } else if (want) {
            n.fn++;
            mismatches.push({
              caseId: c.id,
              asOf,
              section: a.section,
              ref: a.ref,
              kind,
              error: "false-negative",
              reason: null,
            });
          }
        }
      }
    }
  }
  const scores = FINDING_KINDS.map((kind) => {
    const n = counts.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
    return {
      kind,
      truePositives: n.tp,
      falsePositives: n.fp,
      falseNegatives: n.fn,
      labelled: n.tp + n.fn,
      precision: n.tp + n.fp === 0 ? 1 : n.tp / (n.tp + n.fp),
      recall: n.tp + n.fn === 0 ? 1 : n.tp / (n.tp + n.fn),
    };
  });
  return { scores, labelledActions, mismatches };
}

export function formatEvaluation(e: Evaluation): string {
  const header = ["kind", "labelled", "raised", "TP", "FP", "FN", "precision", "recall"];
  const rows = e.scores.map((s) => [
    s.kind,
    String(s.labelled),
    String(s.truePositives + s.falsePositives),
    String(s.truePositives),
    String(s.falsePositives),
    String(s.falseNegatives),
    s.precision.toFixed(3),
    s.recall.toFixed(3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
