import { existsSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import type { Command } from "commander";
import { assess } from "../../assurance/assess.js";
import { formatFindingsSummary } from "../../assurance/summary.js";
import type { Finding } from "../../assurance/types.js";
import { getPlan, planSnapshot } from "../../db/index.js";
import { parseBritishDate } from "../../domain/dates.js";
import type { ParsedPlan } from "../../domain/plan.js";
import { parseFile } from "../../import/parse-file.js";
import { findingsXlsx } from "../../reports/findings-xlsx.js";
import { scrutinyDocx } from "../../reports/scrutiny-docx.js";
import { withDatabase } from "../database.js";
import { parsedPlanToJson } from "../json.js";
import { printJson, UsageError } from "../output.js";
import { loadDirectoryFile } from "./parse.js";

const DEFAULT_CADENCE_DAYS = 90;

interface CheckedPlan {
  parsed: ParsedPlan;
  cadenceDays: number;
  findings: Finding[];
}

function asOfDate(text: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
  const parsed = iso ? parseBritishDate(iso) : null;
  if (!iso || !parsed?.date) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, not "${text}"`);
  return parsed.date;
}

/** Each argument is a plan file, or the id of a stored plan (read from the database). */
async function loadPlans(
  targets: string[],
  organisationsFile: string | undefined,
): Promise<{ partnership: string | null; plans: { parsed: ParsedPlan; cadenceDays: number }[] }> {
  const directory = loadDirectoryFile(organisationsFile);
  const plans: { parsed: ParsedPlan; cadenceDays: number }[] = [];
  const stored: number[] = [];
  for (const t of targets) {
    if (existsSync(t))
      plans.push({
        parsed: await parseFile(t, directory ? { directory } : {}),
        cadenceDays: DEFAULT_CADENCE_DAYS,
      });
    else if (/^\d+$/.test(t)) stored.push(Number(t));
    else throw new UsageError(`${t}: no such file, and not a plan id`);
  }
  if (stored.length === 0) return { partnership: null, plans };
  return withDatabase(async ({ db, partnership }) => {
    for (const id of stored) {
      const detail = await getPlan(db, id);
      if (!detail) throw new UsageError(`there is no plan ${id} (see \`assure plans\`)`);
      plans.push({ parsed: planSnapshot(detail), cadenceDays: detail.effectiveCadenceDays });
    }
    return { partnership: partnership.name, plans };
  });
}

function check(plan: { parsed: ParsedPlan; cadenceDays: number }, asOf: string): CheckedPlan {
  const findings = assess({
    plan: { title: plan.parsed.plan.title, asOf: plan.parsed.plan.asOf },
    actions: plan.parsed.actions,
    cadenceDays: plan.cadenceDays,
    asOf,
  });
  return { ...plan, findings };
}

export function registerCheckCommands(program: Command): void {
  program
    .command("check")
    .description("raise assurance findings on a plan file or a stored plan, as of a date")
    .argument("<plan>", "a plan file, or a stored plan's id")
    .requiredOption("--as-of <date>", "the date to check as of, YYYY-MM-DD")
    .option("--cadence <days>", "review cadence in days for a plan file", String(DEFAULT_CADENCE_DAYS))
    .option("--json", "print the parsed plan and its findings as JSON")
    .option("--organisations <file>", "JSON alias table to resolve organisation names")
    .action(
      async (
        target: string,
        opts: { asOf: string; cadence: string; json?: boolean; organisations?: string },
      ) => {
        const asOf = asOfDate(opts.asOf);
        const cadence = Number(opts.cadence);
        if (!Number.isInteger(cadence) || cadence <= 0)
          throw new UsageError("--cadence must be a whole number of days");
        const { plans } = await loadPlans([target], opts.organisations);
        const loaded = plans[0];
        if (!loaded) throw new UsageError("nothing to check");
        const checked = check(
          { ...loaded, cadenceDays: existsSync(target) ? cadence : loaded.cadenceDays },
          asOf,
        );
        if (opts.json) {
          printJson({
            ...parsedPlanToJson(checked.parsed),
            findings: checked.findings.map((f) => ({
              kind: f.kind,
              severity: f.severity,
              section: f.section,
              organisation: f.organisation,
              ref: f.ref,
              reason: f.reason,
              question: f.question,
            })),
          });
          return;
        }
        console.log(
          `${checked.parsed.plan.title}: ${checked.parsed.actions.length} actions checked as of ${asOf}`,
        );
        process.stdout.write(formatFindingsSummary(checked.findings));
      },
    );

  const report = program.command("report").description("write board-ready reports");
  report
    .command("scrutiny")
    .description("the scrutiny questions (.docx) or every finding in a filterable sheet (.xlsx)")
    .argument("<plans...>", "plan files and/or stored plan ids")
    .requiredOption("--as-of <date>", "the date to check as of, YYYY-MM-DD")
    .requiredOption("--out <file>", "questions.docx or findings.xlsx")
    .option("--partnership <name>", "the partnership named in the report")
    .option("--organisations <file>", "JSON alias table to resolve organisation names")
    .action(
      async (
        targets: string[],
        opts: { asOf: string; out: string; partnership?: string; organisations?: string },
      ) => {
        const asOf = asOfDate(opts.asOf);
        const kind = extname(opts.out).toLowerCase();
        if (kind !== ".docx" && kind !== ".xlsx") throw new UsageError("--out must end in .docx or .xlsx");
        const loaded = await loadPlans(targets, opts.organisations);
        const checked = loaded.plans.map((p) => check(p, asOf));
        const input = {
          partnership: opts.partnership ?? loaded.partnership ?? "the partnership",
          asOf,
          plans: checked.map((c) => ({
            title: c.parsed.plan.title,
            asOf: c.parsed.plan.asOf,
            actions: c.parsed.actions,
            findings: c.findings,
          })),
        };
        writeFileSync(opts.out, kind === ".docx" ? await scrutinyDocx(input) : await findingsXlsx(input));
        const total = checked.reduce((n, c) => n + c.findings.length, 0);
        console.log(
          `Wrote ${opts.out}: ${total} findings on ${checked.length} plan${checked.length === 1 ? "" : "s"} as of ${asOf}`,
        );
      },
    );
}
