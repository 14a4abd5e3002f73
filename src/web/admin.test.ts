import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../services/testing/harness.js";
import { Browser, csrfFrom, testApp } from "./test-helpers.js";

let app: FastifyInstance;
let w: World;
beforeEach(async () => {
  w = await buildWorld();
  app = await testApp(w.services);
});
afterEach(async () => {
  await app.close();
});

async function as(role: keyof World["users"]): Promise<Browser> {
  const b = new Browser(app);
  const email = w.users[role].email;
  expect((await b.signIn(email, w.passwords[email] ?? "")).statusCode).toBe(303);
  return b;
}

describe("users", () => {
  it("adds a user who can then sign in with their role", async () => {
    const b = await as("admin");
    const res = await b.post(
      "/admin/users",
      {
        name: "Nadia Nurse",
        email: "nadia@example.org",
        role: "editor",
        organisationId: w.orgs.health,
        password: "safeguarding-2021!",
      },
      { tokenFrom: "/admin/users/new" },
    );
    expect(res.headers.location).toBe("/admin/users?done=created");
    const list = (await b.get("/admin/users?done=created")).body;
    expect(list).toContain("The user has been added");
    expect(list).toContain("nadia@example.org");
    const nadia = new Browser(app);
    expect((await nadia.signIn("nadia@example.org", "safeguarding-2021!")).statusCode).toBe(303);
    expect((await nadia.get("/")).body).toContain("Agency editor, Milton Keynes University Hospital");
  });

  it("explains each mistake in the new-user form", async () => {
    const b = await as("admin");
    const res = await b.post(
      "/admin/users",
      { name: "", email: "not-an-email", role: "editor", organisationId: "", password: "short" },
      { tokenFrom: "/admin/users/new" },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#name">Enter the person&#39;s full name</a>');
    expect(res.body).toContain("Enter an email address in the correct format");
    expect(res.body).toContain("Select the organisation an agency editor updates actions for");
    expect(res.body).toContain("Password must be 12 characters or more");
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).not.toContain("short");
  });

  it("disables a user, ending their sessions, and enables them again", async () => {
    const viewer = await as("viewer");
    const b = await as("admin");
    const res = await b.post(`/admin/users/${w.users.viewer.id}/disable`, {}, { tokenFrom: "/admin/users" });
    expect(res.headers.location).toBe("/admin/users?done=disabled");
    expect((await viewer.get("/")).statusCode).toBe(303);
    await b.post(`/admin/users/${w.users.viewer.id}/enable`, {}, { tokenFrom: "/admin/users" });
    const again = new Browser(app);
    expect(
      (await again.signIn(w.users.viewer.email, w.passwords[w.users.viewer.email] ?? "")).statusCode,
    ).toBe(303);
  });

  it("will not let an admin disable themselves", async () => {
    const b = await as("admin");
    const page = await b.get("/admin/users");
    expect(page.body).not.toContain(`/admin/users/${w.users.admin.id}/disable`);
    const res = await b.post(`/admin/users/${w.users.admin.id}/disable`, {}, { csrf: csrfFrom(page.body) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("You cannot disable your own account");
  });
});

describe("organisations and aliases", () => {
  it("adds an organisation and its other names, and removes a name", async () => {
    const b = await as("admin");
    await b.post(
      "/admin/organisations",
      { name: "Clinical Commissioning Group" },
      { tokenFrom: "/admin/organisations" },
    );
    const orgs = await w.services.organisations.list(w.users.admin);
    const ccg = orgs.find((o) => o.name === "Clinical Commissioning Group");
    expect(ccg).toBeTruthy();
    const add = await b.post(
      `/admin/organisations/${ccg?.id}/aliases`,
      { alias: "CCG" },
      { tokenFrom: "/admin/organisations" },
    );
    expect(add.headers.location).toBe("/admin/organisations?done=alias-added");
    expect((await b.get("/admin/organisations")).body).toContain("<li>CCG");
    await b.post(
      `/admin/organisations/${ccg?.id}/aliases/remove`,
      { alias: "CCG" },
      { tokenFrom: "/admin/organisations" },
    );
    expect(
      (await w.services.organisations.list(w.users.admin)).find((o) => o.id === ccg?.id)?.aliases,
    ).toEqual([]);
  });

  it("refuses a name another organisation already goes by, on the form", async () => {
    const b = await as("admin");
    const res = await b.post(
      `/admin/organisations/${w.orgs.health}/aliases`,
      { alias: "tvp" },
      { tokenFrom: "/admin/organisations" },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(
      `<a href="#alias-${w.orgs.health}">tvp is already a name of Thames Valley Police</a>`,
    );
  });
});

describe("audit log", () => {
  it("shows who did what, when, before and after, newest first, a page at a time", async () => {
    for (let i = 0; i < 60; i++) {
      await w.services.organisations.create(w.users.admin, `Agency ${i}`);
    }
    const b = await as("admin");
    const first = (await b.get("/admin/audit")).body;
    expect(first).toContain("Showing 1 to 50 of");
    expect(first).toContain("organisation.create");
    expect(first).toContain("Agency 59");
    expect(first).toContain('href="/admin/audit?page=2"');
    const second = (await b.get("/admin/audit?page=2")).body;
    expect(second).toContain("plan.import");
  });
});

describe("account and API tokens", () => {
  it("shows a new token once and lets the person revoke it", async () => {
    const b = await as("viewer");
    const res = await b.post("/account/api-token", {}, { tokenFrom: "/account" });
    expect(res.statusCode).toBe(200);
    const token = /id="api-token">([^<]+)</.exec(res.body)?.[1] ?? "";
    expect(token).toMatch(/^assure_/);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect((await w.services.auth.apiTokenUser(token))?.id).toBe(w.users.viewer.id);
    expect((await b.get("/account")).body).not.toContain(token);
    await b.post("/account/api-token/revoke", {}, { tokenFrom: "/account" });
    expect(await w.services.auth.apiTokenUser(token)).toBeNull();
  });
});

describe("admin pages are for admins only", () => {
  it("refuses the other roles with the 403 page", async () => {
    for (const role of ["editor", "scrutineer", "viewer"] as const) {
      const b = await as(role);
      for (const url of ["/admin/users", "/admin/users/new", "/admin/organisations", "/admin/audit"]) {
        const res = await b.get(url);
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.body).toContain("You do not have permission");
      }
    }
  });
});
