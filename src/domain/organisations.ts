/**
 * Whose action is it: organisation names as plans write them ("Jo Hooper MKC", "TVP – DCI Matt
 * Darnell", "Safeguarding lead MKUHT") resolved through a partnership's alias table.
 */
import defaultData from "./data/organisations.default.json" with { type: "json" };
import type { OrganisationDirectory } from "./organisation.js";

/** The demo partnership's directory (src/domain/data/organisations.default.json), a fresh copy each call. */
export function defaultDirectory(): OrganisationDirectory {
  return {
    organisations: defaultData.organisations.map((o) => ({ name: o.name, aliases: [...o.aliases] })),
  };
}

interface Token {
  /** As written, apostrophes removed ("Children's" → "Childrens"; "&" → "and"). */
  raw: string;
  low: string;
  /** Without a possessive "'s" ("TVP's" → "TVP"), else the same as raw. */
  baseRaw: string;
  baseLow: string;
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’‘`][\p{L}\p{N}]+)*|&/gu;

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const written = m[0];
    const raw = written === "&" ? "and" : written.replace(/['’‘`]/g, "");
    const possessive = /['’‘`]s$/i.test(written);
    const baseRaw = possessive ? raw.slice(0, -1) : raw;
    const start = m.index ?? 0;
    tokens.push({
      raw,
      low: raw.toLowerCase(),
      baseRaw,
      baseLow: baseRaw.toLowerCase(),
      start,
      end: start + written.length,
    });
  }
  return tokens;
}

/** "TVP", "CSC", "MKUHT": capitals only, at most five, which must match in capitals. */
function isShortAbbreviation(alias: Token[]): boolean {
  return alias.length === 1 && /^\p{Lu}{2,5}$/u.test(alias[0]?.raw ?? "");
}

interface Pattern {
  org: string;
  tokens: Token[];
  caseSensitive: boolean;
  chars: number;
}

/** Alias spellings with and without the "NHS" and trailing "(Foundation) Trust" that plans drop. */
function variants(alias: Token[]): Token[][] {
  const out: Token[][] = [alias];
  const withoutNhs = alias.filter((t) => t.low !== "nhs");
  if (withoutNhs.length !== alias.length && withoutNhs.length >= 2) out.push(withoutNhs);
  for (const base of [alias, withoutNhs]) {
    let cut = base.length;
    if (base[cut - 1]?.low === "trust") cut--;
    if (cut < base.length && base[cut - 1]?.low === "foundation") cut--;
    if (cut < base.length && cut >= 2) out.push(base.slice(0, cut));
  }
  return out;
}

interface Matcher {
  byFirst: Map<string, Pattern[]>;
}

const matchers = new WeakMap<OrganisationDirectory, Matcher>();

