import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsedAction, parsedPlan } from "../../services/testing/fixtures.js";
import { buildWorld, type World } from "../../services/testing/harness.js";
import { Browser, testApp } from "../test-helpers.js";
import { openApiDocument } from "./openapi.js";

let app: FastifyInstance;
let w: World;
const tokens: Record<string, string> = {};
beforeEach(async () => {
  w = await buildWorld();
  app = await testApp(w.services);
  for (const role of ["admin", "editor", "otherEditor", "scrutineer", "viewer"] as const) {
    tokens[role] = await w.services.auth.issueApiToken(w.users[role]);
  }
});
afterEach(async () => {
  await app.close();
});

function call(
  role: string | null,
  method: "GET" | "POST",
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}), ...headers },
    ...(payload === undefined ? {} : Buffer.isBuffer(payload) ? { payload } : { payload: payload as object }),
  });
}

const update = (over: Record<string, unknown> = {}) => ({
  status: "completed",
  progress: "Delivered to 40 staff.",
  date: "2021-01-14",
  rowVersion: 1,
  ...over,
});

describe("authentication", () => {
  it("answers 401 without a token, with a wrong one, and to a session cookie", async () => {
    expect((await call(null, "GET", "/plans")).statusCode).toBe(401);
    const wrong = await app.inject({
      method: "GET",
      url: "/api/v1/plans",
      headers: { authorization: "Bearer assure_nope" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers["www-authenticate"]).toContain("Bearer");
    expect(wrong.json()).toMatchObject({ error: { status: 401 } });
    const b = new Browser(app);
    await b.signIn(w.users.admin.email, w.passwords[w.users.admin.email] ?? "");
    expect((await b.get("/api/v1/plans")).statusCode).toBe(401);
  });

  it("stops working when the user is disabled", async () => {
    await w.services.users.setDisabled(w.users.admin, w.users.viewer.id, true);
    expect((await call("viewer", "GET", "/plans")).statusCode).toBe(401);
  });
});

describe("reading", () => {
  it("lists plans, a plan, its actions (filtered), an action, its updates and findings", async () => {
    const plans = (await call("viewer", "GET", "/plans")).json();
    expect(plans.plans[0]).toMatchObject({ id: w.planId, actionCount: 4 });
    expect((await call("viewer", "GET", `/plans/${w.planId}`)).json().plan.reviewCadenceDays).toBe(90);
    const actions = (
      await call(
        "viewer",
        "GET",
        `/plans/${w.planId}/actions?organisation=${w.orgs.police}&sort=due&order=desc`,
      )
    ).json();
    expect(actions.actions.map((a: { ref: string }) => a.ref)).toEqual(["3", "1"]);
    const action = (await call("viewer", "GET", `/actions/${w.actions["1"]}`)).json().action;
    expect(action).toMatchObject({ ref: "1", canUpdate: false, rowVersion: 1 });
    expect(action.findings[0].kind).toBe("overdue");
    const updates = (await call("viewer", "GET", `/actions/${w.actions["1"]}/updates`)).json();
    expect(updates.updates[0].source).toBe("import");
    const findings = (await call("viewer", "GET", "/findings?kind=not-smart")).json();
    expect(findings.findings.map((f: { ref: string }) => f.ref)).toEqual(["4"]);
  });

  it("refuses unknown filter values with a 400 naming the parameter", async () => {
    const res = await call("viewer", "GET", `/plans/${w.planId}/actions?status=green`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.problems[0].field).toBe("status");
  });

  it("answers 404 in JSON for unknown things", async () => {
    const res = await call("viewer", "GET", "/actions/nope");
    expect(res.statusCode).toBe(404);
    expect(res.json().error.status).toBe(404);
    expect((await call("viewer", "GET", "/nothing-here")).json().error.status).toBe(404);
  });
});

describe("updates", () => {
  it("lets the owning agency add an update, then refuses a stale rowVersion with 409", async () => {
    const ok = await call("editor", "POST", `/actions/${w.actions["1"]}/updates`, update());
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ rowVersion: 2 });
    const stale = await call(
      "admin",
      "POST",
      `/actions/${w.actions["1"]}/updates`,
      update({ progress: "Other" }),
    );
    expect(stale.statusCode).toBe(409);
    expect((await w.store.actions.get(w.actions["1"] ?? ""))?.progress).toBe("Delivered to 40 staff.");
  });

  it("refuses another agency's action with 403 and changes nothing", async () => {
    const res = await call("otherEditor", "POST", `/actions/${w.actions["1"]}/updates`, update());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.title).toBe("You do not have permission");
    expect(await w.store.actions.history(w.actions["1"] ?? "")).toHaveLength(1);
  });

  it("validates the body with every problem named", async () => {
    const res = await call("editor", "POST", `/actions/${w.actions["1"]}/updates`, {
      status: "green",
      progress: "",
      date: "31/01/2021",
      rowVersion: "1",
      extra: true,
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(["status", "progress", "date", "rowVersion"]));
    const notJson = await call("editor", "POST", `/actions/${w.actions["1"]}/updates`, "status=completed", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(notJson.statusCode).toBe(400);
  });
});

describe("imports", () => {
  const plan = parsedPlan([parsedAction({ ref: "Z1" })], { title: "API plan" });
  const bytes = Buffer.from(JSON.stringify(plan));

  it("previews with dryRun and stores nothing, then imports", async () => {
    const dry = await call("admin", "POST", "/imports?fileName=plan.json&dryRun=true", bytes, {
      "content-type": "application/octet-stream",
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().preview.parsed.plan.title).toBe("API plan");
    expect(await w.store.plans.list()).toHaveLength(1);
    const real = await call("admin", "POST", "/imports?fileName=plan.json", bytes, {
      "content-type": "application/octet-stream",
    });
    expect(real.statusCode).toBe(201);
    expect(real.json().warnings).toHaveLength(1);
    expect(await w.store.plans.list()).toHaveLength(2);
  });

  it("shows what a new version would change", async () => {
    const res = await call(
      "admin",
      "POST",
      `/imports?fileName=plan.json&dryRun=true&planId=${w.planId}`,
      bytes,
      {
        "content-type": "application/octet-stream",
      },
    );
    expect(res.json().preview.diff.withdrawn).toHaveLength(4);
  });

  it("refuses non-admins and unreadable files", async () => {
    const res = await call("editor", "POST", "/imports?fileName=plan.json", bytes, {
      "content-type": "application/octet-stream",
    });
    expect(res.statusCode).toBe(403);
    const bad = await call("admin", "POST", "/imports?fileName=plan.docx", Buffer.from("nope"), {
      "content-type": "application/octet-stream",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems[0].message).toContain("could not be read as an action plan");
    const big = await call("admin", "POST", "/imports?fileName=big.csv", Buffer.alloc(300 * 1024, 65), {
      "content-type": "application/octet-stream",
    });
    expect(big.statusCode).toBe(413);
    expect(await w.store.plans.list()).toHaveLength(1);
  });
});

describe("OpenAPI document", () => {
  it("is served without a token as OpenAPI 3.1 and documents only routes that exist", async () => {
    const res = await call(null, "GET", "/openapi.json");
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) {
        const url = `/api/v1${path.replace(/\{(\w+)\}/g, ":$1")}`;
        expect(app.hasRoute({ method: method.toUpperCase() as "GET", url }), `${method} ${url}`).toBe(true);
      }
    }
    expect(doc.components.schemas.ActionUpdateRequest.required).toEqual([
      "status",
      "progress",
      "date",
      "rowVersion",
    ]);
  });

  it("resolves every $ref it uses", () => {
    const doc = openApiDocument();
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const r of new Set(refs)) {
      expect(doc.components.schemas[r.split("/").pop() ?? ""], r).toBeDefined();
    }
  });
});
