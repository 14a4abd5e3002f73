import { type Attrs, attr } from "./xml-stream.js";

/** Theme colour slots by scheme element name (dk1, lt1, accent1, …) as six-digit hex. */
export type ThemeColours = ReadonlyMap<string, string>;

/** Word's theme colour names mapped to clrScheme slots (the default clrSchemeMapping). */
const THEME_SLOTS: Record<string, string> = {
  dark1: "dk1",
  light1: "lt1",
  dark2: "dk2",
  light2: "lt2",
  text1: "dk1",
  background1: "lt1",
  text2: "dk2",
  background2: "lt2",
  accent1: "accent1",
  accent2: "accent2",
  accent3: "accent3",
  accent4: "accent4",
  accent5: "accent5",
  accent6: "accent6",
  hyperlink: "hlink",
  followedHyperlink: "folHlink",
};

/** The 16 fixed w:highlight colours. */
const HIGHLIGHTS: Record<string, string> = {
  black: "000000",
  blue: "0000FF",
  cyan: "00FFFF",
  green: "00FF00",
  magenta: "FF00FF",
  red: "FF0000",
  yellow: "FFFF00",
  white: "FFFFFF",
  darkBlue: "000080",
  darkCyan: "008080",
  darkGreen: "008000",
  darkMagenta: "800080",
  darkRed: "800000",
  darkYellow: "808000",
  darkGray: "808080",
  lightGray: "C0C0C0",
};

/** Six-digit upper-case hex from an OOXML colour value, or null for "auto" and anything unreadable. */
export function hexColour(value: string | undefined): string | null {
  if (value === undefined) return null;
  const v = value.startsWith("#") ? value.slice(1) : value;
  return /^[0-9a-fA-F]{6}$/.test(v) ? v.toUpperCase() : null;
}

/** White is how most documents say "no fill", so it never counts as a colour. */
export function notWhite(hex: string | null): string | null {
  return hex === "FFFFFF" ? null : hex;
}

export function highlightColour(value: string | undefined): string | null {
  return notWhite(value === undefined ? null : (HIGHLIGHTS[value] ?? null));
}

/** Resolves a theme colour name, then applies a tint or shade given as hex bytes ("99", "BF"). */
export function themeColour(
  theme: ThemeColours,
  name: string | undefined,
  tint: string | undefined,
  shade: string | undefined,
): string | null {
  if (name === undefined) return null;
  const base = theme.get(THEME_SLOTS[name] ?? name);
  if (base === undefined) return null;
  const t = byteFraction(tint);
  if (t !== null) return modulateLuminance(base, (l) => l * t + (1 - t));
  const s = byteFraction(shade);
  if (s !== null) return modulateLuminance(base, (l) => l * s);
  return base;
}

function byteFraction(value: string | undefined): number | null {
  if (value === undefined || !/^[0-9a-fA-F]{1,2}$/.test(value)) return null;
  return Number.parseInt(value, 16) / 255;
}

/**
 * Office applies theme tints and shades to the HSL luminance: tint t gives L·t + (1 − t), shade s
 * gives L·s (ECMA-376 §17.3.2.41). Office's own integer arithmetic is not documented; this lands
 * on its cached values or within one unit per channel.
 */
export function modulateLuminance(hex: string, f: (l: number) => number): string {
  const [h, s, l] = rgbToHsl(hex);
  return hslToHex(h, s, Math.min(1, Math.max(0, f(l))));
}

function rgbToHsl(hex: string): [number, number, number] {
  const r = Number.parseInt(hex.slice(0, 2), 16) / 255;
  const g = Number.parseInt(hex.slice(2, 4), 16) / 255;
  const b = Number.parseInt(hex.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return [0, 0, l];
  const s = d / (1 - Math.abs(2 * l - 1));
  let h: number;
  if (max === r) h = ((g - b) / d) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return [(h * 60 + 360) % 360, s, l];
}

function hslToHex(h: number, s: number, l: number): string {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const sector = Math.floor(h / 60);
  const [r, g, b] =
    sector === 0
      ? [c, x, 0]
      : sector === 1
        ? [x, c, 0]
        : sector === 2
          ? [0, c, x]
          : sector === 3
            ? [0, x, c]
            : sector === 4
              ? [x, 0, c]
              : [c, 0, x];
  return [r, g, b].map((v) => toByte(v + m)).join("");
}

/** Truncates like Office does: its cached hex for "Lighter 40%" of 4472C4 is 8EAADB, not 8FAADC. */
function toByte(v: number): string {
  return Math.floor(Math.min(1, Math.max(0, v)) * 255 + 1e-6)
    .toString(16)
    .padStart(2, "0")
    .toUpperCase();
}

function mix(fore: string, back: string, share: number): string {
  let out = "";
  for (let i = 0; i < 6; i += 2) {
    const f = Number.parseInt(fore.slice(i, i + 2), 16);
    const b = Number.parseInt(back.slice(i, i + 2), 16);
    out += Math.round(f * share + b * (1 - share))
      .toString(16)
      .padStart(2, "0")
      .toUpperCase();
  }
  return out;
}

/**
 * The colour a w:shd element shows. "clear" shows the fill; "solid" shows the pattern colour;
 * "pctN" mixes pattern colour over fill (auto pattern = black, auto fill = white, as Word draws
 * them). Theme colours win over the hex Word caches beside them. White is no colour.
 */
export function shadingColour(attrs: Attrs, theme: ThemeColours): string | null {
  const pattern = attr(attrs, "val") ?? "clear";
  if (pattern === "nil") return null;
  const fill =
    themeColour(
      theme,
      attr(attrs, "themeFill"),
      attr(attrs, "themeFillTint"),
      attr(attrs, "themeFillShade"),
    ) ?? hexColour(attr(attrs, "fill"));
  const colour =
    themeColour(theme, attr(attrs, "themeColor"), attr(attrs, "themeTint"), attr(attrs, "themeShade")) ??
    hexColour(attr(attrs, "color"));
  if (pattern === "clear") return notWhite(fill);
  if (pattern === "solid") return notWhite(colour ?? (fill === null ? "000000" : fill));
  const pct = /^pct(\d+)$/.exec(pattern);
  if (pct) return notWhite(mix(colour ?? "000000", fill ?? "FFFFFF", Number(pct[1]) / 100));
  return notWhite(fill ?? colour);
}
