import { FINDING_KINDS, type Finding, type Severity } from "./types.js";

const SEVERITIES: Severity[] = ["high", "medium", "low"];

/**
 * The readable summary of `assure check`: findings grouped by organisation, then by action (section and
 * ref), each with its reason and the question to put; counts per organisation and per kind. Ends with a
 * new line. Findings are shown in the order given (`assess` sorts them).
 */
export function formatFindingsSummary(findings: readonly Finding[]): string {
  if (findings.length === 0) return "No findings.\n";
  const lines: string[] = [];
  const byOrg = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.organisation ?? "";
    const list = byOrg.get(key);
    if (list) list.push(f);
    else byOrg.set(key, [f]);
  }
  for (const [org, list] of byOrg) {
    lines.push(`${org || "No owning organisation"} — ${countLine(list)}`);
    let action = "";
    for (const f of list) {
      const key = `${f.section}\u0000${f.ref}`;
      if (key !== action) {
        action = key;
        lines.push(`  ${[f.section, f.ref].filter((x) => x).join(" ")}`);
      }
      lines.push(`    ${f.kind} (${f.severity}): ${f.reason}`);
      lines.push(`      Question: ${f.question}`);
    }
    lines.push("");
  }
  const perKind = FINDING_KINDS.map((k) => [k, findings.filter((f) => f.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`);
  lines.push(`${plural(findings.length, "finding")} in all: ${perKind.join(", ")}.`);
  return `${lines.join("\n")}\n`;
}

function countLine(list: readonly Finding[]): string {
  const parts = SEVERITIES.map((s) => [s, list.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return `${plural(list.length, "finding")} (${parts.join(", ")})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
