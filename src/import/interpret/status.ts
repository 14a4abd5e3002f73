import { colourFamily } from "../../domain/colour.js";
import type { RagKeyEntry, Warning } from "../../domain/plan.js";
import { type ColourMatch, statusFromColour, statusFromMark, statusFromWords } from "../../domain/rag-key.js";
import { isClosed, type Status } from "../../domain/status.js";
import type { RawCell } from "../raw.js";

export interface StatusCell {
  cell: RawCell;
  where: string;
}

/**
 * "status": a further status column; "completed": a Completed column beside a RAG column, which can
 * close an action but not rate it; "completedOnly": a Completed column in a plan with no RAG column,
 * whose words are then the plan's only status.
 */
export type WordKind = "status" | "completed" | "completedOnly";

export interface StatusEvidence {
  /** The RAG/status cell: its fill and its words. */
  rag: StatusCell | null;
  /** Further status columns and "Completed" columns, in column order. */
  words: (StatusCell & { kind: WordKind })[];
}

export interface StatusResult {
  status: Status;
  statusText: string;
}

const YES = /^(?:y|yes|done|complete|completed|closed|[✓✔☑])\.?$/iu;
const NO = /^(?:n|no|not yet|open|ongoing|[✗✘])\.?$/iu;

/** What a "Completed" column cell says: a status, "not yet", or nothing readable. */
type CompletedSays = Status | "open" | null;

/** Reads statuses against one plan's key, remembering each fill and word it has already looked up. */
export class StatusReader {
  private readonly colours = new Map<string, ColourMatch>();
  private readonly marks = new Map<string, Status | null>();
  private readonly words = new Map<string, CompletedSays>();

  constructor(
    private readonly key: readonly RagKeyEntry[],
    private readonly warn: (w: Warning) => void,
    /** True when the text is a calendar date: a date in a "Completed" column says when it was done. */
    private readonly isDate: (text: string) => boolean,
  ) {}

  decide(ev: StatusEvidence): StatusResult {
    const parts: string[] = [];
    let status: Status | null = null;
    let unreadable: { where: string; message: string } | null = null;
    /** A fill far from every key colour has been reported already. */
    let farColour = false;

    if (ev.rag) {
      const { cell, where } = ev.rag;
      const read = cell.fill ? this.colour(cell.fill, where) : null;
      farColour = read === "far";
      const fromColour = read === "far" ? null : read;
      const text = cell.text.trim();
      const fromText = text ? this.mark(text) : null;
      if (text) parts.push(text);
      else if (fromColour?.label) parts.push(fromColour.label);
      if (fromColour && fromText && fromColour.status !== fromText && !refines(fromColour.status, fromText)) {
        this.warn({
          where,
          message: `the colour means "${fromColour.label}" but the cell says "${text}"; the words were used`,
        });
      }
      status = fromText ?? fromColour?.status ?? null;
      if (!status && text) {
        unreadable = {
          where,
          message: `"${text}" is not a colour, word or mark of the plan's key; status unknown`,
        };
      }
    }

    for (const w of ev.words) {
      const text = w.cell.text.trim();
      if (!text) continue;
      parts.push(text);
      const says = w.kind === "status" ? this.mark(text) : this.completedWord(text);
      const said = says === "open" ? null : says;
      if (status === null) {
        if (said && (w.kind !== "completed" || !isOpenProgress(said))) status = said;
        else if (!unreadable) {
          unreadable =
            said || says === "open"
              ? { where: w.where, message: `"${text}" does not give a RAG rating; status unknown` }
              : {
                  where: w.where,
                  message: `"${text}" is not a status the plan's key or usual words give; status unknown`,
                };
        }
        continue;
      }
      if (!said || said === status || refines(status, said)) {
        if (said && refines(status, said)) status = said;
        continue;
      }
      if (isClosed(said) && !isClosed(status)) {
        this.warn({
          where: w.where,
          message: `the RAG rating says ${status} but "${text}" says ${said}; ${said} used`,
        });
        status = said;
      } else if (isClosed(status) && !isClosed(said)) {
        this.warn({
          where: w.where,
          message: `"${text}" disagrees with the RAG rating (${status}); the RAG rating was used`,
        });
      }
    }

    if (status === null) {
      if (unreadable) this.warn(unreadable);
      else if (ev.rag && !farColour)
        this.warn({ where: ev.rag.where, message: "no RAG rating or status given; status unknown" });
      status = "unknown";
    }
    return { status, statusText: parts.join(" / ") };
  }

  private colour(fill: string, where: string): { status: Status; label: string } | "far" | null {
    let match = this.colours.get(fill);
    if (!match) {
      match = statusFromColour(fill, this.key);
      this.colours.set(fill, match);
    }
    if (match.near) return { status: match.status, label: match.entry?.label ?? "" };
    // Word tables often carry explicit white shading; it is the absence of a rating, not a rating.
    if (colourFamily(fill) === "white") return null;
    this.warn({ where, message: `colour ${fill} is not near any colour of the plan's key; status unknown` });
    return "far";
  }

  private mark(text: string): Status | null {
    if (this.marks.has(text)) return this.marks.get(text) ?? null;
    const s = statusFromMark(text, this.key) ?? statusFromWords(text);
    this.marks.set(text, s);
    return s;
  }

  /** A "Completed" column says yes, no, a date, or a status word. */
  private completedWord(text: string): CompletedSays {
    if (this.words.has(text)) return this.words.get(text) ?? null;
    let s: CompletedSays = statusFromMark(text, this.key) ?? statusFromWords(text);
    if (!s && YES.test(text)) s = "completed";
    else if (!s && NO.test(text)) s = "open";
    else if (!s && this.isDate(text)) s = "completed";
    this.words.set(text, s);
    return s;
  }
}

/** "Ev." on a completed colour adds evidence of impact; it does not contradict it. */
function refines(base: Status, more: Status): boolean {
  return base === "completed" && more === "completed-with-impact";
}

/** Words that say work is under way without saying whether it is on time. */
function isOpenProgress(s: Status): boolean {
  return s === "on-track" || s === "minor-risk" || s === "significant-risk";
}
