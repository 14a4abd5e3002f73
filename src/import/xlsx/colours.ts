/**
 * Colour resolution for SpreadsheetML: explicit ARGB, theme colours with tints, and the legacy
 * indexed palette, all to six-digit upper-case hex.
 */

/** A CT_Color as ExcelJS exposes it (its own type omits tint and indexed). */
export interface XlsxColour {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
  auto?: boolean;
}

/**
 * The default indexed palette (ECMA-376 Part 1, 18.8.27). 64 is the system foreground and 65 the
 * system background colour.
 */
// biome-ignore format: eight colours a line, as the standard prints them
export const DEFAULT_INDEXED_PALETTE: readonly string[] = [
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
  "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
  "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
  "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
  "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
  "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
  "000000", "FFFFFF",
];

/** Theme colours in SpreadsheetML index order (lt1, dk1, lt2, dk2, accent1..6, hlink, folHlink). */
export type ThemeColours = readonly string[];

/** The Office 2013–2022 default theme, used when a workbook carries no theme part. */
// biome-ignore format: grouped as lt/dk pairs, accents, links
export const OFFICE_THEME: ThemeColours = [
  "FFFFFF", "000000", "E7E6E6", "44546A",
  "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47",
  "0563C1", "954F72",
];

// biome-ignore format: grouped as in the XML
const SCHEME_XML_ORDER = [
  "dk1", "lt1", "dk2", "lt2",
  "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
  "hlink", "folHlink",
];

/**
 * Reads the colour scheme of a theme part (xl/theme/theme1.xml). Returns null when it has none.
 * The XML lists dk1, lt1, dk2, lt2 but cell styles index them as lt1, dk1, lt2, dk2, so the first
 * two pairs are swapped here.
 */
export function parseThemeColours(xml: string): ThemeColours | null {
  const scheme = /<(?:\w+:)?clrScheme\b[\s\S]*?<\/(?:\w+:)?clrScheme>/.exec(xml)?.[0];
  if (!scheme) return null;
  const byName = new Map<string, string>();
  for (const name of SCHEME_XML_ORDER) {
    const body = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(scheme)?.[1];
    const hex = body ? colourOfSchemeEntry(body) : null;
    if (hex) byName.set(name, hex);
  }
  if (byName.size === 0) return null;
  const inXmlOrder = SCHEME_XML_ORDER.map(
    (name, i) => byName.get(name) ?? OFFICE_THEME[themeIndexOf(i)] ?? "000000",
  );
  const [dk1, lt1, dk2, lt2, ...rest] = inXmlOrder;
  return [lt1, dk1, lt2, dk2, ...rest].map((c) => c ?? "000000");
}

function themeIndexOf(xmlIndex: number): number {
  return xmlIndex < 4 ? xmlIndex ^ 1 : xmlIndex;
}

function colourOfSchemeEntry(body: string): string | null {
  const srgb = /<(?:\w+:)?srgbClr\b[^>]*\bval="([0-9A-Fa-f]{6})"/.exec(body)?.[1];
  if (srgb) return srgb.toUpperCase();
  // System colours (windowText, window) carry their last resolved value.
  const sys = /<(?:\w+:)?sysClr\b[^>]*\blastClr="([0-9A-Fa-f]{6})"/.exec(body)?.[1];
  if (sys) return sys.toUpperCase();
  const sysName = /<(?:\w+:)?sysClr\b[^>]*\bval="(\w+)"/.exec(body)?.[1];
  if (sysName === "windowText") return "000000";
  if (sysName === "window") return "FFFFFF";
  return null;
}

/** Reads a custom indexed palette from xl/styles.xml (<colors><indexedColors>), or null. */
export function parseIndexedPalette(stylesXml: string): string[] | null {
  const block = /<(?:\w+:)?indexedColors\b[^>]*>([\s\S]*?)<\/(?:\w+:)?indexedColors>/.exec(stylesXml)?.[1];
  if (!block) return null;
  const colours = [...block.matchAll(/<(?:\w+:)?rgbColor\b[^>]*\brgb="([0-9A-Fa-f]{6,8})"/g)].map((m) =>
    (m[1] ?? "").slice(-6).toUpperCase(),
  );
  return colours.length > 0 ? colours : null;
}

/**
 * Applies an Office tint: the colour's HSL luminance moves towards black (tint < 0) or white
 * (tint > 0) by the given fraction (ECMA-376 Part 1, 18.3.1.15).
 */
export function applyTint(hex: string, tint: number): string {
  if (!tint) return hex;
  const [h, s, l] = rgbToHsl(hex);
  const lum = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  return hslToRgb(h, s, Math.min(1, Math.max(0, lum)));
}

function rgbToHsl(hex: string): [number, number, number] {
  const r = Number.parseInt(hex.slice(0, 2), 16) / 255;
  const g = Number.parseInt(hex.slice(2, 4), 16) / 255;
  const b = Number.parseInt(hex.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return [h / 6, s, l];
}

function hslToRgb(h: number, s: number, l: number): string {
  let r = l;
  let g = l;
  let b = l;
  if (s !== 0) {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    r = hueToChannel(p, q, h + 1 / 3);
    g = hueToChannel(p, q, h);
    b = hueToChannel(p, q, h - 1 / 3);
  }
  return [r, g, b]
    .map((v) =>
      Math.round(v * 255)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")
    .toUpperCase();
}

function hueToChannel(p: number, q: number, t: number): number {
  let x = t;
  if (x < 0) x += 1;
  if (x > 1) x -= 1;
  if (x < 1 / 6) return p + (q - p) * 6 * x;
  if (x < 1 / 2) return q;
  if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6;
  return p;
}

/** Where theme and indexed colours come from; functions so that parts are read only when needed. */
export interface ColourSources {
  theme: () => ThemeColours;
  indexed: () => readonly string[];
}

/** Resolves a colour to hex, or null when it names no definite colour (auto, unknown index). */
export function resolveColour(colour: XlsxColour | undefined, sources: ColourSources): string | null {
  if (!colour || colour.auto) return null;
  let hex: string | null = null;
  if (typeof colour.argb === "string" && /^[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?$/.test(colour.argb)) {
    // The alpha byte is ignored by Excel, and some writers put 00 there.
    hex = colour.argb.slice(-6).toUpperCase();
  } else if (typeof colour.theme === "number") {
    hex = sources.theme()[colour.theme] ?? null;
  } else if (typeof colour.indexed === "number") {
    hex = sources.indexed()[colour.indexed] ?? DEFAULT_INDEXED_PALETTE[colour.indexed] ?? null;
  }
  if (hex && typeof colour.tint === "number") hex = applyTint(hex, colour.tint);
  return hex;
}
