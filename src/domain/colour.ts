/**
 * Colours as Word and Excel store them, and how close two of them look.
 * Hex strings everywhere are six upper-case digits without '#', e.g. "FFC000".
 */

/**
 * "#ff0000", "FF0000", "FFFF0000" (Excel ARGB: the alpha byte is dropped), "f00" → "FF0000".
 * Null for "auto" (Word's automatic colour), empty or anything else.
 */
export function normaliseHex(input: string): string | null {
  const s = input.trim().replace(/^#|^0x/i, "");
  if (!/^[0-9a-f]+$/i.test(s)) return null;
  if (s.length === 6) return s.toUpperCase();
  if (s.length === 8) return s.slice(2).toUpperCase();
  if (s.length === 3) {
    return s
      .split("")
      .map((c) => c + c)
      .join("")
      .toUpperCase();
  }
  return null;
}

type Rgb = [number, number, number];

function toRgb(hex: string): Rgb {
  const h = normaliseHex(hex);
  if (h === null) throw new RangeError(`not a colour: ${JSON.stringify(hex)}`);
  return [
    Number.parseInt(h.slice(0, 2), 16),
    Number.parseInt(h.slice(2, 4), 16),
    Number.parseInt(h.slice(4, 6), 16),
  ];
}

function fromRgb([r, g, b]: Rgb): string {
  return [r, g, b]
    .map((v) =>
      Math.max(0, Math.min(255, Math.round(v)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")
    .toUpperCase();
}

/** Hue in degrees [0, 360), saturation and lightness in [0, 1]. */
function rgbToHsl([r8, g8, b8]: Rgb): [number, number, number] {
  const r = r8 / 255;
  const g = g8 / 255;
  const b = b8 / 255;
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
  h *= 60;
  if (h < 0) h += 360;
  return [h, s, l];
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  let rgb: [number, number, number];
  if (h < 60) rgb = [c, x, 0];
  else if (h < 120) rgb = [x, c, 0];
  else if (h < 180) rgb = [0, c, x];
  else if (h < 240) rgb = [0, x, c];
  else if (h < 300) rgb = [x, 0, c];
  else rgb = [c, 0, x];
  return [(rgb[0] + m) * 255, (rgb[1] + m) * 255, (rgb[2] + m) * 255];
}

/**
 * Office theme tint (Excel `tint`, Word `w:themeTint`/`w:themeShade` converted to a signed tint):
 * negative darkens towards black, positive lightens towards white, applied to HSL lightness.
 * Tints outside [-1, 1] are clamped; an unreadable hex is returned as given.
 */
export function applyTint(hex: string, tint: number): string {
  const h = normaliseHex(hex);
  if (h === null) return hex;
  if (!Number.isFinite(tint) || tint === 0) return h;
  const t = Math.max(-1, Math.min(1, tint));
  const [hue, s, l] = rgbToHsl(toRgb(h));
  const l2 = t < 0 ? l * (1 + t) : l * (1 - t) + t;
  return fromRgb(hslToRgb(hue, s, Math.max(0, Math.min(1, l2))));
}

/** CIE L*a*b* (D65) of a hex colour. */
export function hexToLab(hex: string): [number, number, number] {
  return rgbToLab(toRgb(hex));
}

function rgbToLab(rgb: Rgb): [number, number, number] {
  const lin = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  const [r, g, b] = lin;
  // sRGB → XYZ (D65), normalised by the D65 white point.
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const fx = f(x);
  const fy = f(y);
  const fz = f(z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const RAD = Math.PI / 180;

/** CIEDE2000 (Sharma, Wu & Dalal 2005) between two Lab colours, kL = kC = kH = 1. */
export function ciede2000(lab1: [number, number, number], lab2: [number, number, number]): number {
  const [L1, a1, b1] = lab1;
  const [L2, a2, b2] = lab2;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cbar = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cbar ** 7 / (Cbar ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hp = (b: number, a: number) => {
    if (b === 0 && a === 0) return 0;
    const h = Math.atan2(b, a) / RAD;
    return h < 0 ? h + 360 : h;
  };
  const h1p = hp(b1, a1p);
  const h2p = hp(b2, a2p);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * RAD);
  const Lbarp = (L1 + L2) / 2;
  const Cbarp = (C1p + C2p) / 2;
  let hbarp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hbarp = (h1p + h2p) / 2;
    else if (h1p + h2p < 360) hbarp = (h1p + h2p + 360) / 2;
    else hbarp = (h1p + h2p - 360) / 2;
  }
  const T =
    1 -
    0.17 * Math.cos((hbarp - 30) * RAD) +
    0.24 * Math.cos(2 * hbarp * RAD) +
    0.32 * Math.cos((3 * hbarp + 6) * RAD) -
    0.2 * Math.cos((4 * hbarp - 63) * RAD);
  const dTheta = 30 * Math.exp(-(((hbarp - 275) / 25) ** 2));
  const Rc = 2 * Math.sqrt(Cbarp ** 7 / (Cbarp ** 7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lbarp - 50) ** 2) / Math.sqrt(20 + (Lbarp - 50) ** 2);
  const Sc = 1 + 0.045 * Cbarp;
  const Sh = 1 + 0.015 * Cbarp * T;
  const Rt = -Math.sin(2 * dTheta * RAD) * Rc;
  return Math.sqrt((dLp / Sl) ** 2 + (dCp / Sc) ** 2 + (dHp / Sh) ** 2 + Rt * (dCp / Sc) * (dHp / Sh));
}

/** CIEDE2000 colour difference (sRGB, D65). Throws RangeError for an unreadable colour. */
export function colourDistance(a: string, b: string): number {
  return ciede2000(rgbToLab(toRgb(a)), rgbToLab(toRgb(b)));
}

/** The closest candidate by CIEDE2000; unreadable candidates are skipped. Null if none can be compared. */
export function nearest(
  hex: string,
  candidates: readonly string[],
): { index: number; distance: number } | null {
  if (normaliseHex(hex) === null) return null;
  let best: { index: number; distance: number } | null = null;
  candidates.forEach((c, index) => {
    if (normaliseHex(c) === null) return;
    const distance = colourDistance(hex, c);
    if (best === null || distance < best.distance) best = { index, distance };
  });
  return best;
}

export type ColourFamily =
  | "red"
  | "amber"
  | "yellow"
  | "green"
  | "blue"
  | "purple"
  | "grey"
  | "white"
  | "black"
  | "other";

/**
 * The colour name a person would give it. Pale tints keep their hue's family (Excel's light red
 * "bad" fill FFC7CE is red, light green C6EFCE is green) because plans use them as RAG colours;
 * dark muddy oranges (browns) are "other".
 */
export function colourFamily(hex: string): ColourFamily {
  const h = normaliseHex(hex);
  if (h === null) return "other";
  const rgb = toRgb(h);
  const chroma = (Math.max(...rgb) - Math.min(...rgb)) / 255;
  const [hue, , l] = rgbToHsl(rgb);
  if (chroma < 0.08 || (l > 0.96 && chroma < 0.12)) {
    if (l >= 0.94) return "white";
    if (l <= 0.13) return "black";
    return "grey";
  }
  if (l <= 0.08) return "black";
  if (hue >= 345 || hue < 15) return "red";
  if (hue < 50) return l < 0.3 ? "other" : "amber";
  if (hue < 68) return l < 0.3 ? "other" : "yellow";
  if (hue < 165) return "green";
  if (hue < 255) return "blue";
  if (hue < 345) return "purple";
  return "other";
}

/**
 * CIEDE2000 distance under which a colour counts as a shade of a key colour of another family.
 * Pairs that must match (measured): FF0000~C00000 13.5, 00B050~92D050 15.2, FFC000~FFFF00 19.4
 * (yellow is used for amber in practice), 0070C0~00B0F0 22.4. Pairs that must not: 7030A0~0070C0
 * 29.1 (purple/blue), FFC000~92D050 29.3 (amber/light green), FF0000~FFC000 43.5, 00B050~0070C0 53.0.
 * 26 sits in the gap. Grey, white and black never match by distance alone: see rag-key.ts.
 */
export const NEAR_THRESHOLD: number = 26;
