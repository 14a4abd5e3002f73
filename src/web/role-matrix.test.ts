import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsedAction, parsedPlan } from "../services/testing/fixtures.js";
import { buildWorld, type World } from "../services/testing/harness.js";
import { Browser, testApp } from "./test-helpers.js";

/**
 * Every route, page and API, for every role and for no one signed in: allowed or refused, and a refused
 * request leaves the stored data exactly as it was.
 */

type Who = "admin" | "editor" | "otherEditor" | "scrutineer" | "viewer";
const EVERYONE: Who[] = ["admin", "editor", "otherEditor", "scrutineer", "viewer"];
const ALL_AND_ANONYMOUS: (Who | "anonymous")[] = [...EVERYONE, "anonymous"];

interface Case {
  name: string;
  method: "GET" | "POST";
  api?: boolean;
  /** Prepares what the request needs (an open challenge, a staged upload…), returning values for url/body. */
  setup?: (w: World, who: Who) => Promise<Record<string, string>>;
  url: (w: World, ctx: Record<string, string>) => string;
  body?: (
    w: World,
    ctx: Record<string, string>,
  ) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Sent as multipart/form-data with this file. */
  file?: { field: string; fileName: string; bytes: Buffer };
  /** Sent as the raw body (API imports). */
  raw?: Buffer;
  allowed: Who[];
  /** Reads whose answer is not a 2xx (none today); writes must change data when allowed. */
  write?: boolean;
}

