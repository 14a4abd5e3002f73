import type { FastifyPluginAsync } from "fastify";
import { isStatus, STATUS_LABELS, STATUSES } from "../../domain/status.js";
import {
  ACTION_SORTS,
  type ActionFilter,
  type ActionSort,
  type ActionSummary,
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  isFindingKind,
  type Services,
} from "../../services/types.js";
import { applyActionFilter } from "../../services/views.js";
import { govukDate, STATUS_TAG_CLASSES } from "../filters.js";
import { queryValue } from "../forms.js";
import { pageNumber, pagination } from "../pagination.js";
import { userOf } from "./helpers.js";

const SORT_LABELS: Record<ActionSort, string> = {
  ref: "Ref",
  organisation: "Organisation",
  lead: "Lead",
  due: "Due",
  status: "Status",
  lastUpdate: "Last update",
  findings: "Findings",
};

/** Reads the plan page's GET filter form; anything unrecognised is ignored rather than refused. */
export function readActionFilter(query: unknown): ActionFilter {
  const organisationId = queryValue(query, "organisation");
  const status = queryValue(query, "status");
  const kind = queryValue(query, "kind");
  const sort = queryValue(query, "sort");
  const order = queryValue(query, "order");
  return {
    ...(organisationId ? { organisationId } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(isFindingKind(kind) ? { findingKind: kind } : {}),
    sort: (ACTION_SORTS as readonly string[]).includes(sort) ? (sort as ActionSort) : "ref",
    order: order === "desc" ? "desc" : "asc",
  };
}

/** One row of the plan page's table, every value already in words, so the template only places them. */
export interface ActionRow {
  id: string;
  ref: string;
  section: string;
  owners: string;
  lead: string;
  due: string;
  statusClass: string;
  statusLabel: string;
  lastUpdate: string;
  findings: string[];
}

/**
 * A plan can have hundreds of actions; wording each row here rather than through template filters and
 * nested loops keeps the page's rendering time down (each filter call and loop costs more in Nunjucks
 * than the row itself).
 */
export function actionRow(a: ActionSummary): ActionRow {
  return {
    id: a.id,
    ref: a.ref || "(no ref)",
    section: a.section,
    owners: a.organisations.length ? a.organisations.map((o) => o.name).join(", ") : "Not known",
    lead: a.lead || "None named",
    due: a.due ? govukDate(a.due) : a.dueText || "No date",
    statusClass: STATUS_TAG_CLASSES[a.status] ?? "govuk-tag--grey",
    statusLabel: STATUS_LABELS[a.status] ?? a.status,
    lastUpdate: a.lastUpdate ? govukDate(a.lastUpdate) : "None",
    findings: a.findingKinds.map((k) => FINDING_KIND_LABELS[k] ?? k),
  };
}

/**
 * Rows on one page of the plan's table. A plan can have hundreds of actions, and rendering and sending
 * every row is most of what the page costs; `?all=1` still shows every matching action on one page (to
 * print or search it), and filters and sorting always work over the whole plan.
 */
export const ACTIONS_PAGE_SIZE = 50;

/** The table's filters, sort and page size as a query string ("" or "?…"); the page number is left out. */
function tableQuery(filter: ActionFilter, all: boolean, over: Partial<ActionFilter> = {}): string {
  const f = { ...filter, ...over };
  const q = new URLSearchParams();
  if (f.organisationId) q.set("organisation", f.organisationId);
  if (f.status) q.set("status", f.status);
  if (f.findingKind) q.set("kind", f.findingKind);
  if (f.sort && f.sort !== "ref") q.set("sort", f.sort);
  if (f.order === "desc") q.set("order", "desc");
  if (all) q.set("all", "1");
  const s = q.toString();
  return s ? `?${s}` : "";
}

export function planRoutes(services: Services): FastifyPluginAsync {
  return async (app) => {
    app.get("/plans", async (_request, reply) => reply.redirect("/", 303));

    app.get<{ Params: { planId: string } }>("/plans/:planId", async (request, reply) => {
      const user = userOf(request);
      const filter = readActionFilter(request.query);
      const { plan, actions: allActions } = await services.plans.page(user, request.params.planId);
      // Filtering a plan's few hundred actions here saves the service a second read of them.
      const actions = applyActionFilter(allActions, filter);
      const organisations = new Map<string, string>();
      for (const a of allActions) for (const o of a.organisations) organisations.set(o.id, o.name);
      const all = queryValue(request.query, "all") === "1";
      const base = `/plans/${encodeURIComponent(plan.id)}`;
      const sortHeaders = ACTION_SORTS.map((key) => {
        const current = filter.sort === key;
        const nextOrder = current && filter.order === "asc" ? "desc" : "asc";
        return {
          key,
          label: SORT_LABELS[key],
          href: `${base}${tableQuery(filter, all, { sort: key, order: nextOrder })}`,
          ariaSort: current ? (filter.order === "desc" ? "descending" : "ascending") : "none",
        };
      });
      const totalPages = all ? 1 : Math.max(1, Math.ceil(actions.length / ACTIONS_PAGE_SIZE));
      const page = Math.min(pageNumber(queryValue(request.query, "page")), totalPages);
      const first = (page - 1) * ACTIONS_PAGE_SIZE;
      const shown = all ? actions : actions.slice(first, first + ACTIONS_PAGE_SIZE);
      return reply.render("pages/plan.njk", {
        pageTitle: plan.title,
        plan,
        imported: queryValue(request.query, "imported") === "1",
        actions: shown.map(actionRow),
        matchingActions: actions.length,
        totalActions: allActions.length,
        firstShown: shown.length ? first + 1 : 0,
        lastShown: first + shown.length,
        pagination: pagination(
          base,
          new URLSearchParams(tableQuery(filter, false)),
          page,
          totalPages,
          "#actions",
        ),
        showAllHref: totalPages > 1 ? `${base}${tableQuery(filter, true)}#actions` : null,
        pagedHref:
          all && actions.length > ACTIONS_PAGE_SIZE ? `${base}${tableQuery(filter, false)}#actions` : null,
        pageSize: ACTIONS_PAGE_SIZE,
        showingAll: all,
        filter,
        filtered: !!(filter.organisationId || filter.status || filter.findingKind),
        sortHeaders,
        organisationItems: [
          { value: "", text: "All organisations" },
          ...[...organisations]
            .sort((a, b) => a[1].localeCompare(b[1]))
            .map(([value, text]) => ({ value, text, selected: value === filter.organisationId })),
        ],
        statusItems: [
          { value: "", text: "All statuses" },
          ...STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], selected: s === filter.status })),
        ],
        kindItems: [
          { value: "", text: "Any or none" },
          ...FINDING_KINDS.map((k) => ({
            value: k,
            text: FINDING_KIND_LABELS[k],
            selected: k === filter.findingKind,
          })),
        ],
      });
    });
  };
}
