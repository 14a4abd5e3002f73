import { findAsOfDate } from "../../domain/dates.js";
import type { OrganisationDirectory } from "../../domain/organisation.js";
import type { ParsedAction, ParsedPlan, ParsedSection, RagKeyEntry, Warning } from "../../domain/plan.js";
import { DEFAULT_KEY } from "../../domain/rag-key.js";
import { ImportError } from "../errors.js";
import type { RawCell, RawDocument, RawParagraph, RawRow, RawTable } from "../raw.js";
import { DateReader } from "./cell-dates.js";
import type { Role } from "./columns.js";
import { absorbRow, type Draft, firstText, newDraft, type RowContext, refOf } from "./draft.js";
import { type ColumnMap, findHeader, isRepeatedHeader } from "./header.js";
import { type FoundKey, isKeySheetName, keyFromTableRows, keyFromTexts } from "./key.js";
import { detectSourceKind, fileNameTitle, findVersion, usableTitle } from "./meta.js";
import { OwnerResolver } from "./owners.js";
import { hasText, isBlankRow, isSubHeadingRow, soleCell, tableWidth } from "./rows.js";
import { StatusReader } from "./status.js";

export interface InterpretOptions {
  directory: OrganisationDirectory;
}

export const NOT_A_PLAN = "is not an action plan: no table with a header row naming refs/actions was found";
export const NO_ACTIONS = "is not an action plan: a header row was found but no actions under it";

/** Roles one action has one of: a second such column is ignored rather than merged in. */
const SINGLE_ROLES: ReadonlySet<Role> = new Set<Role>(["ref", "due", "lastUpdate", "section"]);
const ROLE_NAMES: Partial<Record<Role, string>> = {
  ref: "ref column",
  due: "timescale column",
  lastUpdate: "date of last update column",
  section: "section column",
};

