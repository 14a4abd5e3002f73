import type { RagKeyEntry } from "../../domain/plan.js";
import { keyFromRows, parseKeySentence } from "../../domain/rag-key.js";
import type { RawRow } from "../raw.js";

/** A RAG key found in a document, and where, so that a plan's own key always beats a sentence. */
export interface FoundKey {
  entries: RagKeyEntry[];
  where: string;
  from: "table" | "sentence";
}

const KEY_SHEET = /\b(?:key|keys|legend|rag|brag|ratings?)\b/i;

/** Sheet names such as "Key", "RAG key", "Legend", "RAG ratings". */
export function isKeySheetName(name: string): boolean {
  return KEY_SHEET.test(name);
}

export function keyFromTableRows(rows: readonly RawRow[]): RagKeyEntry[] | null {
  if (rows.length < 2) return null;
  const key = keyFromRows(
    rows.map((r) => ({ texts: r.cells.map((c) => c.text), fills: r.cells.map((c) => c.fill) })),
  );
  return key && key.length > 0 ? key : null;
}

const COLOUR_WORD = /\b(?:red|amber|green|blue|grey|gray|black|white|purple|yellow|orange)\b/i;
const KEY_INTRO = /\b(?:key|rag|brag|rating|ratings|legend)\b/i;
/** A key written as a list: "RAG key:" then one paragraph per colour. */
const LIST_WINDOW = 8;

/**
 * The first key sentence among texts in reading order. A key introduced on one line and listed on
 * the following lines is read as one sentence.
 */
export function keyFromTexts(texts: readonly string[]): { entries: RagKeyEntry[]; index: number } | null {
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? "";
    if (COLOUR_WORD.test(text)) {
      const key = parseKeySentence(text);
      if (key && key.length > 0) return { entries: key, index: i };
    }
    if (KEY_INTRO.test(text) && text.length < 400) {
      const following: string[] = [];
      for (const t of texts.slice(i + 1, i + 1 + LIST_WINDOW)) {
        if (!COLOUR_WORD.test(t)) break;
        following.push(t.trim().replace(/[;,.]+$/, ""));
      }
      if (following.length < 2) continue;
      const key = parseKeySentence(`${text.trim().replace(/[:;,.\s]+$/, "")}: ${following.join("; ")}`);
      if (key && key.length > 1) return { entries: key, index: i };
    }
  }
  return null;
}
