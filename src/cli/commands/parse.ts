import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { OrganisationDirectory } from "../../domain/organisation.js";
import type { ParsedPlan } from "../../domain/plan.js";
import { STATUS_LABELS } from "../../domain/status.js";
import { parseFile } from "../../import/parse-file.js";
import { parsedPlanToJson } from "../json.js";
import { printJson, UsageError } from "../output.js";

export function loadDirectoryFile(path: string | undefined): OrganisationDirectory | undefined {
  if (!path) return undefined;
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as OrganisationDirectory;
    if (!Array.isArray(data.organisations)) throw new Error("no organisations array");
    return data;
  } catch (err) {
    throw new UsageError(`cannot read organisations file ${path}: ${(err as Error).message}`);
  }
}

export function summarisePlan(parsed: ParsedPlan): string {
  const lines = [
    `${parsed.plan.title}${parsed.plan.version ? ` (version ${parsed.plan.version})` : ""}`,
    `As of: ${parsed.plan.asOf ?? "not stated"}`,
    `Sections: ${parsed.sections.length}   Actions: ${parsed.actions.length}   Warnings: ${parsed.warnings.length}`,
    "",
  ];
  for (const section of parsed.sections) {
    lines.push(`${section.name}${section.organisation ? ` — ${section.organisation}` : ""}`);
    for (const a of parsed.actions.filter((x) => x.section === section.name)) {
      const due = a.due ?? (a.dueText || "no date");
      lines.push(`  ${a.ref.padEnd(10)} ${STATUS_LABELS[a.status].padEnd(34)} due ${due}`);
    }
  }
  if (parsed.warnings.length > 0) {
    lines.push("", "Warnings:");
    for (const w of parsed.warnings) lines.push(`  ${w.where}: ${w.message}`);
  }
  return `${lines.join("\n")}\n`;
}

export function registerParse(program: Command): void {
  program
    .command("parse")
    .description("read an action plan file (docx, xlsx, csv) and print what was read; touches no database")
    .argument("<file>", "the plan file")
    .option("--json", "print the parsed plan as JSON")
    .option("--organisations <file>", "JSON alias table to resolve organisation names")
    .action(async (file: string, opts: { json?: boolean; organisations?: string }) => {
      const directory = loadDirectoryFile(opts.organisations);
      const parsed = await parseFile(file, directory ? { directory } : {});
      if (opts.json) printJson(parsedPlanToJson(parsed));
      else process.stdout.write(summarisePlan(parsed));
    });
}