/** Paragraphs that say "continued" between the halves of a table split by a page. */
const CONTINUED = /^\(?cont(?:inued|'d|d)?\.?\)?$/i;
const SHORT_PARAGRAPH_CHARS = 80;
const INTRO_TEXTS = 20;

/**
 * Turns a format-neutral document into a plan: finds header rows by column names, gathers each
 * action with the rows that continue it, names sections, then reads statuses, dates and owners
 * against the plan's own key. One pass over the rows, then one over the actions.
 */
export function interpret(doc: RawDocument, opts: InterpretOptions): ParsedPlan {
  return new Interpretation(doc, opts).run();
}

class Interpretation {
  private readonly warnings: Warning[] = [];
  private readonly drafts: Draft[] = [];
  /** Texts outside action rows in reading order: where "as of" dates, versions and key sentences are. */
  private readonly notes: string[] = [];
  private readonly intro: string[] = [];
  private readonly headings: string[] = [];
  private readonly warnedColumns = new Set<string>();
  private titleParagraph: string | null = null;
  private titleRow: string | null = null;
  private tableKey: FoundKey | null = null;
  private headerSeen = false;

  /** Section named by the nearest heading, paragraph or sheet; a sub-heading row overrides it. */
  private context: string | null = null;
  private subHeading: string | null = null;
  /** The last value of a Section (or, in workbooks and exports, Agency) column, carried down blank cells. */
  private columnSection: string | null = null;
  private lastMap: ColumnMap | null = null;
  private lastDraft: Draft | null = null;

  private readonly usesHeadings: boolean;
  private readonly dates = new DateReader();

  constructor(
    private readonly doc: RawDocument,
    private readonly opts: InterpretOptions,
  ) {
    // Headings name sections only if some come between tables; a document whose only heading is its
    // title above the first table names its sections with plain short paragraphs.
    const firstTable = doc.blocks.findIndex((b) => b.kind === "table");
    this.usesHeadings = doc.blocks.some(
      (b, i) =>
        i > firstTable && b.kind === "paragraph" && (b.headingLevel ?? 0) >= 1 && b.text.trim() !== "",
    );
  }

  private readonly warn = (w: Warning): void => {
    this.warnings.push(w);
  };

  run(): ParsedPlan {
    for (const block of this.doc.blocks) {
      if (block.kind === "paragraph") this.paragraph(block);
      else this.table(block);
    }
    if (!this.headerSeen) throw new ImportError(this.doc.fileName, NOT_A_PLAN);
    return this.finish();
  }

  private paragraph(p: RawParagraph): void {
    const text = p.text.trim();
    if (text === "") return;
    this.notes.push(text);
    if (!this.headerSeen && this.intro.length < INTRO_TEXTS) this.intro.push(text);
    if (p.headingLevel === 0) {
      this.titleParagraph ??= text;
      return;
    }
    const isHeading = this.usesHeadings
      ? (p.headingLevel ?? 0) >= 1
      : !p.isListItem &&
        text.length <= SHORT_PARAGRAPH_CHARS &&
        !/[.:;,]$/.test(text) &&
        !CONTINUED.test(text);
    if (!isHeading || isNoteLine(text)) return;
    if (p.headingLevel !== null && p.headingLevel >= 1) this.headings.push(text);
    this.setContext(text);
  }

  private setContext(name: string | null): void {
    this.context = name;
    this.subHeading = null;
    this.columnSection = null;
    this.lastDraft = null;
  }

  private table(table: RawTable): void {
    if (table.sheet !== null) {
      this.setContext(/^sheet\s*\d*$/i.test(table.sheet.trim()) ? null : table.sheet);
      this.lastMap = null;
    }
    const header = findHeader(table.rows);
    if (header) {
      this.headerSeen = true;
      const above = table.rows.slice(0, header.index);
      this.titleRows(above, table.where);
      this.checkColumns(header.map, table, table.rows[header.index]);
      this.lastMap = header.map;
      this.columnSection = null;
      this.rows(table, header.index + 1, header.map);
      return;
    }
    if (table.sheet !== null && isKeySheetName(table.sheet)) {
      this.keySheet(table);
      return;
    }
    if (table.sheet === null && this.lastMap && tableWidth(table.rows) === this.lastMap.width) {
      this.rows(table, 0, this.lastMap);
      return;
    }
    const key = keyFromTableRows(table.rows);
    if (key) {
      this.tableKey ??= { entries: key, where: table.where, from: "table" };
      return;
    }
    this.titleRows(table.rows, table.where);
    if (table.rows.some((r) => !isBlankRow(r))) {
      this.warn({
        where: table.where,
        message: "no header row naming refs or actions; the table was not read as actions",
      });
    }
  }

  private keySheet(table: RawTable): void {
    const key = keyFromTableRows(table.rows);
    if (key) {
      this.tableKey ??= { entries: key, where: table.where, from: "table" };
      return;
    }
    const texts = table.rows.flatMap((r) => r.cells.filter(hasText).map((c) => c.text));
    this.notes.push(...texts);
    if (!keyFromTexts(texts)) {
      this.warn({
        where: table.where,
        message: "looks like a RAG key but no colours or words could be read from it",
      });
    }
  }

  /** Rows that are not actions: title banners, version lines, notes, keys drawn above a table. */
  private titleRows(rows: readonly RawRow[], where: string): void {
    for (const row of rows) {
      const sole = soleCell(row);
      if (sole) {
        this.titleRow ??= isNoteLine(sole.cell.text) ? null : sole.cell.text.replace(/\s+/g, " ").trim();
      }
      for (const cell of row.cells) {
        if (hasText(cell)) {
          this.notes.push(cell.text);
          if (!this.headerSeen && this.intro.length < INTRO_TEXTS) this.intro.push(cell.text);
        }
      }
    }
    if (rows.length >= 2 && !this.tableKey) {
      const key = keyFromTableRows(rows);
      if (key) this.tableKey = { entries: key, where, from: "table" };
    }
  }

  private checkColumns(map: ColumnMap, table: RawTable, row: RawRow | undefined): void {
    const at = (col: number) => `${table.where}, row ${row?.number ?? 1}, column "${map.headers[col] ?? ""}"`;
    const known = new Set<number>([...map.roles.values()].flat());
    for (const [role, cols] of map.roles) {
      const kept: number[] = [];
      for (const col of cols) {
        const name = map.headers[col] ?? "";
        const first = kept[0];
        if (kept.some((k) => (map.headers[k] ?? "").toLowerCase() === name.toLowerCase())) {
          this.warnOnce(
            `same:${name}`,
            at(col),
            `the column name "${name}" appears more than once; only the first was used`,
          );
        } else if (first !== undefined && SINGLE_ROLES.has(role)) {
          this.warnOnce(
            `also:${name}`,
            at(col),
            `this column also looks like the ${ROLE_NAMES[role] ?? role}; only "${map.headers[first] ?? ""}" was used`,
          );
        } else {
          kept.push(col);
        }
      }
      map.roles.set(role, kept);
    }
    map.headers.forEach((name, col) => {
      if (name === "" || known.has(col) || map.spanned[col]) return;
      this.warnOnce(
        `unknown:${name}`,
        at(col),
        "this column name is not one Assure recognises; its contents were not imported",
      );
    });
    if (!map.roles.has("status") && !map.roles.has("completed")) {
      this.warnOnce("no-status", table.where, "no RAG, status or completed column; statuses are unknown");
    }
  }

  private warnOnce(key: string, where: string, message: string): void {
    if (this.warnedColumns.has(key)) return;
    this.warnedColumns.add(key);
    this.warn({ where, message });
  }

  private rows(table: RawTable, from: number, map: ColumnMap): void {
    const ctx: RowContext = { map, tableWhere: table.where };
    const bySection = map.roles.has("section")
      ? "section"
      : this.doc.format !== "docx"
        ? "organisation"
        : null;
    /** The last cell that began in each column: what a cell merged down from above repeats. */
    let above: (RawCell | undefined)[] = [];
    for (let i = from; i < table.rows.length; i++) {
      const row = table.rows[i] as RawRow;
      if (isBlankRow(row)) continue;
      if (isRepeatedHeader(row, map)) {
        above = [];
        continue;
      }
      if (isSubHeadingRow(row, map)) {
        const text = (soleCell(row)?.cell.text ?? "").trim();
        if (isNoteLine(text)) this.notes.push(text);
        else {
          this.subHeading = text;
          this.columnSection = null;
          this.lastDraft = null;
        }
        above = [];
        continue;
      }
      if (row.cells.length > map.named && row.cells.slice(map.named).some(hasText)) {
        this.warn({
          where: `${table.where}, row ${row.number}`,
          message: "the row has more cells than the header; the text beyond the last column was not imported",
        });
      }
      const filled = fillMergedFromAbove(row, map, above);
      above = rememberOrigins(row, above);
      if (bySection) {
        const value = firstText(filled, map, bySection).trim();
        if (value !== "") this.columnSection = value;
      }
      const section = this.columnSection ?? this.subHeading ?? this.context;
      this.row(row, filled, ctx, section);
    }
  }

  /**
   * `row` as read decides whether it continues the action above (its merged cells say so); `filled`,
   * with cells merged down from above repeated, is what a new action is made of.
   */
  private row(row: RawRow, filled: RawRow, ctx: RowContext, section: string | null): void {
    const { map } = ctx;
    const where = `${ctx.tableWhere}, row ${row.number}`;
    const ref = refOf(row, map);
    const previous = this.lastDraft && this.lastDraft.section === section ? this.lastDraft : null;

    if (previous && this.continues(row, map, ref)) {
      absorbRow(previous, row, ctx);
      return;
    }
    if (firstText(filled, map, "finding") === "" && firstText(filled, map, "action") === "") {
      this.warn({ where, message: "the row has text but no action or finding; it was skipped" });
      return;
    }
    const ownRef = refOf(filled, map);
    if (ownRef && ownRef.text === "") {
      this.warn({ where, message: "the action has no ref; it was imported without one" });
    }
    const draft = newDraft(section, where, ownRef?.text ?? "", ownRef !== null);
    absorbRow(draft, filled, ctx);
    this.drafts.push(draft);
    this.lastDraft = draft;
  }

  /**
   * A row continues the action above when its ref cell is merged into the one above, or empty on a
   * row that does not carry an action's own details; without a ref column, when it has no finding
   * and no action of its own.
   */
  private continues(row: RawRow, map: ColumnMap, ref: { text: string; merged: boolean } | null): boolean {
    if (ref) {
      if (ref.merged) return true;
      if (ref.text !== "") return false;
      let identity = 0;
      for (const role of ["finding", "action", "lead", "due"] as const) {
        if (firstText(row, map, role) !== "") identity++;
      }
      const ragCol = map.roles.get("status")?.[0];
      const rag = ragCol === undefined ? undefined : row.cells[ragCol];
      if (rag && !rag.merged && (rag.text !== "" || rag.fill)) identity++;
      return identity < 2 || firstText(row, map, "action") === "";
    }
    return firstText(row, map, "finding") === "" && firstText(row, map, "action") === "";
  }

  private finish(): ParsedPlan {
    const doc = this.doc;
    const title =
      usableTitle(doc.propertiesTitle) ??
      usableTitle(this.titleParagraph) ??
      usableTitle(this.titleRow) ??
      this.firstUnusedHeading() ??
      null;
    const planTitle = title ?? fileNameTitle(doc.fileName);
    const fallbackSection = title ?? "Plan";

    const texts = [...doc.marginalia, ...this.notes];
    const asOf = firstOf(texts, findAsOfDate);
    const version = firstOf([...doc.marginalia, ...this.notes, planTitle], findVersion);
    const sourceKind = detectSourceKind(planTitle, this.intro);

    const ragKey = this.chooseKey(texts);
    const statuses = new StatusReader(ragKey, this.warn, (t) => this.dates.parse(t).precision === "day");
    const owners = new OwnerResolver(this.opts.directory, this.warn);

    const sections = new Map<string, ParsedSection & { owners: string[] }>();
    const refs = new Map<string, Map<string, string>>();
    const actions: ParsedAction[] = [];
    for (const d of this.drafts) {
      const sectionName = d.section ?? fallbackSection;
      let section = sections.get(sectionName);
      if (!section) {
        // A title standing in for a missing heading may name an agency, but is never one itself.
        const found = d.section === null ? owners.resolve(sectionName) : owners.section(sectionName, d.where);
        section = { name: sectionName, organisation: found[0] ?? null, owners: found };
        sections.set(sectionName, section);
      }
      actions.push(this.action(d, sectionName, section.owners, owners, statuses));
      this.checkDuplicate(refs, sectionName, d);
    }
    // A header with nothing under it is not a plan: imported over an earlier version of the same plan
    // it would mark every action withdrawn.
    if (actions.length === 0) throw new ImportError(doc.fileName, NO_ACTIONS);

    return {
      plan: {
        title: planTitle,
        asOf,
        version,
        ragKey,
        source: sourceKind ? { kind: sourceKind, title: planTitle } : null,
      },
      sections: [...sections.values()].map(({ name, organisation }) => ({ name, organisation })),
      actions,
      warnings: [...doc.warnings, ...this.warnings],
    };
  }

  /** A heading that names no section is the document's own title. */
  private firstUnusedHeading(): string | null {
    const used = new Set(this.drafts.map((d) => d.section));
    return this.headings.find((h) => !used.has(h)) ?? null;
  }

  private chooseKey(texts: readonly string[]): RagKeyEntry[] {
    if (this.tableKey) return this.tableKey.entries;
    const sentence = keyFromTexts(texts);
    if (sentence) return sentence.entries;
    this.warn({ where: this.doc.fileName, message: "no RAG key found; default colours and words used" });
    return DEFAULT_KEY;
  }

  private action(
    d: Draft,
    section: string,
    sectionOwners: readonly string[],
    owners: OwnerResolver,
    statuses: StatusReader,
  ): ParsedAction {
    const leadWritten = d.texts.lead.join("\n");
    const progress = d.texts.progress.join("\n");
    const organisations = owners.action(d.texts.organisation.join("\n"), leadWritten, sectionOwners, d.where);
    const { status, statusText } = statuses.decide({ rag: d.rag, words: d.words });

    let due: string | null = null;
    let dueText = "";
    if (d.due) {
      dueText = d.due.cell.text;
      const read = this.dates.cell(d.due.cell);
      due = read.date;
      if (read.problem)
        this.warn({ where: d.due.where, message: `could not read the timescale: ${read.problem}` });
    }

    let lastUpdate: string | null = null;
    for (const u of d.lastUpdates) {
      const read = this.dates.cell(u.cell);
      if (read.problem)
        this.warn({ where: u.where, message: `could not read the date of last update: ${read.problem}` });
      if (read.date && (lastUpdate === null || read.date > lastUpdate)) lastUpdate = read.date;
    }
    lastUpdate ??= this.dates.latestLineDate(progress);

    return {
      section,
      organisation: organisations[0] ?? null,
      organisations,
      ref: d.ref,
      finding: d.texts.finding.join("\n"),
      action: d.texts.action.join("\n"),
      lead: leadWritten.replace(/\s+/g, " ").trim(),
      due,
      dueText,
      status,
      statusText,
      progress,
      evidenceOfImpact: d.texts.impact.join("\n"),
      lastUpdate,
      where: d.where,
    };
  }

  private checkDuplicate(refs: Map<string, Map<string, string>>, section: string, d: Draft): void {
    if (d.ref === "") return;
    let seen = refs.get(section);
    if (!seen) {
      seen = new Map();
      refs.set(section, seen);
    }
    const first = seen.get(d.ref);
    if (first) {
      this.warn({
        where: d.where,
        message: `ref "${d.ref}" appears more than once in section "${section}" (first at ${first})`,
      });
    } else seen.set(d.ref, d.where);
  }
}

/** Version lines, "Updated:" lines and key sentences are notes about the plan, never section names. */
function isNoteLine(text: string): boolean {
  return findAsOfDate(text) !== null || findVersion(text) !== null || keyFromTexts([text]) !== null;
}

function firstOf<T>(texts: readonly string[], read: (text: string) => T | null): T | null {
  for (const text of texts) {
    const found = read(text);
    if (found !== null) return found;
  }
  return null;
}

/**
 * A copy of the row in which cells merged down from above carry the text and fill of the cell the
 * merge began in. A merge under a header that itself spans columns runs sideways and is left alone.
 */
function fillMergedFromAbove(row: RawRow, map: ColumnMap, above: readonly (RawCell | undefined)[]): RawRow {
  let cells: RawCell[] | null = null;
  for (let col = 0; col < row.cells.length && col < map.width; col++) {
    const cell = row.cells[col];
    const origin = above[col];
    if (!cell?.merged || map.spanned[col] || !origin) continue;
    cells ??= [...row.cells];
    cells[col] = { ...origin, merged: false };
  }
  return cells ? { ...row, cells } : row;
}

function rememberOrigins(row: RawRow, above: (RawCell | undefined)[]): (RawCell | undefined)[] {
  for (let col = 0; col < row.cells.length; col++) {
    const cell = row.cells[col];
    if (cell && !cell.merged) above[col] = cell;
  }
  return above;
}
