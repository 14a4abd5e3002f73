/**
 * The good-fixture corpus: plans built from seeds 001 and 004 in the shapes council officers make
 * (see test/fixtures/README.md). Each fixture is parsed and compared, action by action, with the
 * expected JSON written beside it from the seed text, not from the importer's output.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalOrganisation, defaultDirectory } from "../src/domain/organisations.js";
import type { ParsedAction, ParsedPlan, RagKeyEntry } from "../src/domain/plan.js";
import type { Status } from "../src/domain/status.js";
import { parseFile } from "../src/import/parse-file.js";
import type {
  ExpectedAction,
  ExpectedKeyEntry,
  ExpectedOrganisation,
  ExpectedPlan,
  TextField,
} from "./make-fixtures/expected.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const DIRECTORY = defaultDirectory();

const EXPECTED: ExpectedPlan[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".expected.json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), "utf8")) as ExpectedPlan);

/** Characters that show whether text survived its encoding. */
const FIDELITY_CHARS = ["£", "é", "–", "’", "‘", "“", "”"];
const MOJIBAKE = /Ã.|â€|Â£|\uFFFD/;

function normaliseOrganisation(name: string): string {
  return name
    .replace(/\s*\([^)]*\)\s*$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function organisationKey(name: string): string {
  return normaliseOrganisation(canonicalOrganisation(name, DIRECTORY) ?? name);
}

/**
 * The expected organisation is written as the plan names it; the importer returns a canonical name.
 * They agree when the directory resolves both to the same organisation, or, for an organisation the
 * directory does not know, when the names are the same once a trailing "(ABBR)" is set aside.
 */
function sameOrganisation(actual: string | null, expected: ExpectedOrganisation): boolean {
  const accepted = Array.isArray(expected) ? expected : [expected];
  return accepted.some((alt) =>
    alt === null ? actual === null : actual !== null && organisationKey(actual) === organisationKey(alt),
  );
}

function nearColour(a: string | null, b: string): boolean {
  if (!a || !/^[0-9A-F]{6}$/i.test(a)) return false;
  for (let i = 0; i < 6; i += 2) {
    if (Math.abs(Number.parseInt(a.slice(i, i + 2), 16) - Number.parseInt(b.slice(i, i + 2), 16)) > 3)
      return false;
  }
  return true;
}

function keyEntryMatches(entry: RagKeyEntry, want: ExpectedKeyEntry): boolean {
  const statuses: Status[] = Array.isArray(want.status) ? want.status : [want.status];
  if (!statuses.includes(entry.status)) return false;
  if (want.colour && !nearColour(entry.colour, want.colour)) return false;
  if (want.word) {
    const w = want.word.toLowerCase();
    const word = (entry.word ?? "").trim().toLowerCase();
    if (word !== w && !entry.label.trim().toLowerCase().startsWith(w)) return false;
  }
  return true;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function findAction(plan: ParsedPlan, section: string, ref: string): ParsedAction | undefined {
  return plan.actions.find((a) => a.section === section && a.ref === ref);
}

function allText(plan: ParsedPlan): string {
  const parts: string[] = [plan.plan.title];
  for (const a of plan.actions) {
    parts.push(
      a.section,
      a.ref,
      a.finding,
      a.action,
      a.lead,
      a.dueText,
      a.statusText,
      a.progress,
      a.evidenceOfImpact,
    );
  }
  return parts.join("\n");
}

function expectedText(e: ExpectedPlan): string {
  const parts: string[] = [e.plan.title ?? ""];
  for (const a of e.actions) {
    parts.push(
      a.section,
      a.lead ?? "",
      a.finding ?? "",
      a.evidenceOfImpact ?? "",
      a.dueText ?? "",
      a.statusText ?? "",
    );
    for (const list of Object.values(a.contains ?? {})) parts.push(...(list ?? []));
    parts.push(...(a.progressLines ?? []));
  }
  return parts.join("\n");
}

it("has the six good fixtures and their expectations", () => {
  expect(EXPECTED.length).toBeGreaterThanOrEqual(6);
  for (const e of EXPECTED) expect(e.actions.length, e.file).toBeGreaterThan(0);
});

for (const expected of EXPECTED) {
  describe(expected.file, () => {
    let parsed: ParsedPlan;

    beforeAll(async () => {
      parsed = await parseFile(join(FIXTURES, expected.file));
    });

    it("plan title and as-of date", () => {
      if (expected.plan.title === null) expect(parsed.plan.title.trim()).not.toBe("");
      else expect(parsed.plan.title.trim()).toBe(expected.plan.title);
      expect(parsed.plan.asOf).toBe(expected.plan.asOf);
    });

    if (expected.plan.ragKey.length > 0) {
      it("the plan's own RAG key", () => {
        for (const want of expected.plan.ragKey) {
          expect(
            parsed.plan.ragKey.some((entry) => keyEntryMatches(entry, want)),
            `key entry ${JSON.stringify(want)} in ${JSON.stringify(parsed.plan.ragKey)}`,
          ).toBe(true);
        }
      });
    }

    it("sections, in order, with their organisations", () => {
      expect(parsed.sections.map((s) => s.name)).toEqual(expected.sections.map((s) => s.name));
      for (const s of expected.sections) {
        const got = parsed.sections.find((x) => x.name === s.name);
        expect(
          sameOrganisation(got?.organisation ?? null, s.organisation),
          `section "${s.name}": organisation ${JSON.stringify(got?.organisation)}, expected ${JSON.stringify(s.organisation)}`,
        ).toBe(true);
      }
    });

    it("every action, in order, and nothing else", () => {
      expect(parsed.actions.map((a) => `${a.section} | ${a.ref}`)).toEqual(
        expected.actions.map((a) => `${a.section} | ${a.ref}`),
      );
    });

    for (const want of expected.actions) {
      it(`action ${want.ref} of "${want.section}"`, () => {
        const got = findAction(parsed, want.section, want.ref);
        if (!got) throw new Error(`action ${want.ref} of "${want.section}" was not read`);
        compareAction(got, want);
      });
    }

    it("keeps every character, whatever the encoding", () => {
      const text = allText(parsed);
      expect(text).not.toMatch(MOJIBAKE);
      const wanted = expectedText(expected);
      for (const ch of FIDELITY_CHARS) {
        if (wanted.includes(ch)) expect(text, `"${ch}" survives`).toContain(ch);
      }
    });
  });
}

function compareAction(got: ParsedAction, want: ExpectedAction): void {
  expect(
    sameOrganisation(got.organisation, want.organisation),
    `organisation ${JSON.stringify(got.organisation)}, expected ${JSON.stringify(want.organisation)}`,
  ).toBe(true);
  if (got.organisation !== null) expect(got.organisations[0]).toBe(got.organisation);

  const pick = (a: ExpectedAction | ParsedAction) => ({
    status: a.status,
    due: a.due,
    lastUpdate: a.lastUpdate,
    ...(want.dueText !== undefined ? { dueText: a.dueText } : {}),
    ...(want.statusText !== undefined ? { statusText: a.statusText } : {}),
    // Leads and findings are compared as running text: whether paragraphs become "\n" or " " is the
    // importer's choice for these fields (progress keeps its lines, checked below).
    ...(want.lead !== undefined ? { lead: oneLine(a.lead ?? "") } : {}),
    ...(want.finding !== undefined ? { finding: oneLine(a.finding ?? "") } : {}),
    ...(want.evidenceOfImpact !== undefined ? { evidenceOfImpact: a.evidenceOfImpact } : {}),
  });
  expect(pick(got)).toEqual(pick(want));

  for (const org of want.alsoOrganisations ?? []) {
    expect(
      got.organisations.some((o) => sameOrganisation(o, org)),
      `${org} among ${JSON.stringify(got.organisations)}`,
    ).toBe(true);
  }
  for (const [field, parts] of Object.entries(want.contains ?? {}) as [TextField, string[]][]) {
    for (const part of parts) expect(got[field], field).toContain(part);
  }
  if (want.progressLines) {
    const lines = got.progress.split("\n").map((l) => l.trim());
    for (const line of want.progressLines) expect(lines, "progress lines").toContain(line);
  }
}
