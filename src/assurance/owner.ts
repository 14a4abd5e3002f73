import type { CompiledRules } from "./compile.js";
import type { AssuredAction } from "./types.js";

/** Who owns an action, in every form a plan may name it: "Leicestershire Partnership NHS Trust", "LPT", "the Trust". */
export interface Owner {
  /** Short name for questions: "LPT", "Thames Valley Police", "the CCG", "the agency". */
  short: string;
  acronyms: Set<string>;
  words: Set<string>;
  phrases: Set<string>;
  groups: Set<number>;
  /** Bodies already judged for this owner (a plan names the same few bodies again and again). */
  judged: Map<string, boolean>;
}

export interface BodyMention {
  text: string;
  index: number;
  end: number;
}

const STOP = new Set([
  "the",
  "of",
  "and",
  "&",
  "for",
  "a",
  "an",
  "our",
  "their",
  "its",
  "individual",
  "those",
  "each",
  "other",
  "local",
  "national",
  "relevant",
  "all",
  "any",
  "nhs",
]);
const ACRONYM = /(?<![A-Za-z0-9])[A-Z][A-Z&]{1,7}(?:-[A-Z]{1,4})?s?(?![A-Za-z0-9])/g;
const CAP_SEQUENCE =
  /(?<![A-Za-z0-9’'])(?:[A-Z][\w&'’.-]*)(?:\s+(?:(?:of|and|&|for|the)\s+)?(?:[A-Z][\w&'’-]*))*(?:['’]s)?/g;

/**
 * The owner's names. A section heading is one of them where it names the agency ("Clinical Commissioning
 * Group (CCG)"), not where it is a theme several agencies' actions sit under ("A. Moving from children's to
 * adult services"): there its words are the subject of the work, and bodies it names are other bodies.
 */
export function ownerOf(action: AssuredAction, rules: CompiledRules, sectionIsTheme = false): Owner {
  const names = [action.organisation ?? "", ...(action.organisations ?? [])].filter(
    (n) => n.trim().length > 0,
  );
  const section = sectionIsTheme && names.length > 0 ? "" : (action.section ?? "");
  const acronyms = new Set<string>();
  const words = new Set<string>();
  const phrases = new Set<string>();
  for (const name of names) {
    phrases.add(normalise(name));
    for (const a of acronymVariants(name)) acronyms.add(a);
    for (const w of contentWords(name)) words.add(w);
  }
  if (section) {
    phrases.add(normalise(section));
    for (const part of section.split(/\s*(?:\/|\(|\)|–|—|\s-\s|,)\s*/))
      if (part.trim()) phrases.add(normalise(part));
    for (const w of contentWords(section)) words.add(w);
  }
  for (const text of [section, action.lead ?? ""]) {
    for (const m of text.matchAll(ACRONYM)) {
      const a = m[0].replace(/s$/, "");
      if (!rules.notBodies.has(a.toUpperCase())) acronyms.add(a.toUpperCase());
    }
  }
  // "drafted by PSW" where the lead is "Principal SW – A. Breen": the lead's role by its initials.
  for (const role of roleInitials(action.lead ?? "")) acronyms.add(role);
  let ownerText = ` ${[...names, section].join(" ").toLowerCase()} `;
  for (const phrase of rules.data.bodies.notGroupOwners.phrases)
    ownerText = ownerText.replaceAll(phrase, " ");
  const groups = new Set<number>();
  rules.data.bodies.groupOwners.forEach((members, i) => {
    if (members.some((m) => containsWord(ownerText, m))) groups.add(i);
  });
  return {
    short: shortName(action, section, acronyms, rules),
    acronyms,
    words,
    phrases,
    groups,
    judged: new Map(),
  };
}

/**
 * "Principal SW – A. Breen" → "PSW", "D. Kowalczyk, Principal Social Worker" → "PSW", "Designated Nurse,
 * LAC" → "DNLAC": the initials a plan may call its lead by, from whichever part of the lead names the role.
 */
function roleInitials(lead: string): string[] {
  const out: string[] = [];
  for (const role of lead.split(/\s[–—-]\s|,|\(|\//)) {
    const words = role.split(/\s+/).filter((w) => /^[A-Z]/.test(w) && !/^[A-Z]\.$/.test(w));
    const initials = words.map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w[0])).join("");
    if (words.length >= 2 && initials.length >= 3 && initials.length <= 6) out.push(initials);
  }
  return out;
}

/**
 * Sections that are themes, not agencies: those holding actions of more than one organisation (a plan laid
 * out by finding or priority, each agency's actions beneath).
 */
export function themeSections(actions: readonly AssuredAction[]): Set<string> {
  const first = new Map<string, string>();
  const themes = new Set<string>();
  for (const a of actions) {
    const org = a.organisation?.trim().toLowerCase();
    if (!org || themes.has(a.section)) continue;
    const seen = first.get(a.section);
    if (seen === undefined) first.set(a.section, org);
    else if (seen !== org) themes.add(a.section);
  }
  return themes;
}

/** Initials of a name with and without "NHS", "Foundation", "Trust" and the like: LPT, MKUHFT, MKUHT, UHL, ICB. */
export function acronymVariants(name: string): string[] {
  const raw = name
    .replace(/[()]/g, " ")
    .split(/[\s/,-]+/)
    .filter((w) => w.length > 0);
  const out = new Set<string>();
  for (const w of raw) if (/^[A-Z][A-Z&]{1,7}$/.test(w)) out.add(w);
  const significant = raw.filter((w) => !/^(?:of|the|and|&|for|in|on)$/i.test(w) && /^[A-Za-z]/.test(w));
  const drops: string[][] = [
    [],
    ["NHS"],
    ["Foundation"],
    ["NHS", "Foundation"],
    ["NHS", "Trust"],
    ["NHS", "Foundation", "Trust"],
    ["Trust"],
  ];
  for (const drop of drops) {
    const kept = significant.filter((w) => !drop.includes(w));
    if (kept.length >= 2) out.add(kept.map((w) => w.charAt(0).toUpperCase()).join(""));
  }
  // The kind of body at the end of the name: "… Integrated Care Board" → ICB, "… Clinical Commissioning Group" → CCG.
  for (const n of [3, 2]) {
    const tail = significant.slice(-n);
    if (tail.length === n && tail.every((w) => /^[A-Z]/.test(w)))
      out.add(tail.map((w) => w.charAt(0)).join(""));
  }
  return [...out];
}

function shortName(
  action: AssuredAction,
  ownSection: string,
  acronyms: Set<string>,
  rules: CompiledRules,
): string {
  const generic = new Set(rules.data.bodies.genericAcronyms);
  const withArticle = (a: string) => (generic.has(a) ? `the ${a}` : a);
  const paren = /\(([A-Z][A-Za-z&]{1,9})\)/.exec(ownSection);
  if (paren?.[1]) return withArticle(paren[1]);
  const section = ownSection.trim();
  if (/^[A-Z][A-Z&]{1,9}$/.test(section)) return withArticle(section);
  const org = (action.organisation ?? "").trim();
  if (org && org.split(/\s+/).length <= 3) return org;
  if (org) {
    const variants = acronymVariants(org);
    const seen = `${section} ${action.lead ?? ""}`;
    // "NHS" is in the name of every NHS body; it does not say which one ("NHS Calderbrook ICB" is the ICB).
    const used = variants.find((v) => v !== "NHS" && new RegExp(`(?<![A-Za-z])${v}(?![A-Za-z])`).test(seen));
    if (used) return withArticle(used);
    return org;
  }
  if (section && !/multi-?agency|system|partnership/i.test(section)) return section;
  const leadAcronym = [...acronyms][0];
  return leadAcronym ? withArticle(leadAcronym) : "the agency";
}

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/[^a-z0-9&\s-]/g, " ")
    .replace(/^\s*(?:the|a|an)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function contentWords(text: string): string[] {
  return normalise(text)
    .split(/[\s/-]+/)
    .filter((w) => w.length > 1 && !STOP.has(w));
}

function containsWord(haystack: string, phrase: string): boolean {
  const i = haystack.indexOf(phrase);
  if (i < 0) return false;
  const before = haystack.charAt(i - 1);
  const after = haystack.charAt(i + phrase.length);
  return !/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after);
}

