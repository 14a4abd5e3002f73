import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { STATUSES } from "../domain/status.js";
import type { CorpusCase } from "./evaluate.js";
import { FINDING_KINDS } from "./types.js";

/**
 * Reading the labelled corpus (test/assurance-corpus/*.json) for the evaluation and its test. This is the
 * one part of src/assurance that touches the file system; the rules themselves never do.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ActionSchema = z.object({
  section: z.string(),
  organisation: z.string().nullable(),
  organisations: z.array(z.string()).optional(),
  ref: z.string(),
  finding: z.string(),
  action: z.string(),
  lead: z.string(),
  due: isoDate.nullable(),
  dueText: z.string(),
  status: z.enum(STATUSES),
  statusText: z.string(),
  progress: z.string(),
  evidenceOfImpact: z.string(),
  lastUpdate: isoDate.nullable(),
  history: z.array(z.object({ occurredOn: z.string() })).optional(),
  expected: z.record(isoDate, z.array(z.enum(FINDING_KINDS))),
  note: z.string().optional(),
});
const CaseSchema = z
  .object({
    id: z.string(),
    description: z.string(),
    source: z.string(),
    plan: z.object({ title: z.string(), asOf: isoDate.nullable() }),
    cadenceDays: z.number().int().positive(),
    checks: z.array(isoDate).min(1),
    actions: z.array(ActionSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const keys = new Set<string>();
    for (const a of c.actions) {
      const key = `${a.section}\u0000${a.ref}`;
      if (keys.has(key))
        ctx.addIssue({ code: "custom", message: `duplicate section and ref: ${a.section} ${a.ref}` });
      keys.add(key);
      for (const check of c.checks) {
        if (!a.expected[check])
          ctx.addIssue({ code: "custom", message: `${a.ref} has no label for ${check}` });
      }
    }
  });

/** The directory holding package.json, found by walking up from a module's URL (works from src/ and dist/). */
export function projectRoot(fromUrl: string): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(fromUrl)}`);
    dir = up;
  }
}

export function corpusDirectory(fromUrl: string = import.meta.url): string {
  return resolve(projectRoot(fromUrl), "test", "assurance-corpus");
}

/**
 * Plans labelled by authors who saw no rules, kept apart from the corpus: `npm run eval` prints how the
 * rules do on them, but does not hold them to the corpus's threshold, so their misses stay in view.
 */
export function heldOutDirectory(fromUrl: string = import.meta.url): string {
  return resolve(projectRoot(fromUrl), "test", "assurance-heldout");
}

export function loadCorpus(dir: string = corpusDirectory()): CorpusCase[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  return files.map((f) => {
    const parsed = CaseSchema.safeParse(JSON.parse(readFileSync(join(dir, f), "utf8")));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`${f}: ${problems}`);
    }
    return parsed.data as CorpusCase;
  });
}
