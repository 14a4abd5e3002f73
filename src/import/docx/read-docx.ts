import { ImportError, type ReadLimits } from "../errors.js";
import type { RawDocument } from "../raw.js";
import { readZipEntries } from "../zip.js";
import { type PartContext, readBody, readMarginal } from "./body-parser.js";
import { folderOf, parseCoreTitle, parseRels, relTarget } from "./package-parts.js";
import { parseStyles } from "./styles.js";
import { parseTheme } from "./theme.js";

/** Only the parts the reader uses are inflated; images and embedded files never are. */
const WANTED = /(^|\/)(document\d*|styles|theme\d*|header\d*|footer\d*|core)\.xml$|\.rels$/;

const NOT_WORD = "is not a Word document (no word/document.xml)";

/**
 * Reads a .docx into the format-neutral RawDocument: body paragraphs and tables in reading order,
 * header and footer text, and the title from the document properties. It knows Word, not plans.
 */
export function readDocx(buf: Uint8Array, fileName: string, limits: ReadLimits): RawDocument {
  const parts = readZipEntries(buf, fileName, limits, (name) => WANTED.test(name));

  const rootRels = parseRels(parts.get("_rels/.rels"), fileName, "_rels/.rels", "");
  let main = relTarget(rootRels, "officeDocument");
  if (main === undefined || !parts.has(main)) main = "word/document.xml";
  const document = parts.get(main);
  if (!document) throw new ImportError(fileName, NOT_WORD);

  const folder = folderOf(main);
  const relsPath = `${folder}_rels/${main.slice(folder.length)}.rels`;
  const rels = parseRels(parts.get(relsPath), fileName, relsPath, folder);
  const stylesPath = relTarget(rels, "styles") ?? `${folder}styles.xml`;
  const themePath = relTarget(rels, "theme") ?? `${folder}theme/theme1.xml`;
  const ctx: PartContext = {
    fileName,
    limits,
    styles: parseStyles(parts.get(stylesPath), fileName, stylesPath),
    theme: parseTheme(parts.get(themePath), fileName, themePath),
  };

  const body = readBody(document, main, ctx);
  if (!body.isWordDocument) throw new ImportError(fileName, NOT_WORD);

  const marginalia: string[] = [];
  for (const name of marginalParts(parts.keys(), folder)) {
    const text = readMarginal(parts.get(name) as Uint8Array, name, ctx);
    if (text !== "") marginalia.push(text);
  }

  const corePath = relTarget(rootRels, "core-properties") ?? "docProps/core.xml";
  return {
    fileName,
    format: "docx",
    blocks: body.blocks,
    marginalia,
    propertiesTitle: parseCoreTitle(parts.get(corePath), fileName, corePath),
    warnings: body.warnings,
  };
}

/** header1.xml, header2.xml, …, then footer1.xml, …, in number order. */
function marginalParts(names: Iterable<string>, folder: string): string[] {
  const found: { name: string; kind: number; n: number }[] = [];
  for (const name of names) {
    if (!name.startsWith(folder)) continue;
    const m = /^(header|footer)(\d*)\.xml$/.exec(name.slice(folder.length));
    if (m) found.push({ name, kind: m[1] === "header" ? 0 : 1, n: Number(m[2] || 0) });
  }
  found.sort((a, b) => a.kind - b.kind || a.n - b.n);
  return found.map((f) => f.name);
}