const pdf = Buffer.from("%PDF-1.7\nevidence\n");
const planBytes = Buffer.from(
  JSON.stringify(parsedPlan([parsedAction({ ref: "M1" })], { title: "Matrix plan" })),
);
let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}`;

async function rowVersion(w: World, ref: string): Promise<number> {
  return (await w.store.actions.get(w.actions[ref] ?? ""))?.rowVersion ?? 0;
}

async function openChallenge(w: World): Promise<Record<string, string>> {
  const c = await w.services.challenges.create(w.users.scrutineer, {
    actionId: w.actions["1"] ?? "",
    findingId: null,
    text: "Why?",
  });
  return { challengeId: c.id };
}

async function stagedUpload(w: World): Promise<Record<string, string>> {
  const p = await w.services.imports.stage(
    w.users.admin,
    { fileName: "m.json", bytes: planBytes },
    { kind: "new" },
  );
  return { stagedId: p.id };
}

async function attachment(w: World): Promise<Record<string, string>> {
  const id = w.actions["2"] ?? "";
  const v = (await w.store.actions.get(id))?.rowVersion ?? 1;
  await w.services.actions.update(w.users.admin, id, {
    status: "completed",
    progress: "Filed",
    evidence: "",
    date: "2021-01-10",
    rowVersion: v,
    attachments: [{ fileName: "e.pdf", declaredType: "application/pdf", bytes: pdf }],
  });
  const history = await w.store.actions.history(id);
  return { attachmentId: history[0]?.attachments[0]?.id ?? "" };
}

const updateForm = (ref: string) => async (w: World) => ({
  status: "minor-risk",
  progress: `Progress ${unique("p")}`,
  "date-day": "14",
  "date-month": "1",
  "date-year": "2021",
  rowVersion: String(await rowVersion(w, ref)),
});

const updateJson = (ref: string) => async (w: World) => ({
  status: "minor-risk",
  progress: `Progress ${unique("p")}`,
  date: "2021-01-14",
  rowVersion: await rowVersion(w, ref),
});

const pages: Case[] = [
  { name: "dashboard", method: "GET", url: () => "/", allowed: EVERYONE },
  { name: "plans (to the dashboard)", method: "GET", url: () => "/plans", allowed: EVERYONE },
  { name: "admin (to users)", method: "GET", url: () => "/admin", allowed: ["admin"] },
  { name: "plan", method: "GET", url: (w) => `/plans/${w.planId}`, allowed: EVERYONE },
  { name: "action", method: "GET", url: (w) => `/actions/${w.actions["1"]}`, allowed: EVERYONE },
  {
    name: "attachment",
    method: "GET",
    setup: attachment,
    url: (_w, c) => `/attachments/${c.attachmentId}`,
    allowed: EVERYONE,
  },
  { name: "findings", method: "GET", url: () => "/findings", allowed: EVERYONE },
  { name: "scrutiny", method: "GET", url: () => "/scrutiny", allowed: EVERYONE },
  { name: "challenges", method: "GET", url: () => "/challenges", allowed: EVERYONE },
  { name: "scrutiny report", method: "GET", url: () => "/reports/scrutiny.docx", allowed: EVERYONE },
  { name: "findings report", method: "GET", url: () => "/reports/findings.xlsx", allowed: EVERYONE },
  { name: "account", method: "GET", url: () => "/account", allowed: EVERYONE },
  { name: "import form", method: "GET", url: () => "/imports/new", allowed: ["admin"] },
  {
    name: "import preview",
    method: "GET",
    setup: stagedUpload,
    url: (_w, c) => `/imports/${c.stagedId}`,
    allowed: ["admin"],
  },
  { name: "users", method: "GET", url: () => "/admin/users", allowed: ["admin"] },
  { name: "new user", method: "GET", url: () => "/admin/users/new", allowed: ["admin"] },
  { name: "organisations", method: "GET", url: () => "/admin/organisations", allowed: ["admin"] },
  { name: "audit", method: "GET", url: () => "/admin/audit", allowed: ["admin"] },
  {
    name: "update a police action",
    method: "POST",
    write: true,
    url: (w) => `/actions/${w.actions["1"]}/updates`,
    body: updateForm("1"),
    allowed: ["admin", "editor"],
  },
  {
    name: "update a hospital action",
    method: "POST",
    write: true,
    url: (w) => `/actions/${w.actions["2"]}/updates`,
    body: updateForm("2"),
    allowed: ["admin", "otherEditor"],
  },
  {
    name: "update a joint council and police action",
    method: "POST",
    write: true,
    url: (w) => `/actions/${w.actions["3"]}/updates`,
    body: updateForm("3"),
    allowed: ["admin", "editor"],
  },
  {
    name: "update with a file",
    method: "POST",
    write: true,
    url: (w) => `/actions/${w.actions["1"]}/updates`,
    body: updateForm("1"),
    file: { field: "attachments", fileName: "e.pdf", bytes: pdf },
    allowed: ["admin", "editor"],
  },
  {
    name: "raise a challenge",
    method: "POST",
    write: true,
    url: (w) => `/actions/${w.actions["1"]}/challenges`,
    body: () => ({ text: "Where is the evidence?" }),
    allowed: ["admin", "scrutineer"],
  },
  {
    name: "resolve a challenge",
    method: "POST",
    write: true,
    setup: openChallenge,
    url: (_w, c) => `/challenges/${c.challengeId}/resolve`,
    body: () => ({ state: "answered", note: "Seen" }),
    allowed: ["admin", "scrutineer"],
  },
  {
    name: "upload a plan",
    method: "POST",
    write: true,
    url: () => "/imports",
    body: () => ({ target: "new" }),
    file: { field: "file", fileName: "m.json", bytes: planBytes },
    allowed: ["admin"],
  },
  {
    name: "confirm an import",
    method: "POST",
    write: true,
    setup: stagedUpload,
    url: (_w, c) => `/imports/${c.stagedId}/confirm`,
    body: () => ({ target: "new" }),
    allowed: ["admin"],
  },
  {
    name: "discard an import",
    method: "POST",
    write: true,
    setup: stagedUpload,
    url: (_w, c) => `/imports/${c.stagedId}/discard`,
    body: () => ({}),
    allowed: ["admin"],
  },
  {
    name: "add an organisation",
    method: "POST",
    write: true,
    url: () => "/admin/organisations",
    body: () => ({ name: unique("Agency") }),
    allowed: ["admin"],
  },
  {
    name: "add an alias",
    method: "POST",
    write: true,
    url: (w) => `/admin/organisations/${w.orgs.council}/aliases`,
    body: () => ({ alias: unique("MKC") }),
    allowed: ["admin"],
  },
  {
    name: "remove an alias",
    method: "POST",
    write: true,
    setup: async (w) => {
      const alias = unique("TVP");
      await w.services.organisations.addAlias(w.users.admin, w.orgs.police, alias);
      return { alias };
    },
    url: (w) => `/admin/organisations/${w.orgs.police}/aliases/remove`,
    body: (_w, c) => ({ alias: c.alias }),
    allowed: ["admin"],
  },
  {
    name: "add a user",
    method: "POST",
    write: true,
    url: () => "/admin/users",
    body: () => ({
      name: "New",
      email: `${unique("new")}@example.org`,
      role: "viewer",
      organisationId: "",
      password: "long-enough-password",
    }),
    allowed: ["admin"],
  },
  {
    name: "disable a user",
    method: "POST",
    write: true,
    setup: async (w) => {
      await w.store.users.setDisabled(w.users.disabled.id, false);
      return {};
    },
    url: (w) => `/admin/users/${w.users.disabled.id}/disable`,
    body: () => ({}),
    allowed: ["admin"],
  },
  {
    name: "enable a user",
    method: "POST",
    write: true,
    setup: async (w) => {
      await w.store.users.setDisabled(w.users.disabled.id, true);
      return {};
    },
    url: (w) => `/admin/users/${w.users.disabled.id}/enable`,
    body: () => ({}),
    allowed: ["admin"],
  },
  {
    name: "sign out",
    method: "POST",
    write: true,
    url: () => "/sign-out",
    body: () => ({}),
    allowed: EVERYONE,
  },
  {
    name: "create an API token",
    method: "POST",
    write: true,
    url: () => "/account/api-token",
    body: () => ({}),
    allowed: EVERYONE,
  },
  {
    name: "revoke an API token",
    method: "POST",
    write: true,
    setup: async (w, who) => {
      await w.services.auth.issueApiToken(w.users[who]);
      return {};
    },
    url: () => "/account/api-token/revoke",
    body: () => ({}),
    allowed: EVERYONE,
  },
];

const api: Case[] = [
  { name: "plans", method: "GET", api: true, url: () => "/api/v1/plans", allowed: EVERYONE },
  { name: "plan", method: "GET", api: true, url: (w) => `/api/v1/plans/${w.planId}`, allowed: EVERYONE },
  {
    name: "plan actions",
    method: "GET",
    api: true,
    url: (w) => `/api/v1/plans/${w.planId}/actions`,
    allowed: EVERYONE,
  },
  {
    name: "action",
    method: "GET",
    api: true,
    url: (w) => `/api/v1/actions/${w.actions["1"]}`,
    allowed: EVERYONE,
  },
  {
    name: "action updates",
    method: "GET",
    api: true,
    url: (w) => `/api/v1/actions/${w.actions["1"]}/updates`,
    allowed: EVERYONE,
  },
  { name: "findings", method: "GET", api: true, url: () => "/api/v1/findings", allowed: EVERYONE },
  { name: "challenges", method: "GET", api: true, url: () => "/api/v1/challenges", allowed: EVERYONE },
  {
    name: "update a police action",
    method: "POST",
    api: true,
    write: true,
    url: (w) => `/api/v1/actions/${w.actions["1"]}/updates`,
    body: updateJson("1"),
    allowed: ["admin", "editor"],
  },
  {
    name: "update a hospital action",
    method: "POST",
    api: true,
    write: true,
    url: (w) => `/api/v1/actions/${w.actions["2"]}/updates`,
    body: updateJson("2"),
    allowed: ["admin", "otherEditor"],
  },
  {
    name: "raise a challenge",
    method: "POST",
    api: true,
    write: true,
    url: (w) => `/api/v1/actions/${w.actions["1"]}/challenges`,
    body: () => ({ text: "Why?" }),
    allowed: ["admin", "scrutineer"],
  },
  {
    name: "resolve a challenge",
    method: "POST",
    api: true,
    write: true,
    setup: openChallenge,
    url: (_w, c) => `/api/v1/challenges/${c.challengeId}/resolve`,
    body: () => ({ state: "not-answered" }),
    allowed: ["admin", "scrutineer"],
  },
  {
    name: "import a plan",
    method: "POST",
    api: true,
    write: true,
    url: () => "/api/v1/imports?fileName=m.json",
    raw: planBytes,
    allowed: ["admin"],
  },
];

function dump(w: World): string {
  if (!w.store.dump) throw new Error("the role matrix runs on the memory store, which can dump its data");
  return w.store.dump();
}

interface Env {
  w: World;
  app: FastifyInstance;
  browsers: Partial<Record<Who, Browser>>;
  tokens: Partial<Record<Who, string>>;
}

async function environment(): Promise<Env> {
  const w = await buildWorld();
  return { w, app: await testApp(w.services), browsers: {}, tokens: {} };
}

async function browserFor(env: Env, who: Who | "anonymous"): Promise<Browser> {
  if (who === "anonymous") return new Browser(env.app);
  let b = env.browsers[who];
  if (!b) {
    b = new Browser(env.app);
    const email = env.w.users[who].email;
    expect((await b.signIn(email, env.w.passwords[email] ?? "")).statusCode).toBe(303);
    env.browsers[who] = b;
  }
  return b;
}

/** Everything that may touch the store (tokens, sign-in, CSRF) happens here, before the snapshot. */
async function prepare(
  env: Env,
  c: Case,
  who: Who | "anonymous",
  ctx: Record<string, string>,
): Promise<() => Promise<LightMyRequestResponse>> {
  const url = c.url(env.w, ctx);
  const body = c.body ? await c.body(env.w, ctx) : undefined;
  if (c.api) {
    // A fresh token per request: the account cases revoke them.
    const token = who === "anonymous" ? "" : await env.w.services.auth.issueApiToken(env.w.users[who]);
    return () =>
      env.app.inject({
        method: c.method,
        url,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(c.raw ? { "content-type": "application/octet-stream" } : {}),
        },
        ...(c.raw ? { payload: c.raw } : body ? { payload: body as Record<string, string> } : {}),
      });
  }
  const b = await browserFor(env, who);
  if (c.method === "GET") return () => b.get(url);
  const csrf = await b.token(who === "anonymous" ? "/sign-in" : "/account");
  const fields = Object.fromEntries(Object.entries(body ?? {}).map(([k, v]) => [k, String(v)]));
  const file = c.file;
  if (file)
    return () => b.postMultipart(url, fields, [{ ...file, type: "application/octet-stream" }], { csrf });
  return () => b.post(url, fields, { csrf });
}

function checkMatrix(title: string, cases: Case[]) {
  describe(title, () => {
    for (const c of cases) {
      describe(`${c.method} ${c.name}`, () => {
        let env: Env;
        beforeAll(async () => {
          env = await environment();
        });
        afterAll(async () => {
          await env.app.close();
        });
        for (const who of ALL_AND_ANONYMOUS) {
          const allowed = who !== "anonymous" && c.allowed.includes(who);
          it(`${who}: ${allowed ? "allowed" : "refused"}`, async () => {
            const ctx = c.setup ? await c.setup(env.w, who === "anonymous" ? "admin" : who) : {};
            const send = await prepare(env, c, who, ctx);
            const before = dump(env.w);
            const res = await send();
            const after = dump(env.w);
            if (allowed) {
              expect(res.statusCode, res.body.slice(0, 300)).toBeGreaterThanOrEqual(200);
              expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(400);
              if (!c.write) expect(after).toBe(before);
              else if (!/api-token/.test(c.name)) expect(after).not.toBe(before);
            } else {
              if (who === "anonymous") {
                if (c.api) expect(res.statusCode).toBe(401);
                else {
                  expect(res.statusCode).toBe(303);
                  expect(res.headers.location).toMatch(/^\/sign-in/);
                }
              } else {
                expect(res.statusCode).toBe(403);
              }
              expect(after, "a refused request must not change anything").toBe(before);
            }
          });
        }
      });
    }
  });
}

checkMatrix("role matrix: pages", pages);
checkMatrix("role matrix: API", api);

/** Reachable by anyone, tested on their own (app-shell, auth, api tests). */
const PUBLIC = [
  "GET /sign-in",
  "POST /sign-in",
  "GET /health",
  "GET /accessibility",
  "GET /favicon.ico",
  "GET /api/v1/openapi.json",
  "GET /*",
];

/** Full "METHOD /path" of every route, read from Fastify's own route tree. */
function registeredRoutes(app: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line) ?? /^()└── (\S+) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? "").length / 4;
    const segment = m[2] ?? "";
    stack.length = depth;
    const parent = stack[depth - 1] ?? "";
    const path = depth === 0 ? segment : parent === "/" ? `/${segment}` : `${parent}${segment}`;
    stack[depth] = path;
    for (const method of (m[3] ?? "").split(", ")) if (method !== "HEAD") out.push(`${method} ${path}`);
  }
  return out;
}

describe("role matrix coverage", () => {
  it("has a case for every route the app registers", async () => {
    const env = await environment();
    await env.app.ready();
    const routes = registeredRoutes(env.app);
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.filter((r) => {
      if (PUBLIC.includes(r)) return false;
      // A route is covered when some case's concrete URL matches its pattern.
      const [method, pattern] = r.split(" ") as [string, string];
      const re = new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, "[^/?]+")}(\\?.*)?$`);
      return ![...pages, ...api].some((c) => c.method === method && re.test(c.url(env.w, SAMPLE_CTX)));
    });
    expect(missing).toEqual([]);
    await env.app.close();
  });
});

const SAMPLE_CTX = { attachmentId: "a", stagedId: "s", challengeId: "c", alias: "x" };
