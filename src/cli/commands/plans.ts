import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import type { Kysely } from "kysely";
import {
  getPlan,
  listPlans,
  loadOrganisationDirectory,
  planSnapshot,
  previewImport,
  type Schema,
  storeImport,
} from "../../db/index.js";
import type { OrganisationDirectory } from "../../domain/organisation.js";
import { defaultDirectory, mergeDirectories } from "../../domain/organisations.js";
import { isSourceKind, SOURCE_KINDS, type SourceKind } from "../../domain/plan.js";
import { STATUSES } from "../../domain/status.js";
import { parseBuffer } from "../../import/parse-file.js";
import { exportCsv, exportJson, exportXlsx } from "../../reports/plan-export.js";
import { withDatabase } from "../database.js";
import { parsedPlanToJson } from "../json.js";
import { printJson, UsageError } from "../output.js";

/** The partnership's own alias table; a partnership that has none yet reads with the shipped one. */
export async function directoryFor(
  db: Kysely<Schema>,
  partnershipId: number,
): Promise<OrganisationDirectory> {
  // The partnership's own alias table, with the shipped one behind it.
  return mergeDirectories(await loadOrganisationDirectory(db, partnershipId), defaultDirectory());
}

function planId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0)
    throw new UsageError(`"${text}" is not a plan id (see \`assure plans\`)`);
  return id;
}

export function registerPlanCommands(program: Command): void {
  program
    .command("import")
    .description("import a plan file into the database, as a new plan or a new version of one")
    .argument("<file>", "the plan file (docx, xlsx, csv)")
    .option("--dry-run", "show what would be stored and changed, and write nothing")
    .option("--plan <id>", "store as a new version of this plan")
    .option("--source <kind>", `what the plan answers: ${SOURCE_KINDS.join(", ")}`)
    .option("--json", "print the result as JSON")
    .action(
      async (file: string, opts: { dryRun?: boolean; plan?: string; source?: string; json?: boolean }) => {
        if (opts.source !== undefined && !isSourceKind(opts.source)) {
          throw new UsageError(`--source must be one of ${SOURCE_KINDS.join(", ")}`);
        }
        const sourceKind = opts.source as SourceKind | undefined;
        const bytes = readFileSync(file);
        await withDatabase(async ({ db, partnership }) => {
          const existing = opts.plan ? planId(opts.plan) : undefined;
          const parsed = await parseBuffer(bytes, basename(file), {
            directory: await directoryFor(db, partnership.id),
          });
          if (opts.dryRun) {
            const preview = await previewImport(db, parsed, {
              partnershipId: partnership.id,
              planId: existing,
            });
            const counts = {
              added: preview.added,
              changed: preview.changed,
              unchanged: preview.unchanged,
              withdrawn: preview.withdrawn,
              reinstated: preview.reinstated,
            };
            if (opts.json) {
              printJson({
                dryRun: true,
                ...counts,
                newOrganisations: preview.newOrganisations,
                ...parsedPlanToJson(parsed),
              });
              return;
            }
            console.log(`Dry run: nothing was written.`);
            console.log(
              `${parsed.plan.title}: ${parsed.actions.length} actions, ${parsed.warnings.length} warnings`,
            );
            console.log(formatCounts(counts));
            if (preview.newOrganisations.length > 0)
              console.log(`New organisations: ${preview.newOrganisations.join(", ")}`);
            for (const w of parsed.warnings) console.log(`  warning: ${w.where}: ${w.message}`);
            return;
          }
          const result = await storeImport(db, parsed, {
            partnershipId: partnership.id,
            planId: existing,
            fileName: basename(file),
            fileSha256: createHash("sha256").update(bytes).digest("hex"),
            importedBy: null,
            sourceKind,
          });
          if (opts.json) {
            printJson(result);
            return;
          }
          console.log(`Stored plan ${result.planId} version ${result.versionNo}: ${formatCounts(result)}`);
          if (result.createdOrganisations.length > 0) {
            console.log(`Created organisations: ${result.createdOrganisations.join(", ")}`);
          }
          if (parsed.warnings.length > 0)
            console.log(`${parsed.warnings.length} warnings (see \`assure parse\`)`);
        });
      },
    );

  program
    .command("plans")
    .description("list the stored plans with their actions by status")
    .option("--json", "print as JSON")
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async ({ db, partnership }) => {
        const plans = await listPlans(db, partnership.id);
        if (opts.json) {
          printJson(plans);
          return;
        }
        if (plans.length === 0) {
          console.log("No plans yet: `assure import FILE` stores one.");
          return;
        }
        for (const p of plans) {
          const counts = STATUSES.filter((s) => p.byStatus[s] > 0)
            .map((s) => `${s} ${p.byStatus[s]}`)
            .join(", ");
          const v = p.latestVersion;
          console.log(
            `${String(p.id).padStart(4)}  ${p.title}  (version ${v?.versionNo ?? "?"}${v?.versionLabel ? ` "${v.versionLabel}"` : ""}, as of ${v?.asOf ?? "not stated"}) — ${p.actionCount} actions: ${counts}`,
          );
        }
      });
    });

  program
    .command("export")
    .description("export a stored plan; an exported xlsx or csv imports back to the same model")
    .argument("<plan>", "plan id (see `assure plans`)")
    .requiredOption("--format <format>", "xlsx, csv or json")
    .option("--out <file>", "write to this file (default: standard output for csv and json)")
    .action(async (plan: string, opts: { format: string; out?: string }) => {
      if (!["xlsx", "csv", "json"].includes(opts.format))
        throw new UsageError("--format must be xlsx, csv or json");
      if (opts.format === "xlsx" && !opts.out) throw new UsageError("--out FILE is needed for xlsx");
      await withDatabase(async ({ db }) => {
        const detail = await getPlan(db, planId(plan));
        if (!detail) throw new UsageError(`there is no plan ${plan} (see \`assure plans\`)`);
        const snapshot = planSnapshot(detail);
        const bytes =
          opts.format === "xlsx"
            ? await exportXlsx(snapshot)
            : opts.format === "csv"
              ? exportCsv(snapshot)
              : exportJson(snapshot, parsedPlanToJson);
        if (opts.out) writeFileSync(opts.out, bytes);
        else process.stdout.write(bytes);
      });
    });
}

function formatCounts(c: {
  added: number;
  changed: number;
  unchanged: number;
  withdrawn: number;
  reinstated: number;
}) {
  return `${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged, ${c.withdrawn} withdrawn, ${c.reinstated} reinstated`;
}