/** Organisations, services and sectors named in a piece of text, in order. */
export function findBodies(text: string, rules: CompiledRules, startsSentence = true): BodyMention[] {
  const found: BodyMention[] = [];
  CAP_SEQUENCE.lastIndex = 0;
  for (let m = CAP_SEQUENCE.exec(text); m; m = CAP_SEQUENCE.exec(text)) {
    // A sentence's full stop is not part of the name: "initiated by the ICB." names "ICB".
    const seq = m[0].replace(/['’]s$/, "").replace(/[.]+$/, "");
    const lastSpace = Math.max(seq.lastIndexOf(" "), seq.lastIndexOf("\n"), seq.lastIndexOf("\t"));
    const single = lastSpace < 0;
    const last = seq.slice(lastSpace + 1);
    const atSentenceStart =
      (m.index === 0 && startsSentence) || /[.!?:;]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index));
    if (rules.capitalisedHead.has(last) && !(single && atSentenceStart)) {
      // "the acute Trust", "a neighbouring Council": the lower-case words say which one, as for body words.
      const start = single ? modifierStart(text, m.index) : m.index;
      const named = start < m.index ? text.slice(start, m.index + seq.length) : seq.replace(/^The\s+/, "");
      found.push({ text: named, index: start, end: m.index + seq.length });
      continue;
    }
    ACRONYM.lastIndex = 0;
    for (let a = ACRONYM.exec(seq); a; a = ACRONYM.exec(seq)) {
      const word = a[0];
      if (
        rules.notBodies.has(word.toUpperCase()) ||
        rules.notBodies.has(word.replace(/s$/, "").toUpperCase())
      )
        continue;
      found.push({ text: word, index: m.index + a.index, end: m.index + a.index + word.length });
    }
  }
  rules.bodyWord.lastIndex = 0;
  for (let m = rules.bodyWord.exec(text); m; m = rules.bodyWord.exec(text)) {
    const end = m.index + m[0].length;
    // "a multi-agency discussion", "inter-agency training": a kind of working, not a body.
    if (JOINED_PREFIX.test(text.slice(Math.max(0, m.index - 7), m.index))) continue;
    // "revised practice guidance", "a practice review": the word and the noun after it name a thing.
    rules.bodyKindCompound.lastIndex = m.index;
    if (rules.bodyKindCompound.test(text)) continue;
    // A longer name wins over an abbreviation inside it: "NHS England" is not "NHS".
    const inside = found.findIndex((f) => m && m.index >= f.index && m.index < f.end);
    if (inside >= 0) {
      const f = found[inside];
      if (f && f.index === m.index && end > f.end && /^[A-Z]+$/.test(f.text)) found.splice(inside, 1);
      else continue;
    }
    // Take in the words that say which one: "the ambulance trust" is not "the Trust", "LA colleagues" are
    // not "colleagues".
    const start = modifierStart(text, m.index, rules.sectorBodies.has(m[0].toLowerCase()));
    found.push({ text: text.slice(start, end), index: start, end });
  }
  found.sort((a, b) => a.index - b.index);
  return found;
}