function matcherFor(dir: OrganisationDirectory): Matcher {
  const cached = matchers.get(dir);
  if (cached !== undefined) return cached;
  const byFirst = new Map<string, Pattern[]>();
  const seen = new Set<string>();
  for (const org of dir.organisations) {
    for (const alias of [org.name, ...org.aliases]) {
      const tokens = tokenise(alias);
      if (tokens.length === 0) continue;
      const caseSensitive = isShortAbbreviation(tokens);
      for (const v of variants(tokens)) {
        const key = `${org.name}\u0000${caseSensitive ? v.map((t) => t.raw).join(" ") : v.map((t) => t.low).join(" ")}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const first = v[0]?.low ?? "";
        const list = byFirst.get(first) ?? [];
        list.push({
          org: org.name,
          tokens: v,
          caseSensitive,
          chars: v.reduce((n, t) => n + t.raw.length, 0),
        });
        byFirst.set(first, list);
      }
    }
  }
  const matcher = { byFirst };
  matchers.set(dir, matcher);
  return matcher;
}

function tokenMatches(text: Token, alias: Token, caseSensitive: boolean): boolean {
  if (caseSensitive) return text.raw === alias.raw || text.baseRaw === alias.raw;
  return text.low === alias.low || text.baseLow === alias.low;
}

interface Found {
  org: string;
  at: number;
  len: number;
  chars: number;
}

/**
 * Canonical names of every organisation a text mentions, in order of first appearance, without
 * duplicates. Whole words only; where aliases overlap the longest wins ("Thames Valley Police and
 * Crime Commissioner" is not Thames Valley Police); an all-capital alias of up to five letters
 * matches only in capitals ("TVP", not "tvp", and never inside "CSCS"); everything else ignores case,
 * apostrophes ("Children’s"/"Childrens"), a possessive "'s", "&"/"and", "NHS" and a trailing
 * "(Foundation) Trust". A bracketed name straight after another ("Leicester City Clinical Commissioning
 * Group (CCG)") restates it and is not counted.
 */
export function resolveOrganisations(text: string, dir: OrganisationDirectory): string[] {
  const tokens = tokenise(text);
  if (tokens.length === 0) return [];
  const { byFirst } = matcherFor(dir);
  const found: Found[] = [];
  tokens.forEach((tok, i) => {
    for (const key of tok.low === tok.baseLow ? [tok.low] : [tok.low, tok.baseLow]) {
      for (const p of byFirst.get(key) ?? []) {
        if (i + p.tokens.length > tokens.length) continue;
        const all = p.tokens.every((a, k) => {
          const t = tokens[i + k];
          return t !== undefined && tokenMatches(t, a, p.caseSensitive);
        });
        if (all) found.push({ org: p.org, at: i, len: p.tokens.length, chars: p.chars });
      }
    }
  });
  found.sort((a, b) => b.len - a.len || b.chars - a.chars || a.at - b.at);
  const taken = new Uint8Array(tokens.length);
  const chosen: Found[] = [];
  for (const f of found) {
    if (taken.subarray(f.at, f.at + f.len).some((t) => t === 1)) continue;
    taken.fill(1, f.at, f.at + f.len);
    chosen.push(f);
  }
  chosen.sort((a, b) => a.at - b.at);
  const names: string[] = [];
  chosen.forEach((c, k) => {
    // "Leicester City Clinical Commissioning Group (CCG)": a bracketed name straight after another
    // restates it, as plans introduce abbreviations; it is not a second organisation.
    const prev = chosen[k - 1];
    if (prev !== undefined && prev.at + prev.len === c.at) {
      const before = text.slice(tokens[c.at - 1]?.end ?? 0, tokens[c.at]?.start ?? 0);
      const after = text.slice(
        tokens[c.at + c.len - 1]?.end ?? 0,
        tokens[c.at + c.len]?.start ?? text.length,
      );
      if (/^\s*\(\s*$/.test(before) && /^\s*\)/.test(after)) return;
    }
    if (!names.includes(c.org)) names.push(c.org);
  });
  return names;
}

/** Tokens of a name without the noise plans add or drop: "the", "NHS", a trailing "(Foundation) Trust". */
function nameKey(name: string): string {
  let toks = tokenise(name)
    .map((t) => t.low)
    .filter((t) => t !== "nhs");
  if (toks[0] === "the") toks = toks.slice(1);
  if (toks.at(-1) === "trust" && toks.length > 1) {
    toks = toks.slice(0, -1);
    if (toks.at(-1) === "foundation" && toks.length > 1) toks = toks.slice(0, -1);
  }
  return toks.join(" ");
}

/**
 * The canonical name for a name that is exactly one of the directory's names or aliases, ignoring case,
 * punctuation, apostrophes, "&"/"and", "the", "NHS" and a trailing "(Foundation) Trust"
 * ("Milton Keynes University Hospital NHS Foundation Trust" = "milton keynes university hospital").
 * Null if there is none; a name that only contains an alias is not one (see resolveOrganisations).
 */
export function canonicalOrganisation(name: string, dir: OrganisationDirectory): string | null {
  const key = nameKey(name);
  if (key === "") return null;
  for (const org of dir.organisations) {
    if ([org.name, ...org.aliases].some((a) => nameKey(a) === key)) return org.name;
  }
  return null;
}

/**
 * A partnership's own alias table with the shipped one behind it: the partnership's names win, and an
 * organisation both know keeps every alias of either, so "MKUHT" still finds the partnership's own
 * hospital trust after an import created it without aliases.
 */
export function mergeDirectories(
  own: OrganisationDirectory,
  fallback: OrganisationDirectory,
): OrganisationDirectory {
  const byKey = new Map<string, { name: string; aliases: string[] }>();
  for (const o of own.organisations) byKey.set(nameKey(o.name), { name: o.name, aliases: [...o.aliases] });
  for (const o of fallback.organisations) {
    const known =
      byKey.get(nameKey(o.name)) ??
      own.organisations
        .map((x) => byKey.get(nameKey(x.name)))
        .find((x) => x?.aliases.some((a) => nameKey(a) === nameKey(o.name)));
    if (known) {
      for (const alias of [o.name, ...o.aliases]) {
        if (
          nameKey(alias) !== nameKey(known.name) &&
          !known.aliases.some((a) => nameKey(a) === nameKey(alias))
        ) {
          known.aliases.push(alias);
        }
      }
    } else {
      byKey.set(nameKey(o.name), { name: o.name, aliases: [...o.aliases] });
    }
  }
  return { organisations: [...byKey.values()] };
}
