import type { CompiledRules, CompiledTrigger } from "../compile.js";
import { finding, type RuleContext } from "../context.js";
import { type BodyMention, findBodies, isSelf, normalise, type Owner } from "../owner.js";
import { type Clause, deliversAskedInput, readClause } from "../progress.js";
import { CAT, type Marker } from "../scan.js";
import { fill, quoteSentence, type Span, sentences } from "../text.js";
import type { AssuredAction, Finding } from "../types.js";
import { wordsBefore } from "../words.js";

interface Hit {
  clause: string;
  /** As a trigger's kind, or "waits": the agency's only commitment waits on another body's act. */
  kind: "other" | "self" | "onDemand" | "waits";
  /** The words that matched, where a trigger matched. */
  words?: string;
  body: string | null;
}

const HEAD_END = /[,;:.()]|\s(?:who|which|that|to|as|because|until|when|if|so|before|while|where)\s/i;
const RUN_BY =
  "(?:provided|run|managed|delivered|commissioned|hosted|employed|led|chaired|held|administered|funded|owned)";
const PROVIDED_BY = new RegExp(
  `^[^.;]*?,?\\s*(?:which|who)\\s+(?:is|are)\\s+(?:now\\s+)?${RUN_BY}(?:\\s*(?:,|and)\\s*${RUN_BY})*\\s+by\\s+([^.;]+)`,
  "i",
);
/** A name given its role as a body: "Ashby Moor as the provider", "North Vale, the ambulance trust". */
const AS_ROLE = /^\s*(?:,\s*|as\s+)(?:the|a|an|its|their|our)\s+((?:[\w'’-]+\s+){0,2}?[\w'’-]+)/i;
const PROPER_NAME = /(?:^|\s)((?:[A-Z][\w&'’-]*)(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&'’-]*)*)\s*$/;
/** A service or team named in lower case with the words that say which: "the ambulance service", "the 0-19 team". */
const SERVICE_NOUN =
  /^\W*(?:(?:[Tt]he|[Aa]n?)\s+)?(?:(?:remit|responsibility|role|gift|control|hands|domain|business)\s+of\s+)?((?:(?:the|a|an)\s+)?(?:[a-z0-9][\w'’-]*\s+){1,2})(?:service|services|team|teams|unit|directorate|department|hub|desk|panel)\b/;
const NOT_WHICH =
  /^(?:the|a|an|our|this|that|these|those|its|their|same|whole|own|any|each|every|of|for|by|with|to)$/;
/** What may stand between a body and "to lead" / "'s responsibility": "The ICB has agreed to lead". */
const NEAR_GAP =
  /^(?:['’]s(?:\s+(?:[\w-]+\s+){0,2}?(?:team|teams|staff|nurses|colleagues|leads?|officers|workers|practitioners|managers|service|unit|department))?|\s+(?:network|team|teams|service|services|group|board|partnership|hub|unit|forum|panel)|-)?\s*(?:,\s*(?:who|which)\s+)?(?:(?:has|have|had|will|would|is|are|was|were|now|also|already|formally|itself|themselves|then)\s+)*$/i;
/** What may stand between "is for" / "would have to come from" and the body it names. */
const NEAR_AFTER = /^\s*(?:(?:the|a|an|its|their|our)\s+)?$/i;
const FUTURE_BEFORE =
  /\b(?:will|shall|to|going\s+to|plans?\s+to|intends?\s+to|we\s+have\s+agreed\s+to)\s+(?:be\s+)?(?:now\s+|also\s+|then\s+|immediately\s+)?$/i;

/**
 * The owning agency hands its action to another body instead of saying what it will do itself: "This
 * action is for the CCG", "sits with commissioners; no further action for LPT", "we will provide the data
 * when requested", "for the CCG to monitor". Another body named alongside a deed of the agency's own
 * ("the local authority leads on return interviews; police have revised the procedure") is not deflection,
 * nor is naming a joint owner or the agency itself.
 */
export function deflected(action: AssuredAction, ctx: RuleContext): Finding | null {
  // Completed-without-evidence reads this too: an action handed away and rated complete delivered nothing.
  return ctx.facts(action).once(deflected, () => readDeflection(action, ctx));
}

function readDeflection(action: AssuredAction, ctx: RuleContext): Finding | null {
  const rules = ctx.rules;
  // Most actions carry none of the words any hand-over needs; only their progress is read further, for
  // another body doing the work.
  const facts = ctx.facts(action);
  const actionMay = mayDeflect(action.action, facts.actionMarkers);
  const progressMay = mayDeflect(action.progress, facts.progressMarkers);
  const owner = facts.owner;

  const actionSpans = actionMay ? facts.actionSpans : [];
  const actionHits = actionMay
    ? hitsIn(action.action, actionSpans, facts.actionMarkers, true, owner, rules)
    : new Map<number, Hit>();
  // Same edges as the progress reading's clauses, so a hit's index is the index of its clause there.
  const progressHits = progressMay
    ? hitsIn(action.progress, facts.progressSpans, facts.progressMarkers, false, owner, rules)
    : new Map<number, Hit>();
  // "Four actions escalated to the Executive" for an action to escalate to it: doing what was asked.
  for (const [i, h] of progressHits) if (asksFor(h, action.action)) progressHits.delete(i);
  if (actionHits.size === 0 && progressHits.size === 0) {
    const other = action.progress
      ? (otherBodyActs(action.progress, facts.progressSpans, owner, rules) ??
        (mayWait(action.progress) ? waitsOnOthers(facts.progress.clauses, owner, rules) : null))
      : null;
    if (!other) return null;
    progressHits.set(other.index, other.hit);
  }
  const hits = [...actionHits.values(), ...progressHits.values()];

  // The agency's own deeds: progress clauses that report something done or committed to, and, where the
  // action text itself hands the work away, the rest of the action text.
  const progressClauses = facts.progress.clauses;
  for (let i = 0; i < progressClauses.length; i++) {
    const c = progressClauses[i];
    if (c && !progressHits.has(i) && (isOwnDeed(c, owner, rules) || askedInput(c, action.action, rules)))
      return null;
  }
  if (actionHits.size > 0) {
    for (let i = 0; i < actionSpans.length; i++) {
      const text = actionSpans[i]?.text;
      if (text && !actionHits.has(i) && isOwnDeed(readClause(text, rules), owner, rules)) return null;
    }
  }

  // A hand-over and a deed of the agency's own in one sentence, on either side of a "but" or "although":
  // "We do not commission the 0-19 service, but our ED now sends every notification to it."
  for (const h of progressHits.values()) if (ownDeedBeside(h.clause, owner, rules)) return null;

  const hit = hits.find((h) => h.kind === "other") ?? hits[0];
  if (!hit) return null;
  const w = rules.data.wording.deflected;
  const text = `${action.action}\n${action.progress}`;
  const q = quoteSentence(sentenceOf(hit.clause, text), 160);
  const org = owner.short;
  const template = w.reason[hit.kind];
  const reason = fill(template, { quote: q, body: hit.body ?? "another body", org });
  const question = fill(w.question, { quote: q, org });
  return finding(action, "deflected", w.severity, reason, question);
}

/**
 * A body at the head of a clause (or of what is said after "that"), the subject of what follows; not the
 * subject of a passive ("the LA should be informed by ED staff"), which is who the work is done to.
 */
const SUBJECT_BEFORE =
  /^\W*(?:[^.;:]{0,40}:\s*)?(?:[^.;:]{0,80}?\b(?:that|whether)\s+)?(?:the\s+|a\s+|an\s+|their\s+)?$/i;
/** Approving, noting or challenging another's work is not doing it. */
const OVERSIGHT =
  "approved|ratified|endorsed|agreed|noted|received|supported|welcomed|accepted|closed|reviewed|discussed|challenged|scrutinised";
const MAY_NAME_BODY = /[a-z,;(]\s+[A-Z]|[A-Z]{2}/;
const VERB_AFTER = new RegExp(
  String.raw`^(?:['’]s?\s+(?:[\w'’-]+\s+){0,3}?(?:team|service|unit|hub|board|group|panel|colleagues|staff))?\s*(?:,[^,]{1,60},\s*)?(?:(?:now|also|currently|already|still|then|themselves)\s+)*(?!(?:(?:should|will|would|must|can|could|may|might|shall)\s+(?:also\s+)?be|is|are|was|were|has\s+been|have\s+been)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b)(?!(?:${OVERSIGHT}|asked|requested)\b)(?:is|are|was|were|has|have|had|will|would|should|must|can|could|may|might|do|does|did|remain|remains|lead|leads|own|owns|hold|holds|run|runs|provide|provides|commission|commissions|deliver|delivers|decide|decides|manage|manages|chair|chairs|oversee|oversees|control|controls|[a-z]+ed)\b`,
);
/** Done by the body: "chaired by CSC", "is run by the council" (approving or noting another's work is not doing it). */
const AGENT_BEFORE = new RegExp(
  String.raw`\b(?!(?:${OVERSIGHT}|signed\s+off|superseded|replaced|monitored|assured)\s)(?:[a-z]+(?:ed|en|un|wn|de)|set|put|kept|built|sent|paid|held|cut|laid|sold|taught|bought)\s+(?:(?:out|up|on|over|forward)\s+)?(?:[a-z]+ly\s+)?(?:by|through|via)\s+(?:the\s+|that\s+|this\s+|each\s+|their\s+|its\s+)?$`,
  "i",
);
/** A person or the agency speaking of itself: whoever else is named, the clause reports its own part. */
const OWN_VOICE = /\b(?:we|us|our|ourselves|she|he|her|his)\b/i;
/** "It is our understanding that NHS England is …": the agency telling what another does, not its own part. */
const HEDGE =
  /\b(?:it\s+is\s+)?(?:our|my)\s+(?:understanding|view|position|belief|expectation|assumption)\b|\bin\s+our\s+view\b|\bwe\s+(?:understand|believe|gather|are\s+told|have\s+been\s+told|are\s+aware)\b/gi;
/** "the Digital team", "the named nurse team": a team named without another organisation is the agency's own. */
const OWN_TEAM = /^\s+(?:team|teams|unit|department|lead|leads|manager|managers)\b/i;

function namesBodyWord(text: string, rules: CompiledRules): boolean {
  // The expression is global (findBodies walks its matches), so its place is reset around the test.
  rules.bodyWord.lastIndex = 0;
  const found = rules.bodyWord.test(text);
  rules.bodyWord.lastIndex = 0;
  return found;
}

/**
 * The progress says only what another body does, did or will do: that body as the subject of a clause
 * ("NHS England's regional team would determine …", "Children's social care are reviewing …") or as the
 * agent of the work ("strategy meetings are chaired by CSC"). The agency's own schools, practices and
 * providers are its reach, not another body; the caller still requires that no clause is a deed of its own.
 */
function otherBodyActs(
  progress: string,
  clauses: readonly Span[],
  owner: Owner,
  rules: CompiledRules,
): { index: number; hit: Hit } | null {
  // Most progress names no body at all: no capital inside a sentence, no abbreviation, no body word.
  if (!MAY_NAME_BODY.test(progress) && !namesBodyWord(progress, rules)) return null;
  for (let i = 0; i < clauses.length; i++) {
    const text = (clauses[i] as Span).text;
    if (OWN_VOICE.test(text.replace(HEDGE, ""))) continue;
    const hit = otherDoer(text, findBodies(text, rules), owner, rules);
    if (hit) return { index: i, hit };
  }
  return null;
}

/**
 * The first body of the clause that is its subject or agent, if that is another body: the agency as the
 * doer ("review to be undertaken by the CCG") reports its own part; named after "of" it is only what the
 * work is about ("oversight of GP referrals is provided by the ICB").
 */
function otherDoer(text: string, bodies: BodyMention[], owner: Owner, rules: CompiledRules): Hit | null {
  const others: BodyMention[] = [];
  for (const b of bodies) {
    const last = others[others.length - 1];
    if (!isSelf(b.text, owner, rules)) others.push(b);
    // "the ICB Named GP": a post of the other body, named with it.
    else if (last && TITLE_BETWEEN.test(text.slice(last.end, b.index))) continue;
    else if (!notSubject(text, b.index) || AGENT_BEFORE.test(text.slice(0, b.index))) return null;
  }
  for (const b of others) {
    if (rules.sectorBodies.has(normalise(b.text)) || OWN_TEAM.test(text.slice(b.end))) continue;
    const before = text.slice(0, b.index);
    const after = text.slice(b.end, b.end + 80);
    const subject =
      SUBJECT_BEFORE.test(before) && VERB_AFTER.test(after) && !telegraphicPassive(before, after);
    if (subject || AGENT_BEFORE.test(before))
      return { clause: text, kind: "other", body: withArticle(b, text) };
  }
  return null;
}

/**
 * "Training provider identified.", "Venue booked for May": notes that leave out the article and "has been"
 * name what was acted on, not who acted.
 */
function telegraphicPassive(before: string, after: string): boolean {
  return !DETERMINER_BEFORE.test(before) && BARE_PARTICIPLE.test(after);
}

const DETERMINER_BEFORE = /\b(?:the|a|an|their|its|our|this|that)\s+$/i;
const BARE_PARTICIPLE =
  /^\s+(?:[a-z]+(?:ed|en)|found|chosen|sought|bought)\s*(?:$|[.;,(]|\d|(?:in|on|during|for|from|and|via)\b)/;

const TITLE_BETWEEN = /^(?:['’]s)?\s+(?:[A-Z][\w'’-]*\s+){0,2}$/;

const NAME_AFTER_FOR =
  /^\s+(?:the\s+)?(?:[A-Z]|(?:commissioners?|councils?|local|police|partners|providers?|schools?|academ|practices|governing|governors|public|social|health|education|housing|probation)\b)/;

/** A cue word, or "for" followed by a name or a body word ("for the CCG to …", "for commissioners to …"). */
function mayDeflect(text: string, markers: readonly Marker[], start = 0, end = text.length): boolean {
  for (const m of markers) {
    if (m.index < start) continue;
    if (m.index >= end) break;
    if (m.mask & CAT.deflectionCue) return true;
    if (m.mask & CAT.forWord && NAME_AFTER_FOR.test(text.slice(m.end, m.end + 40))) return true;
  }
  return false;
}

/**
 * The hits among the clauses, by the clause's index. A clause with no cue word cannot match any pattern,
 * so only the few with one are read.
 */
function hitsIn(
  text: string,
  spans: readonly Span[],
  markers: readonly Marker[],
  isAction: boolean,
  owner: Owner,
  rules: CompiledRules,
): Map<number, Hit> {
  const hits = new Map<number, Hit>();
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Span;
    if (!mayDeflect(text, markers, span.start, span.end)) continue;
    const hit = firstHit(span.text, isAction, owner, rules);
    if (hit) hits.set(i, hit);
  }
  return hits;
}

/**
 * Walk the combined scan's matches; at each, judge the pattern that matched (and, if that one does not
 * hold, the later patterns that also match there).
 */
function firstHit(clause: string, isAction: boolean, owner: Owner, rules: CompiledRules): Hit | null {
  const scans = rules.triggerScans;
  const next: (RegExpExecArray | null)[] = scans.map(() => null);
  let from = 0;
  for (;;) {
    // The earliest match of any part at or after `from`, and the first pattern that matched there.
    let at = -1;
    let first = rules.triggers.length;
    for (let s = 0; s < scans.length; s++) {
      const scan = scans[s] as (typeof scans)[number];
      let m = next[s] ?? null;
      if (!m || m.index < from) {
        scan.re.lastIndex = from;
        m = scan.re.exec(clause);
        next[s] = m;
      }
      if (!m || (at >= 0 && m.index > at)) continue;
      let which = scan.first;
      for (let g = 0; g < scan.groups.length; g++) {
        if (m[scan.groups[g] as number] !== undefined) {
          which = scan.first + g;
          break;
        }
      }
      if (at < 0 || m.index < at || which < first) {
        if (at < 0 || m.index < at) first = which;
        else first = Math.min(first, which);
        at = m.index;
      }
    }
    if (at < 0) return null;
    for (let i = first; i < rules.triggers.length; i++) {
      const t = rules.triggers[i];
      if (!t || (t.trigger.actionOnly && !isAction)) continue;
      t.at.lastIndex = at;
      const own = t.at.exec(clause);
      if (!own) continue;
      const hit = judge(t, own, clause, owner, rules);
      if (hit) return { ...hit, words: own[0] };
    }
    from = at + 1;
  }
}

function judge(
  t: CompiledTrigger,
  m: RegExpExecArray,
  clause: string,
  owner: Owner,
  rules: CompiledRules,
): Hit | null {
  const { kind, body: where, organisationOnly } = t.trigger;
  let body: BodyMention | null = null;
  let source = clause;
  switch (where) {
    case "none":
      return { clause, kind, body: null };
    case "after": {
      const rest = clause.slice(m.index + m[0].length);
      const cut = HEAD_END.exec(rest);
      const head = cut ? rest.slice(0, cut.index) : rest;
      body = bodiesIn(head, rules, false)[0] ?? null;
      source = head;
      if (!body) {
        const via = PROVIDED_BY.exec(rest);
        if (via?.[1]) {
          source = via[1];
          body = findBodies(via[1], rules, false)[0] ?? null;
        }
      }
      body ??= namedBody(head, rest.slice(head.length), rules);
      if (!body && t.trigger.properName) body = properNameAt(head, rules);
      // "a matter for their contract review": after a hand-over, "their" is the other body's.
      if (!body && kind === "other" && !organisationOnly && THEIR.test(head))
        return { clause, kind, body: null };
      // "are for the local authority": the body must be what the words are about, not named further on.
      if (body && t.trigger.near && !NEAR_AFTER.test(source.slice(0, body.index))) body = null;
      break;
    }
    case "window": {
      const rest = firstWords(clause.slice(m.index + m[0].length), 12);
      source = rest;
      // "waiting for the primary care budget to be confirmed at the ICB committee": the ICB is waited on.
      body = bodiesIn(rest, rules, false)[0] ?? null;
      break;
    }
    case "group": {
      source = m[1] ?? "";
      body = bodiesIn(source, rules, m.index === 0)[0] ?? null;
      // "not our responsibility", "not the Trust's issue": the agency disowning the work in its own words.
      if (!body && kind === "self" && rules.selfPronoun.test(source)) return { clause, kind, body: null };
      body ??= namedBody(source, "", rules);
      break;
    }
    case "before":
    case "beforeSelfOrNone": {
      source = clause.slice(0, m.index);
      const all = bodiesIn(source, rules);
      // "The youth service would be the natural home": a service named in lower case, at the head;
      // "is Vectis Travel's obligation": a name the lists do not know, right before the possessive.
      body =
        all[all.length - 1] ??
        (t.trigger.near ? (namedBody(source, "", rules) ?? properNameBefore(source, rules)) : null);
      if (body && t.trigger.near && !NEAR_GAP.test(source.slice(body.end))) body = null;
      if (where === "beforeSelfOrNone") {
        if (!body || isSelf(body.text, owner, rules)) return { clause, kind, body: null };
        return null;
      }
      break;
    }
  }
  if (!body) return null;
  const named = withNameBefore(body, source);
  body = named.body;
  const self = isSelf(body.text, owner, rules) || (named.name !== null && isSelf(named.name, owner, rules));
  if (kind === "self") return self ? { clause, kind, body: body.text } : null;
  if (self) return null;
  if (organisationOnly && rules.sectorBodies.has(normalise(body.text))) return null;
  return { clause, kind, body: withArticle(body, source) };
}

/**
 * A body the lists do not know, read from how the text names it, for the words right after a hand-over
 * ("a matter for …", "the remit of …"): a proper name given a body's role ("Ashby Moor as the provider"), or
 * a service or team with the words that say which ("the ambulance service"). Read only inside a clause that
 * already holds a hand-over pattern.
 */
function namedBody(head: string, after: string, rules: CompiledRules): BodyMention | null {
  const role = AS_ROLE.exec(after);
  if (role?.[1] && findBodies(role[1], rules, false).length > 0) {
    const name = PROPER_NAME.exec(head);
    if (name?.[1]) {
      const index = head.lastIndexOf(name[1]);
      return { text: name[1], index, end: index + name[1].length };
    }
  }
  const service = SERVICE_NOUN.exec(head);
  if (service?.[1]) {
    const words = service[1].trim().split(/\s+/);
    while (words.length > 0 && NOT_WHICH.test(words[0] ?? "")) words.shift();
    if (words.length > 0 && !words.some((w) => NOT_WHICH.test(w))) {
      const end = service.index + service[0].length;
      const start = head.lastIndexOf(words[0] ?? "", end);
      return { text: head.slice(start, end), index: start, end };
    }
  }
  return null;
}

/** "the CCG", "NHS Digital", "commissioners": the body as the plan names it, with its "the" if it had one. */
function withArticle(body: BodyMention, source: string): string {
  const before = source.slice(Math.max(0, body.index - 4), body.index);
  // "Commissioners to review…" names commissioners, not a body called "Commissioners".
  const text = /^[A-Z][a-z]+$/.test(body.text) ? body.text.toLowerCase() : body.text;
  return /\bthe\s$/i.test(before) ? `the ${text}` : text;
}

/** The hand-over's verb is the action's own ("escalate to the Executive", "refer to children's social care"). */
function asksFor(hit: Hit, actionText: string): boolean {
  const verb = /^\W*([a-z]{4,})/i.exec(hit.words ?? "")?.[1];
  // Only a deed reported done: "will share if asked" is an offer, not the deed.
  if (hit.kind !== "other" || !verb || !HAND_ON_VERB.test(verb) || !/(?:ed|sent)$/i.test(verb)) return false;
  return new RegExp(`\\b${verb.slice(0, 5)}`, "i").test(actionText);
}

const HAND_ON_VERB = /^(?:escalat|referr?|report|forward|submit|notif|pass|sent|send|shar)/i;

/** "Audit completed (30 closures)" for an action to audit: an input that is exactly what the action asked for. */
function askedInput(clause: Clause, actionText: string, rules: CompiledRules): boolean {
  if (clause.kind !== "input" || rules.waiting.test(clause.text)) return false;
  return deliversAskedInput(clause.text, actionText, rules);
}

/**
 * A clause in which the agency itself did or commits to do something: a delivery verb used as a verb,
 * with no other body as its subject or agent, not conditional on someone else, and more than supplying
 * data, attending when invited or supporting another body's work.
 */
function isOwnDeed(clause: Clause, owner: Owner, rules: CompiledRules): boolean {
  const { kind, text } = clause;
  if (kind !== "delivered" && kind !== "intent" && kind !== "ongoing" && kind !== "input") return false;
  // Waiting on something is no deed, unless the clause also reports one done ("registered all 14 nurses and
  // are holding until the hub releases dates").
  // A draft written is work done even while it waits for comments ("drafted, with managers until mid Dec").
  const drafted = kind === "input" || kind === "ongoing" ? draftedAt(text) : -1;
  if (
    (kind !== "delivered" && drafted < 0 && rules.waiting.test(text)) ||
    DEPENDS_ON.test(text) ||
    PLAN_ADMIN.test(text) ||
    POSITION_ONLY.test(text)
  )
    return false;
  let at = kind === "delivered" ? clause.deliveredAt : -1;
  const loop = kind !== "input";
  for (const marker of loop ? clause.markers : []) {
    if ((marker.mask & CAT.concreteVerb) === 0) continue;
    const index = marker.index - clause.offset;
    if (at >= 0 && index > at) break;
    if (FUTURE_BEFORE.test(text.slice(Math.max(0, index - 30), index))) {
      at = index;
      break;
    }
  }
  if (at < 0) at = drafted;
  if (at < 0) return false;
  // "Will update when the national position is known": reporting on the plan, not work on the action.
  if (UPDATE_ONLY.test(text.slice(at))) return false;
  // "There is no intention for practices to send it unprompted": a deed denied is not a deed.
  if (NEGATED_BEFORE.test(text.slice(Math.max(0, at - 60), at))) return false;
  if (HYPOTHETICAL_BEFORE.test(text.slice(Math.max(0, at - 80), at))) return false;
  if (DONE_TO.test(text.slice(at)) && PASSIVE_BEFORE.test(text.slice(Math.max(0, at - 30), at))) return false;
  // "we are not routinely given the details": given to the agency, not done by it.
  if (WE_PASSIVE.test(text.slice(Math.max(0, at - 40), at + 12))) return false;
  // "how they are used", "they will decide": another body, named before, as the subject.
  if (THEY_SUBJECT.test(text.slice(Math.max(0, at - 40), at))) return false;
  // "will sign up to whatever is agreed regionally": a deed waiting on what others decide.
  if (WHATEVER.test(text.slice(at, at + 80))) return false;
  // "SAR report sent to the regional HMPPS lead": passing the work on to another body.
  if (passedOn(text, at, owner, rules)) return false;
  // "… own this - they commission the contract": the body named before, not the agency, did it.
  if (THEY.test(text.slice(0, at))) return false;
  // "the wording will change whenever they next refresh it", "Should the national team revise the standard,
  // we will adopt it": the deed waits on another body's doing.
  if (onOthersDoing(text, owner, rules)) return false;
  // Supporting or attending is not a deed of the agency's own, unless it is counted ("attended 46 of 51 ICPCs").
  const deed = text.slice(at, at + 80);
  if (weakLead(rules).test(deed) && !COUNTED_PART.test(deed.replace(LEADING_WORDS, ""))) return false;
  const before = text.slice(0, at);
  const subject = findBodies(before, rules).filter((b) => !notSubject(before, b.index));
  if (subject.some((b) => !isSelf(b.text, owner, rules))) return false;
  // Done by, or under the contract of, another body: "is provided under the acute trust's liaison contract".
  const agent = /\b(?:by|under|through|via)\s+(.{1,60})/i.exec(text.slice(at));
  if (agent?.[1]) {
    // "delivered out of county by another Trust": of the agency's kind, but not the agency.
    if (ANOTHER.test(agent[1])) return false;
    const by = findBodies(agent[1], rules, false)[0];
    if (by && !isSelf(by.text, owner, rules)) return false;
  }
  return true;
}

const ON_CONDITION =
  /\b(?:whenever|when|once|if|after|as\s+soon\s+as|as\s+and\s+when|until|should|(?:on|from)\s+the\s+day|the\s+moment|subject\s+to|provided\s+(?:that\s+)?|providing\s+)\s*/gi;
/** "if and when it is commissioned": a condition only another body (a commissioner, a funder, an asker) meets. */
const OTHERS_ACT =
  /^(?:and\s+when\s+)?(?:(?:it|this|that|these|they)\s+(?:is|are|has\s+been|have\s+been|gets?)\s+(?:commissioned|funded|requested|asked\s+for)\b|(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:comes?\s+through|arrives?|is\s+(?:received|sent|provided|passed\s+on)))/i;

interface Condition {
  /** Where the condition's conjunction starts and where the condition ends, in the clause. */
  start: number;
  end: number;
  /** The other body named in it, if one is ("once the ICB …"); null for "they" or an act with no agent. */
  body: string | null;
}

/** A condition in the clause that another body must meet first: "whenever they next …", "once the ICB …". */
function othersCondition(clause: string, owner: Owner, rules: CompiledRules): Condition | null {
  for (const m of clause.matchAll(ON_CONDITION)) {
    const from = m.index + m[0].length;
    const rest = clause.slice(from);
    const until = rest.search(/[,;:]/);
    const end = from + (until < 0 ? Math.min(rest.length, 80) : until);
    if (/^they\b/i.test(rest) || OTHERS_ACT.test(rest)) return { start: m.index, end, body: null };
    const other = findBodies(clause.slice(from, end), rules, false).find(
      (b) => !isSelf(b.text, owner, rules),
    );
    if (other) return { start: m.index, end, body: other.text };
  }
  return null;
}

function onOthersDoing(clause: string, owner: Owner, rules: CompiledRules): boolean {
  return othersCondition(clause, owner, rules) !== null;
}

/** "will adopt whatever the ICB writes into the contract": what the agency does is whatever another body decides. */
function whateverOthers(clause: string, owner: Owner, rules: CompiledRules): Condition | null {
  const m = /\bwhatever\s+([^.;,]{1,60})/i.exec(clause);
  if (!m?.[1]) return null;
  const other = findBodies(m[1], rules, false).find((b) => !isSelf(b.text, owner, rules));
  return other ? { start: m.index, end: m.index + m[0].length, body: other.text } : null;
}

/** What the agency says it will do: "will", "would", "can" or "is happy to" before a verb. */
const COMMITMENT =
  /\b(?:will|would|shall|can|could|['’]ll|(?:is|are)\s+(?:more\s+than\s+|very\s+|always\s+|really\s+|of\s+course\s+)?(?:happy|willing|ready|able|keen|pleased|glad|delighted)\s+to)\b/i;

/** A commitment and a condition somewhere in the text: without both, no clause need be read for a wait. */
function mayWait(progress: string): boolean {
  if (!COMMITMENT.test(progress)) return false;
  ON_CONDITION.lastIndex = 0;
  const found = ON_CONDITION.test(progress) || /\bwhatever\b/i.test(progress);
  ON_CONDITION.lastIndex = 0;
  return found;
}

/**
 * The agency's only commitment waits on another body's act: "Should the national team revise the standard,
 * the Force will adopt it", "will start sending referrals on the day the MASH gives us a contact", "would
 * circulate any materials if a speaker is provided". The caller still requires no deed of its own elsewhere.
 */
function waitsOnOthers(
  clauses: readonly Clause[],
  owner: Owner,
  rules: CompiledRules,
): { index: number; hit: Hit } | null {
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i] as Clause;
    // Most clauses commit to nothing: the cheap test first.
    if ((c.kind !== "intent" && c.kind !== "neutral") || !COMMITMENT.test(c.text)) continue;
    const condition = othersCondition(c.text, owner, rules) ?? whateverOthers(c.text, owner, rules);
    if (!condition) continue;
    // The commitment is in the rest of the clause, and its subject is the agency (or no one named).
    const main =
      condition.start < 3
        ? c.text.slice(condition.end)
        : c.text.slice(0, condition.start) + c.text.slice(condition.end);
    const commits = COMMITMENT.exec(main);
    if (!commits) continue;
    const before = main.slice(0, commits.index);
    const subject = findBodies(before, rules).filter((b) => !notSubject(before, b.index));
    if (subject.some((b) => !isSelf(b.text, owner, rules))) continue;
    return { index: i, hit: { clause: c.text, kind: "waits", body: condition.body } };
  }
  return null;
}

/** Words that may stand before the verb of a deed: "now sends", "will continue to support". */
const LEADING =
  "(?:(?:now|also|already|then|still|routinely|regularly|currently|actively|fully|will|would|shall|to|be|been|being|has|have|had|is|are|was|were|continue|continues|continued|continuing|happy|able|willing|keen)\\s+)*";
const LEADING_WORDS = new RegExp(`^${LEADING}`, "i");
const weakLeads = new WeakMap<CompiledRules, RegExp>();

/** The weak deeds (supporting, attending, supplying data) as the verb the deed starts with, not anywhere after it. */
function weakLead(rules: CompiledRules): RegExp {
  let re = weakLeads.get(rules);
  if (!re) {
    re = new RegExp(`^${LEADING}(?:${rules.weakDeed.source})`, "i");
    weakLeads.set(rules, re);
  }
  return re;
}

const ANOTHER = /^(?:another|a\s+different|other|a\s+neighbouring|the\s+other)\s+[A-Za-z]/i;
const UPDATE_ONLY =
  /^(?:provide\s+(?:an?\s+|a\s+further\s+|further\s+)?)?updat(?:e|es|ed|ing)\b(?:\s+(?:the\s+)?(?:plan|board|partnership|group|panel|committee|scrutineer|partners|you|members))?\s*(?:$|[.;,]|when|once|as|at|in|on|after|if|by|following)/i;

/** "Police line to be closed", "action to be re-worded": what happens to the plan's line is not work done. */
const PLAN_ADMIN =
  /\b(?:line|action|recommendation|item|entry|row|it|this)\s+(?:to\s+be|will\s+be|has\s+been|is|be)\s+(?:closed|removed|withdrawn|deleted|re-?worded|re-?allocated|re-?assigned|moved|transferred|merged)\b/i;
/** "Trust position (agreed at Safeguarding Committee 17/07)": stating where the agency stands is not work on the action. */
const POSITION_ONLY =
  /^\W*(?:(?:the|our|[A-Z][\w&'’-]*)\s+){0,3}(?:position|response|view|stance)\b(?:\s*\([^()]*\)|\s+(?:was\s+|is\s+|has\s+been\s+)?(?:agreed|confirmed|approved|noted|endorsed)\b[^.;:]*)?\W*$/i;
const NEGATED_BEFORE =
  /\b(?:no|not|never|neither|nor|nothing|none|nobody|cannot|can['’]t|unable|rather\s+than|instead\s+of)\b[^.;,]*$/i;
/** "what is available depends on what the framework procures": a condition, not a deed. */
const DEPENDS_ON =
  /\b(?:depends?|depended|depending|dependent|dependant|contingent|conditional|reliant|relies|relying|hinges?)\s+(?:up)?on\b/i;
const THEY = /^\W*(?:and\s+|but\s+)?they\b/i;
const THEIR = /^\s*their\b/i;
/** "would welcome being able to deliver it", "would have to be built into the contract": wished for, not done. */
const HYPOTHETICAL_BEFORE =
  /\b(?:would|could|might)\s+(?:[\w'’]+\s+){0,3}?(?:welcome|like|love|want|wish|prefer|hope)\b[^.;]*$|\b(?:would|could|might)\s+(?:(?:first|still|also|then)\s+)?(?:have|need)\s+to\s+(?:be\s+)?$|\b(?:hopes?|wish(?:es)?|aspires?)\s+to\s+(?:be\s+)?$/i;
/** "The team is commissioned for weekday clinics": what is done to the agency, not by it. */
const DONE_TO =
  /^(?:commissioned|funded|contracted|resourced|staffed|specified|asked|required|expected|mandated|paid)\b/i;
const WE_PASSIVE =
  /\bwe\s+(?:are|were|have\s+been|get|got)\s+(?:[a-z]+ly\s+|not\s+){0,2}(?:given|told|sent|provided|passed|informed|notified)\b/i;
const THEY_SUBJECT =
  /\bthey\s+(?:(?:are|were|is|have|has|had|will|would|can|could|should|must|do|does|did|also|then|now|still|being|been)\s+){0,3}$/i;
const WHATEVER = /\bwhatever\s+(?:[\w'’-]+\s+){0,2}?(?:is|are|gets|comes|emerges|results)\b/i;
const PASS_ON = /^(?:sent|forwarded|passed|escalated|referred|submitted|emailed)\s+(?:on\s+)?to\s+/i;
const PASSED_THING =
  /\b(?:report|reports|recommendation|recommendations|rec|SAR|DHR|CSPR|review|letter|action|request|findings|learning)\b/i;

function passedOn(text: string, at: number, owner: Owner, rules: CompiledRules): boolean {
  const m = PASS_ON.exec(text.slice(at));
  // "Referred to the LMNS board for a decision": with nothing named before it, what is passed on is the action.
  const before = text.slice(0, at);
  if (!m || (!PASSED_THING.test(before) && /[A-Za-z]/.test(before))) return false;
  const to = findBodies(text.slice(at + m[0].length, at + m[0].length + 60), rules, false)[0];
  return !!to && !isSelf(to.text, owner, rules) && !rules.sectorBodies.has(normalise(to.text));
}
const PASSIVE_BEFORE = /\b(?:is|are|was|were|been|being)\s+(?:only\s+|now\s+|currently\s+|already\s+)?$/i;
/** A draft written (or a design made) is work done (the README's reading of "nothing but plans"), unlike other inputs. */
const DRAFTED =
  /\b(?:re)?(?:drafted|designed)\b|\bdraft\s+(?:[\w'’-]+\s+){0,3}?(?:written|produced|prepared|completed|shared|circulated|issued|agreed)\b/i;

/** "the rec looks to have been drafted with the community provider in mind": the review's draft, not the agency's. */
const PLAN_TEXT_BEFORE = /\b(?:rec|recs|recommendations?|actions?|findings?|review)\b[^.;]*$/i;

function draftedAt(text: string): number {
  const m = DRAFTED.exec(text);
  return m && !PLAN_TEXT_BEFORE.test(text.slice(0, m.index)) ? m.index : -1;
}

const COUNTED_PART =
  /^(?:attend|support|participat|contribut)\w*\s+(?:[\w'’-]+\s+){0,3}?(?:\d+(?:\.\d+)?\s?%|\d+\s+(?:out\s+)?of\s+\d+|(?:all|every|each)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)?\s*(?:[\w'’-]+\s+){0,2}?(?:meetings?|sessions?|panels?|conferences?|reviews?))/i;

/** Where a hand-over and the agency's own part meet: "but", "although", or ", so we …". */
const CONTRAST =
  /,?\s+(?:but|however|although|though|whereas|while|yet)\b,?\s*|^\s*(?:although|though|while|whilst)\b\s*|,\s*(?:and\s+)?(?:so|therefore|instead)\s+(?=(?:we|I)\b)/i;

function ownDeedBeside(clause: string, owner: Owner, rules: CompiledRules): boolean {
  const cut = CONTRAST.exec(clause);
  if (!cut) return false;
  let parts = [clause.slice(0, cut.index), clause.slice(cut.index + cut[0].length)];
  // "Although X, Y": the two sides are split at the comma.
  if (cut.index === 0) {
    const comma = (parts[1] ?? "").indexOf(", ");
    if (comma < 0) return false;
    parts = [(parts[1] ?? "").slice(0, comma), (parts[1] ?? "").slice(comma + 2)];
  }
  for (const part of parts) {
    if (part.trim().length < 8 || firstHit(part, false, owner, rules)) continue;
    if (isOwnDeed(readClause(part, rules), owner, rules)) return true;
  }
  return false;
}

/** Words after which a body is an object or a complement, not who did the deed: "for the LA", "is lead commissioner". */
const OBJECT_BEFORE = new Set(
  "for with to by of from in on at into between across within under via than is are was were be been as".split(
    " ",
  ),
);
const ARTICLES = new Set(["the", "a", "an", "its", "their", "our"]);

function notSubject(text: string, index: number): boolean {
  const words = wordsBefore(text, index, 3);
  let i = words.length - 1;
  while (i >= 0 && ARTICLES.has(words[i] ?? "")) i--;
  return i >= 0 && OBJECT_BEFORE.has(words[i] ?? "");
}

function sentenceOf(clause: string, text: string): string {
  const probe = clause.slice(0, 40);
  return sentences(text).find((s) => s.includes(probe)) ?? clause;
}

/** "Doorstep under the supported lodgings contract": a capitalised name at the head of the words. */
function properNameAt(head: string, rules: CompiledRules): BodyMention | null {
  const m = /^\s*(?:the\s+)?((?:[A-Z][\w&'’-]+)(?:\s+(?:[A-Z][\w&'’-]+|of|and|&))*)/.exec(head);
  // Not a date or a quarter ("deferred to Q3", "moved to March"), nor a word the lists say is no body.
  if (!m?.[1] || /\d/.test(m[1]) || rules.notBodies.has(m[1].toUpperCase()) || MONTH_OR_DAY.test(m[1]))
    return null;
  const index = head.indexOf(m[1]);
  // "until the Niche upgrade", "the Mosaic system": a thing named for a product or body, as in bodiesIn.
  if (modifiesNoun(head, index + m[1].length, rules)) return null;
  return { text: m[1], index, end: index + m[1].length };
}

/**
 * "the Brookside board", "the Kelston panel": a body word with the name just before it is that name's body
 * (the lists find the word alone); the agency's own board is the agency.
 */
function withNameBefore(body: BodyMention, source: string): { body: BodyMention; name: string | null } {
  if (!/^[a-z]/.test(body.text)) return { body, name: null };
  const before = source.slice(0, body.index);
  const m = NAME_JUST_BEFORE.exec(before);
  const name = m?.[1];
  if (!m || !name || /^(?:The|A|An|This|That|Its|Their|Our)$/.test(name)) return { body, name: null };
  const index = m.index + m[0].indexOf(name);
  return { body: { text: source.slice(index, body.end), index, end: body.end }, name };
}

const NAME_JUST_BEFORE = /(?:^|[^\w&'’-])([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\s+$/;

/** Words that make a capitalised name a post, not a body: "the Named Nurse's responsibility". */
const ROLE_WORD =
  /\b(?:Nurse|Nurses|Lead|Leads|Manager|Managers|Director|Directors|Officer|Officers|Doctor|Head|Chair|Chairs|Worker|Workers|Consultant|Consultants|Practitioner|Clinician|Adviser|Advisor|Coordinator|Co-ordinator|Team|Teams|Staff|Professional|Professionals|Deputy|Chief)$/;

function properNameBefore(source: string, rules: CompiledRules): BodyMention | null {
  // Only a name the possessive is joined to ("Vectis Travel's"), not a capital before a spaced word ("Monthly MUST").
  if (/\s$/.test(source)) return null;
  const name = PROPER_NAME.exec(source);
  const text = name?.[1]?.trim();
  if (!text || !name || ROLE_WORD.test(text) || /^(?:The|It|This|That|Its)$/.test(text)) return null;
  if (rules.notBodies.has(text.toUpperCase()) || MONTH_OR_DAY.test(text)) return null;
  const index = source.lastIndexOf(text);
  return { text, index, end: index + text.length };
}

const MONTH_OR_DAY =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|spring|summer|autumn|winter|easter|christmas)\b/i;

/** The bodies a text names, leaving out a body's name used for a thing ("the primary care budget"). */
function bodiesIn(text: string, rules: CompiledRules, startsSentence = true): BodyMention[] {
  return findBodies(text, rules, startsSentence).filter((b) => !modifiesNoun(text, b.end, rules));
}

/** The name ending at `end` is followed by a noun it only qualifies: "the ICB budget", "the Niche upgrade". */
function modifiesNoun(text: string, end: number, rules: CompiledRules): boolean {
  const next = /^\s+([a-z][\w-]*)/.exec(text.slice(end, end + 30))?.[1];
  return next !== undefined && rules.bodyModifiedNouns.has(next);
}

function firstWords(text: string, n: number): string {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord && ++count > n) return text.slice(0, i);
    inWord = !space;
  }
  return text;
}