const JOINED_PREFIX = /(?:^|[^A-Za-z])(?:multi|inter|cross|intra|pan|non)-$/i;

const NOT_MODIFIER = new Set(
  "the a an our their its this that these those of for with to by from in on at and or as is are was were be been has have had will would which who not no all any each every other some local national individual relevant whole entire same own wider across".split(
    " ",
  ),
);

/** Where a lower-case body word's modifiers begin (up to two words back, not past a determiner or preposition). */
function modifierStart(text: string, index: number, names = false): number {
  let start = index;
  for (let k = 0; k < 2; k++) {
    const m = /([A-Za-z][\w'’-]*)\s+$/.exec(text.slice(Math.max(0, start - 30), start));
    if (!m?.[1] || NOT_MODIFIER.has(m[1].toLowerCase())) break;
    // A name says whose colleagues, partners or staff they are ("LA colleagues"); before other body words
    // it is a separate mention ("Calderbrook council" is found as a name already).
    const named = /^[A-Z]/.test(m[1]);
    if (named && !(names && k === 0)) break;
    start -= m[0].length;
    if (named) break;
  }
  return start;
}

/** Whether a named body is the owning agency itself (one of its names, its section, or the same kind of body). */
export function isSelf(body: string, owner: Owner, rules: CompiledRules): boolean {
  const known = owner.judged.get(body);
  if (known !== undefined) return known;
  const self = judgeSelf(body, owner, rules);
  owner.judged.set(body, self);
  return self;
}

function judgeSelf(body: string, owner: Owner, rules: CompiledRules): boolean {
  if (rules.selfPronoun.test(body)) return true;
  const upper = body
    .replace(/['’]s$/, "")
    .replace(/s$/, "")
    .toUpperCase();
  if (/^[A-Z][A-Z&]{1,7}(?:-[A-Z]{1,4})?s?$/.test(body.trim())) {
    return (
      owner.acronyms.has(upper) ||
      owner.acronyms.has(body.trim().toUpperCase()) ||
      inOwnerGroup(body, owner, rules)
    );
  }
  const norm = normalise(body);
  if (owner.phrases.has(norm)) return true;
  // "the Trust's Clinical Records Group": the agency's own group, unless a national or regional one.
  const whose = /^(.+?)['’]s\s+(\S+)(?:.*\s)?(\S+)$/.exec(body);
  if (
    whose?.[1] &&
    !NATIONAL.test(whose[2] ?? "") &&
    INTERNAL.test(whose[3] ?? whose[2] ?? "") &&
    judgeSelf(whose[1], owner, rules)
  )
    return true;
  // "Police colleagues", "LPT staff": the agency's own people.
  const head = /\s+(\S+)$/.exec(norm);
  if (head?.[1] && rules.sectorBodies.has(head[1])) {
    const whose = body.slice(0, body.length - head[1].length).trim();
    if (whose && judgeSelf(whose, owner, rules)) return true;
  }
  const words = contentWords(body);
  if (
    words.length > 0 &&
    words.every(
      (w) =>
        owner.words.has(w) || owner.words.has(w.replace(/s$/, "")) || owner.acronyms.has(w.toUpperCase()),
    )
  )
    return true;
  return inOwnerGroup(body, owner, rules);
}

const NATIONAL = /^(?:national|regional|central|headquarters|hq|parent)$/i;
/** What an agency is made of, as against those it contracts: "the Trust's records group", not "the council's provider". */
const INTERNAL =
  /^(?:group|groups|team|teams|committee|board|panel|department|directorate|unit|units|service|services|staff|forum|lead|leads|governance|executive|division|hub)$/i;

function inOwnerGroup(body: string, owner: Owner, rules: CompiledRules): boolean {
  if (owner.groups.size === 0) return false;
  const norm = normalise(body);
  // "the county council" is the same kind of body as a district council, but not the same body.
  const qualifier = norm.split(" ")[0] ?? "";
  if (
    norm.includes(" ") &&
    rules.data.bodies.distinguishingQualifiers.includes(qualifier) &&
    !owner.words.has(qualifier)
  )
    return false;
  const groups = rules.data.bodies.groups;
  for (const i of owner.groups) {
    const members = groups[i];
    if (!members) continue;
    if (
      members.some((m) => {
        const member = normalise(m);
        return norm === member || norm === `${member}s`;
      })
    )
      return true;
  }
  return false;
}
