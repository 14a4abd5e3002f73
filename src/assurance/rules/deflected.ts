import type { CompiledRules, CompiledTrigger } from "../compile.js";
import { finding, type RuleContext } from "../context.js";
import { type BodyMention, findBodies, isSelf, normalise, type Owner } from "../owner.js";
import { type Clause, readClause } from "../progress.js";
import { CAT, type Marker } from "../scan.js";
import { clauseSpans, fill, quoteSentence, type Span, sentences } from "../text.js";
import type { AssuredAction, Finding } from "../types.js";

interface Hit {
  clause: string;
  kind: "other" | "self" | "onDemand";
  body: string | null;
}

const HEAD_END = /[,;:.()]|\s(?:who|which|that|to|as|because|until|when|if|so|before|while|where)\s/i;
const PROVIDED_BY =
  /^[^.;]*?,?\s*(?:which|who)\s+(?:is|are)\s+(?:now\s+)?(?:provided|run|managed|delivered|commissioned|hosted|employed|led)\s+by\s+([^.;]+)/i;
/** What may stand between a body and "to lead" / "'s responsibility": "The ICB has agreed to lead". */
const NEAR_GAP =
  /^(?:['’]s)?\s*(?:(?:has|have|had|will|would|is|are|was|were|now|also|already|formally|itself|themselves|then)\s+)*$/i;
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
  const rules = ctx.rules;
  // Most actions carry none of the words any hand-over needs; those are not read further.
  const facts = ctx.facts(action);
  const actionMay = mayDeflect(action.action, facts.actionMarkers);
  const progressMay = mayDeflect(action.progress, facts.progressMarkers);
  if (!actionMay && !progressMay) return null;
  const owner = facts.owner;

  const actionSpans = actionMay ? clauseSpans(action.action) : [];
  const actionHits = hitsIn(action.action, actionSpans, facts.actionMarkers, true, owner, rules);
  // Same edges as the progress reading's clauses, so a hit's index is the index of its clause there.
  const progressHits = progressMay
    ? hitsIn(action.progress, clauseSpans(action.progress), facts.progressMarkers, false, owner, rules)
    : new Map<number, Hit>();
  if (actionHits.size === 0 && progressHits.size === 0) return null;
  const hits = [...actionHits.values(), ...progressHits.values()];

  // The agency's own deeds: progress clauses that report something done or committed to, and, where the
  // action text itself hands the work away, the rest of the action text.
  const progressClauses = facts.progress.clauses;
  for (let i = 0; i < progressClauses.length; i++) {
    const c = progressClauses[i];
    if (c && !progressHits.has(i) && isOwnDeed(c, owner, rules)) return null;
  }
  if (actionHits.size > 0) {
    for (let i = 0; i < actionSpans.length; i++) {
      const text = actionSpans[i]?.text;
      if (text && !actionHits.has(i) && isOwnDeed(readClause(text, rules), owner, rules)) return null;
    }
  }

  const hit = hits.find((h) => h.kind === "other") ?? hits[0];
  if (!hit) return null;
  const w = rules.data.wording.deflected;
  const text = `${action.action}\n${action.progress}`;
  const q = quoteSentence(sentenceOf(hit.clause, text), 160);
  const org = owner.short;
  const template =
    hit.kind === "other" ? w.reason.other : hit.kind === "self" ? w.reason.self : w.reason.onDemand;
  const reason = fill(template, { quote: q, body: hit.body ?? "another body", org });
  const question = fill(w.question, { quote: q, org });
  return finding(action, "deflected", w.severity, reason, question);
}

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
  const scan = rules.triggerScan;
  scan.lastIndex = 0;
  try {
    for (let m = scan.exec(clause); m; m = scan.exec(clause)) {
      if (m[0].length === 0) scan.lastIndex++;
      let first = rules.triggers.length;
      for (let i = 0; i < rules.triggers.length; i++) {
        if (m[rules.triggerGroup[i] as number] !== undefined) {
          first = i;
          break;
        }
      }
      for (let i = first; i < rules.triggers.length; i++) {
        const t = rules.triggers[i];
        if (!t || (t.trigger.actionOnly && !isAction)) continue;
        t.at.lastIndex = m.index;
        const own = t.at.exec(clause);
        if (!own) continue;
        const hit = judge(t, own, clause, owner, rules);
        if (hit) return hit;
      }
      scan.lastIndex = m.index + 1;
    }
    return null;
  } finally {
    scan.lastIndex = 0;
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
      body = findBodies(head, rules, false)[0] ?? null;
      source = head;
      if (!body) {
        const via = PROVIDED_BY.exec(rest);
        if (via?.[1]) {
          source = via[1];
          body = findBodies(via[1], rules, false)[0] ?? null;
        }
      }
      break;
    }
    case "window": {
      const rest = firstWords(clause.slice(m.index + m[0].length), 12);
      source = rest;
      body = findBodies(rest, rules, false)[0] ?? null;
      break;
    }
    case "group": {
      source = m[1] ?? "";
      body = findBodies(source, rules, m.index === 0)[0] ?? null;
      break;
    }
    case "before":
    case "beforeSelfOrNone": {
      source = clause.slice(0, m.index);
      const all = findBodies(source, rules);
      body = all[all.length - 1] ?? null;
      if (body && t.trigger.near && !NEAR_GAP.test(source.slice(body.end))) body = null;
      if (where === "beforeSelfOrNone") {
        if (!body || isSelf(body.text, owner, rules)) return { clause, kind, body: null };
        return null;
      }
      break;
    }
  }
  if (!body) return null;
  const self = isSelf(body.text, owner, rules);
  if (kind === "self") return self ? { clause, kind, body: body.text } : null;
  if (self) return null;
  if (organisationOnly && rules.sectorBodies.has(normalise(body.text))) return null;
  return { clause, kind, body: withArticle(body, source) };
}

