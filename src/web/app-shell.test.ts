import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../services/testing/harness.js";
import type { Services } from "../services/types.js";
import { Browser, testApp } from "./test-helpers.js";

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function start(over: (w: World) => Partial<Services> = () => ({})): Promise<{ w: World; b: Browser }> {
  const w = await buildWorld();
  app = await testApp({ ...w.services, ...over(w) });
  return { w, b: new Browser(app) };
}

describe("app shell", () => {
  it("answers /health with JSON", async () => {
    const { b } = await start();
    const res = await b.get("/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", checks: { database: "ok" } });
  });

  it("reports an unreachable database on /health with 503", async () => {
    const { b } = await start((w) => ({
      health: { check: async () => ({ database: "unavailable" as const }) },
      plans: w.services.plans,
    }));
    expect((await b.get("/health")).statusCode).toBe(503);
  });

  it("renders the GOV.UK layout: skip link, service name, phase banner, footer", async () => {
    const { b } = await start();
    const res = await b.get("/sign-in");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    const html = res.body;
    expect(html).toContain('<html lang="en" class="govuk-template">');
    expect(html).toContain('href="#main-content"');
    expect(html).toContain('id="main-content"');
    expect(html).toMatch(/govuk-service-navigation__service-name[\s\S]*Assure/);
    expect(html).toContain("govuk-phase-banner");
    expect(html).toContain("govuk-footer");
    expect(html).toContain("<title>Sign in – Assure</title>");
  });

  it("sends a strict CSP and has no inline script or style", async () => {
    const { b } = await start();
    const res = await b.get("/sign-in");
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.body).not.toMatch(/\sstyle="/);
    expect(res.body).not.toMatch(/\son[a-z]+="/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("serves govuk-frontend's compiled CSS, JS and assets, and nothing else of the package", async () => {
    const { b } = await start();
    const css = await b.get("/govuk/govuk-frontend.min.css");
    expect(css.statusCode).toBe(200);
    expect(css.headers["content-type"]).toContain("text/css");
    expect((await b.get("/govuk/govuk-frontend.min.js")).statusCode).toBe(200);
    expect((await b.get("/assets/images/favicon.svg")).statusCode).toBe(200);
    expect((await b.get("/static/app.js")).body).toContain("initAll");
    expect((await b.get("/govuk/index.scss")).statusCode).toBe(404);
    expect((await b.get("/govuk/../../package.json")).statusCode).toBe(404);
  });

  it("shows its own 404 page", async () => {
    const { b } = await start();
    const res = await b.get("/no-such-page");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("Page not found");
    expect(res.body).toContain("govuk-template");
  });

  it("sends people who are not signed in to sign in, and back afterwards", async () => {
    const { w, b } = await start();
    const res = await b.get(`/plans/${w.planId}?status=on-track`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      `/sign-in?returnTo=${encodeURIComponent(`/plans/${w.planId}?status=on-track`)}`,
    );
  });

  it("shows its own 500 page without any detail of the failure", async () => {
    const { w, b } = await start((w) => ({
      plans: {
        ...w.services.plans,
        dashboard: async () => {
          throw new Error("SECRET internal detail at /srv/app.js:12");
        },
      },
    }));
    await b.signIn(w.users.viewer.email, w.passwords[w.users.viewer.email] ?? "");
    const res = await b.get("/");
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain("Sorry, there is a problem with the service");
    expect(res.body).not.toContain("SECRET");
    expect(res.body).not.toContain("app.js:12");
  });
});
