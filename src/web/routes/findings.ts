import type { FastifyPluginAsync } from "fastify";
import {
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  type FindingFilter,
  isFindingKind,
  type Services,
} from "../../services/types.js";
import { queryValue } from "../forms.js";
import { pageNumber, pagination } from "../pagination.js";
import { userOf } from "./helpers.js";

const PAGE_SIZE = 50;

export function findingRoutes(services: Services): FastifyPluginAsync {
  return async (app) => {
    app.get("/findings", async (request, reply) => {
      const user = userOf(request);
      const planId = queryValue(request.query, "planId");
      const organisationId = queryValue(request.query, "organisation");
      const kind = queryValue(request.query, "kind");
      const filter: FindingFilter = {
        ...(planId ? { planId } : {}),
        ...(organisationId ? { organisationId } : {}),
        ...(isFindingKind(kind) ? { kind } : {}),
      };
      const [findings, plans, organisations] = await Promise.all([
        services.findings.listOpen(user, filter),
        services.plans.list(user),
        services.organisations.list(user),
      ]);
      const totalPages = Math.max(1, Math.ceil(findings.length / PAGE_SIZE));
      const page = Math.min(pageNumber(queryValue(request.query, "page")), totalPages);
      const query = new URLSearchParams();
      if (filter.planId) query.set("planId", filter.planId);
      if (filter.organisationId) query.set("organisation", filter.organisationId);
      if (filter.kind) query.set("kind", filter.kind);
      return reply.render("pages/findings.njk", {
        pageTitle: "Open findings",
        findings: findings.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        total: findings.length,
        firstShown: findings.length ? (page - 1) * PAGE_SIZE + 1 : 0,
        lastShown: Math.min(page * PAGE_SIZE, findings.length),
        pagination: pagination("/findings", query, page, totalPages),
        filtered: Object.keys(filter).length > 0,
        planItems: [
          { value: "", text: "All plans" },
          ...plans.map((p) => ({ value: p.id, text: p.title, selected: p.id === filter.planId })),
        ],
        organisationItems: [
          { value: "", text: "All organisations" },
          ...organisations.map((o) => ({
            value: o.id,
            text: o.name,
            selected: o.id === filter.organisationId,
          })),
        ],
        kindItems: [
          { value: "", text: "All kinds" },
          ...FINDING_KINDS.map((k) => ({
            value: k,
            text: FINDING_KIND_LABELS[k],
            selected: k === filter.kind,
          })),
        ],
        reportQuery: filter.planId ? `?planId=${encodeURIComponent(filter.planId)}` : "",
      });
    });

    app.get("/scrutiny", async (request, reply) => {
      const user = userOf(request);
      const planId = queryValue(request.query, "planId");
      const [groups, plans] = await Promise.all([
        services.findings.questionsByOrganisation(user, planId ? { planId } : {}),
        services.plans.list(user),
      ]);
      return reply.render("pages/scrutiny.njk", {
        pageTitle: "Scrutiny questions",
        groups,
        planItems: [
          { value: "", text: "All plans" },
          ...plans.map((p) => ({ value: p.id, text: p.title, selected: p.id === planId })),
        ],
        reportQuery: planId ? `?planId=${encodeURIComponent(planId)}` : "",
      });
    });
  };
}