/** "the CCG", "NHS Digital", "commissioners": the body as the plan names it, with its "the" if it had one. */
function withArticle(body: BodyMention, source: string): string {
  const before = source.slice(Math.max(0, body.index - 4), body.index);
  // "Commissioners to review…" names commissioners, not a body called "Commissioners".
  const text = /^[A-Z][a-z]+$/.test(body.text) ? body.text.toLowerCase() : body.text;
  return /\bthe\s$/i.test(before) ? `the ${text}` : text;
}

/**
 * A clause in which the agency itself did or commits to do something: a delivery verb used as a verb,
 * with no other body as its subject or agent, not conditional on someone else, and more than supplying
 * data, attending when invited or supporting another body's work.
 */
function isOwnDeed(clause: Clause, owner: Owner, rules: CompiledRules): boolean {
  const { kind, text } = clause;
  if (kind !== "delivered" && kind !== "intent" && kind !== "ongoing") return false;
  if (rules.waiting.test(text)) return false;
  let at = kind === "delivered" ? clause.deliveredAt : -1;
  for (const marker of clause.markers) {
    if ((marker.mask & CAT.concreteVerb) === 0) continue;
    const index = marker.index - clause.offset;
    if (at >= 0 && index > at) break;
    if (FUTURE_BEFORE.test(text.slice(Math.max(0, index - 30), index))) {
      at = index;
      break;
    }
  }
  if (at < 0) return false;
  if (rules.weakDeed.test(text.slice(at, at + 80))) return false;
  const subject = findBodies(text.slice(0, at), rules);
  if (subject.some((b) => !isSelf(b.text, owner, rules))) return false;
  const agent = /\bby\s+(.{1,60})/i.exec(text.slice(at));
  if (agent?.[1]) {
    const by = findBodies(agent[1], rules, false)[0];
    if (by && !isSelf(by.text, owner, rules)) return false;
  }
  return true;
}

function sentenceOf(clause: string, text: string): string {
  const probe = clause.slice(0, 40);
  return sentences(text).find((s) => s.includes(probe)) ?? clause;
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
