import { type Attrs, attr, isOn, Ns, streamXml } from "./xml-stream.js";

export interface ResolvedStyle {
  /** The style's display name ("heading 1"), else its id. */
  name: string;
  /** 1..9 for headings, 0 for Title, null for body text. */
  headingLevel: number | null;
  /** Whether the style (or one it is based on) attaches list numbering. */
  numbered: boolean;
  pageBreakBefore: boolean;
}

interface StyleDef {
  id: string;
  name: string | null;
  basedOn: string | null;
  numId: string | null;
  outlineLvl: number | null;
  pageBreakBefore: boolean | null;
}

export interface StyleSheet {
  /** Resolves a paragraph style id; null means the document's default paragraph style. */
  resolve(id: string | null): ResolvedStyle | null;
}

/** Levels from a style's name: Word's built-in names are English whatever the UI language. */
export function headingLevelFromName(name: string): number | null {
  const n = name.trim().toLowerCase();
  if (n === "title") return 0;
  const m = /^heading\s*([1-9])$/.exec(n);
  return m ? Number(m[1]) : null;
}

/** Outline levels 0..8 are headings 1..9; 9 means body text. */
export function headingLevelFromOutline(lvl: number): number | null {
  return lvl >= 0 && lvl <= 8 ? lvl + 1 : null;
}

const SKIP = new Set(["pPrChange", "rPrChange", "tblPr", "trPr", "tcPr", "tblStylePr", "rPr"]);

export function parseStyles(bytes: Uint8Array | undefined, fileName: string, part: string): StyleSheet {
  const defs = new Map<string, StyleDef>();
  let defaultId: string | null = null;
  if (bytes) {
    let current: StyleDef | null = null;
    let skip = 0;
    const path: string[] = [];
    streamXml(bytes, fileName, part, {
      open(ns, local, attrs: Attrs) {
        if (skip > 0 || (ns === Ns.W && SKIP.has(local))) {
          skip++;
          return;
        }
        const parent = path[path.length - 1];
        path.push(ns === Ns.W ? local : "");
        if (ns !== Ns.W) return;
        if (local === "style") {
          const type = attr(attrs, "type") ?? "paragraph";
          const id = attr(attrs, "styleId");
          current = type === "paragraph" && id !== undefined ? newDef(id) : null;
          if (current && isDefault(attrs)) defaultId = current.id;
          return;
        }
        if (!current) return;
        if (parent === "style") {
          if (local === "name") current.name = attr(attrs, "val") ?? null;
          else if (local === "basedOn") current.basedOn = attr(attrs, "val") ?? null;
        } else if (parent === "pPr") {
          if (local === "outlineLvl") current.outlineLvl = toInt(attr(attrs, "val"));
          else if (local === "pageBreakBefore") current.pageBreakBefore = isOn(attrs);
        } else if (parent === "numPr" && local === "numId") {
          current.numId = attr(attrs, "val") ?? null;
        }
      },
      close(ns, local) {
        if (skip > 0) {
          skip--;
          return;
        }
        path.pop();
        if (ns === Ns.W && local === "style" && current) {
          defs.set(current.id, current);
          current = null;
        }
      },
      text() {},
    });
  }
  const memo = new Map<string, ResolvedStyle | null>();
  const resolve = (id: string | null): ResolvedStyle | null => {
    const key = id ?? defaultId;
    if (key === null) return null;
    let hit = memo.get(key);
    if (hit === undefined) {
      hit = resolveChain(defs, key);
      memo.set(key, hit);
    }
    return hit;
  };
  return { resolve };
}

function resolveChain(defs: Map<string, StyleDef>, id: string): ResolvedStyle {
  const own = defs.get(id);
  const out: ResolvedStyle = {
    name: own?.name ?? id,
    headingLevel: null,
    numbered: false,
    pageBreakBefore: false,
  };
  if (!own) {
    // No styles part, or a style id it does not define: the id itself is the best clue.
    out.headingLevel = headingLevelFromName(id);
    return out;
  }
  let level: number | null | undefined;
  let numbered: boolean | undefined;
  let pageBreak: boolean | undefined;
  const seen = new Set<string>();
  for (let def: StyleDef | undefined = own; def && !seen.has(def.id); def = defs.get(def.basedOn ?? "")) {
    seen.add(def.id);
    if (level === undefined) {
      const byName = def.name === null ? null : headingLevelFromName(def.name);
      if (byName !== null) level = byName;
      else if (def.outlineLvl !== null) level = headingLevelFromOutline(def.outlineLvl);
    }
    if (numbered === undefined && def.numId !== null) numbered = def.numId !== "0";
    if (pageBreak === undefined && def.pageBreakBefore !== null) pageBreak = def.pageBreakBefore;
    if (def.basedOn === null) break;
  }
  out.headingLevel = level ?? null;
  out.numbered = numbered ?? false;
  out.pageBreakBefore = pageBreak ?? false;
  return out;
}

function newDef(id: string): StyleDef {
  return { id, name: null, basedOn: null, numId: null, outlineLvl: null, pageBreakBefore: null };
}

function isDefault(attrs: Attrs): boolean {
  const v = attr(attrs, "default");
  return v === "1" || v === "true" || v === "on";
}

export function toInt(v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
}
