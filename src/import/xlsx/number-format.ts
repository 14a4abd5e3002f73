/**
 * Number display as Excel would show it, for the formats action plans use: General, fixed decimals,
 * thousands separators, percentages and currency/unit literals. Anything more exotic (fractions,
 * scientific, conditions) falls back to General, which never loses the value.
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const sections = splitSections(numFmt ?? "");
  // With a negative section the section writes its own sign (or brackets); otherwise Excel adds "-".
  let section = sections[0] ?? "";
  let ownSign = false;
  if (value < 0 && sections[1] !== undefined) {
    section = sections[1];
    ownSign = true;
  } else if (value === 0 && sections[2] !== undefined) {
    section = sections[2];
  }
  const pattern = parsePattern(section);
  if (pattern === null) return formatGeneral(value);
  if (typeof pattern === "string") return pattern;
  let n = Math.abs(value);
  if (pattern.percent) n *= 100;
  n /= 1000 ** pattern.scaleThousands;
  let [int = "", frac] = n.toFixed(pattern.maxDecimals).split(".");
  if (frac !== undefined) {
    while (frac.length > pattern.minDecimals && frac.endsWith("0")) frac = frac.slice(0, -1);
    if (frac === "") frac = undefined;
  }
  if (int === "0" && pattern.minInteger === 0) int = "";
  int = int.padStart(pattern.minInteger, "0");
  if (pattern.thousands) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const digits = frac !== undefined ? `${int}.${frac}` : int;
  const sign = !ownSign && value < 0 && /[1-9]/.test(digits) ? "-" : "";
  return `${sign}${pattern.prefix}${digits}${pattern.suffix}`;
}

interface NumberPattern {
  prefix: string;
  suffix: string;
  minInteger: number;
  minDecimals: number;
  maxDecimals: number;
  thousands: boolean;
  percent: boolean;
  scaleThousands: number;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      current += ch + (fmt[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

const COLOUR_TOKEN = /^(?:black|blue|cyan|green|magenta|red|white|yellow|colou?r\s*\d+)$/i;

/**
 * Reads one format section. Returns null for General or anything this module does not render,
 * a string for a section of literal text only (e.g. "-" for zero), else the number pattern.
 */
function parsePattern(section: string): NumberPattern | string | null {
  if (section.trim() === "" || /^general$/i.test(section.trim())) return null;
  let prefix = "";
  let suffix = "";
  let core = "";
  let seenDigits = false;
  const literal = (text: string) => {
    if (seenDigits) suffix += text;
    else prefix += text;
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] ?? "";
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      if (end === -1) return null;
      literal(section.slice(i + 1, end));
      i = end;
    } else if (ch === "\\") {
      literal(section[i + 1] ?? "");
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      if (end === -1) return null;
      const token = section.slice(i + 1, end);
      // [$£-809] is a currency symbol with a locale; colours are not displayed; conditions are
      // beyond this module.
      if (token.startsWith("$")) literal(token.slice(1).split("-")[0] ?? "");
      else if (!COLOUR_TOKEN.test(token)) return null;
      i = end;
    } else if (ch === "_") {
      // Padding the width of the next character, usually to line up brackets.
      literal(" ");
      i++;
    } else if (ch === "*") {
      i++;
    } else if ("0#?.".includes(ch)) {
      // Digits after a suffix literal mean a fraction, phone-number or similar layout.
      if (suffix !== "") return null;
      core += ch;
      seenDigits = true;
    } else if (ch === ",") {
      if (seenDigits) core += ch;
    } else if (ch === "%") {
      core += ch;
      literal("%");
    } else if (" $£€¥-+():".includes(ch)) {
      literal(ch);
    } else {
      // Letters (dates, scientific E, text @) or fraction slashes: not a plain number format.
      return null;
    }
  }
  if (!seenDigits) return prefix;
  const percent = core.includes("%");
  const digitsOnly = core.replace(/%/g, "");
  const trailingCommas = /,+$/.exec(digitsOnly)?.[0].length ?? 0;
  const parts = digitsOnly.slice(0, digitsOnly.length - trailingCommas).split(".");
  if (parts.length > 2) return null;
  const [intPart = "", fracPart = ""] = parts;
  return {
    prefix,
    suffix,
    minInteger: (intPart.match(/0/g) ?? []).length,
    minDecimals: (fracPart.match(/0/g) ?? []).length,
    maxDecimals: (fracPart.match(/[0#?]/g) ?? []).length,
    thousands: intPart.includes(","),
    percent,
    scaleThousands: trailingCommas,
  };
}

/** Excel's General format: up to 15 significant digits, no trailing zeros, E notation when tiny or huge. */
export function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const rounded = Number(value.toPrecision(15));
  const abs = Math.abs(rounded);
  if (abs !== 0 && (abs < 1e-9 || abs >= 1e15)) {
    const [mantissa = "", exponent = "0"] = rounded.toExponential().split("e");
    const exp = Number(exponent);
    const m = Number(Number(mantissa).toPrecision(6));
    return `${m}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(rounded);
}
