import type { ParsedAction, ParsedPlan } from "../../domain/plan.js";
import { isClosed } from "../../domain/status.js";
import { ImportError } from "../../import/errors.js";
import type { AssessFn, ParseFn } from "../deps.js";
import type { RaisedFinding } from "../store.js";

/** Test helpers: plans built in code, a parser of JSON plans and a tiny assurance engine. */

export function parsedAction(over: Partial<ParsedAction> & { ref: string }): ParsedAction {
  const organisations =
    over.organisations ?? (over.organisation ? [over.organisation] : ["Thames Valley Police"]);
  return {
    section: "Section 1",
    organisation: organisations[0] ?? null,
    organisations,
    finding: `Finding ${over.ref}`,
    action: `Action ${over.ref}`,
    lead: "A Lead",
    due: "2020-06-30",
    dueText: "End June 2020",
    status: "on-track",
    statusText: "Green",
    progress: "Work is under way.",
    evidenceOfImpact: "",
    lastUpdate: "2020-03-01",
    where: `row ${over.ref}`,
    ...over,
  };
}

export function parsedPlan(actions: ParsedAction[], over: Partial<ParsedPlan["plan"]> = {}): ParsedPlan {
  const sections = [...new Set(actions.map((a) => a.section))].map((name) => ({
    name,
    organisation: actions.find((a) => a.section === name)?.organisation ?? null,
  }));
  return {
    plan: {
      title: "JTAI action plan",
      asOf: "2020-03-26",
      version: "FINAL",
      ragKey: [
        { label: "Significant risk", colour: "FF0000", word: "Red", status: "significant-risk" },
        { label: "On track", colour: "00B050", word: "Green", status: "on-track" },
      ],
      source: { kind: "jtai", title: "Joint targeted area inspection" },
      ...over,
    },
    sections,
    actions,
    warnings: [{ where: "table 2, row 4", message: "Colour C0C0C0 is not in the key" }],
  };
}

/** Reads a plan written as JSON (the shape of ParsedPlan); anything else is "not an action plan". */
export const jsonParse: ParseFn = async (bytes, fileName) => {
  try {
    const plan = JSON.parse(bytes.toString("utf8")) as ParsedPlan;
    if (!Array.isArray(plan.actions)) throw new Error("no actions");
    return plan;
  } catch {
    throw new ImportError(fileName, "no header row was found in any table");
  }
};

/** Raises `overdue` and `not-smart` only: enough to see findings appear and resolve. */
export const simpleAssess: AssessFn = ({ plan, actions, asOf }) => {
  const out: RaisedFinding[] = [];
  for (const a of actions) {
    const base = {
      actionId: a.id,
      section: a.section,
      organisation: a.organisations[0]?.name ?? null,
      ref: a.ref,
    };
    if (a.due && a.due < asOf && !isClosed(a.status)) {
      out.push({
        ...base,
        kind: "overdue",
        severity: "high",
        reason: `Due on ${a.due} and rated ${a.statusText} in ${plan.title}`,
        question: `Please provide an update on action ${a.ref}, which was due on ${a.due}.`,
      });
    }
    if (!a.lead.trim()) {
      out.push({
        ...base,
        kind: "not-smart",
        severity: "medium",
        reason: "No lead is named",
        question: `Who leads action ${a.ref}?`,
      });
    }
  }
  return out;
};
