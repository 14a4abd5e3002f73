import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { backends } from "../services/testing/backends.js";
import { parsedAction, parsedPlan } from "../services/testing/fixtures.js";
import { buildWorld, type World } from "../services/testing/harness.js";
import { Browser, csrfFrom, testApp } from "./test-helpers.js";

/** The main journeys through the pages over each real database, not only the memory store. */
describe.each(backends.filter((b) => b.name !== "memory"))("web service on $name", (backend) => {
  let db: Awaited<ReturnType<typeof backend.open>>;
  let w: World;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await app?.close();
    await db.close();
  });
  beforeEach(async () => {
    await app?.close();
    w = await buildWorld({ store: await db.newStore() });
    app = await testApp(w.services);
  });

  async function as(role: keyof World["users"]): Promise<Browser> {
    const b = new Browser(app);
    const email = w.users[role].email;
    expect((await b.signIn(email, w.passwords[email] ?? "")).statusCode).toBe(303);
    return b;
  }

  const fields = (rowVersion: string, progress: string) => ({
    status: "completed",
    progress,
    "date-day": "14",
    "date-month": "1",
    "date-year": "2021",
    rowVersion,
  });

  it("an agency updates its action with a file; the second stale save is refused; another agency is refused", async () => {
    const editor = await as("editor");
    const admin = await as("admin");
    const other = await as("otherEditor");
    const url = `/actions/${w.actions["1"]}`;
    const editorPage = await editor.get(url);
    const adminPage = await admin.get(url);
    expect(editorPage.body).toContain("Overdue");

    const saved = await editor.postMultipart(
      `${url}/updates`,
      fields("1", "Delivered."),
      [
        {
          field: "attachments",
          fileName: "register.pdf",
          type: "application/pdf",
          bytes: Buffer.from("%PDF-1.4\nregister"),
        },
      ],
      { csrf: csrfFrom(editorPage.body) },
    );
    expect(saved.statusCode).toBe(303);
    const after = (await editor.get(`${url}?updated=1`)).body;
    expect(after).toContain("Your update has been saved");
    expect(after).toContain("Assure raises no findings on this action.");
    const link = /href="(\/attachments\/[^"]+)"/.exec(after)?.[1] ?? "";
    expect((await editor.get(link)).rawPayload.toString()).toBe("%PDF-1.4\nregister");

    const stale = await admin.post(`${url}/updates`, fields("1", "Overwrite?"), {
      csrf: csrfFrom(adminPage.body),
    });
    expect(stale.statusCode).toBe(409);
    const refused = await other.post(`${url}/updates`, fields("2", "Not mine"), { tokenFrom: url });
    expect(refused.statusCode).toBe(403);
    const stored = await w.store.actions.get(w.actions["1"] ?? "");
    expect(stored).toMatchObject({ progress: "Delivered.", status: "completed", rowVersion: 2 });
    expect(await w.store.actions.history(w.actions["1"] ?? "")).toHaveLength(2);
  });

  it("an admin imports a new version through the pages and sees what changed", async () => {
    const admin = await as("admin");
    const v2 = parsedPlan([
      parsedAction({ ref: "1", status: "completed", statusText: "Blue", progress: "Done." }),
    ]);
    const up = await admin.postMultipart(
      "/imports",
      { target: "version", planId: w.planId },
      [
        {
          field: "file",
          fileName: "v2.json",
          type: "application/json",
          bytes: Buffer.from(JSON.stringify(v2)),
        },
      ],
      { tokenFrom: "/imports/new" },
    );
    expect(up.statusCode).toBe(303);
    const preview = await admin.get(up.headers.location as string);
    expect(preview.body).toContain("1 changed, 0 new, 3 no longer in the plan");
    const done = await admin.post(
      `${(up.headers.location as string).split("?")[0]}/confirm`,
      { target: "version", planId: w.planId },
      { csrf: csrfFrom(preview.body) },
    );
    expect(done.headers.location).toBe(`/plans/${w.planId}?imported=1`);
    expect((await admin.get(`/plans/${w.planId}`)).body).toContain("Showing 1 of 1 actions");
    expect((await admin.get("/admin/audit")).body).toContain("plan.import-version");
  });

  it("a scrutineer records a challenge and marks it answered", async () => {
    const b = await as("scrutineer");
    const url = `/actions/${w.actions["1"]}`;
    expect(
      (await b.post(`${url}/challenges`, { text: "Show the register" }, { tokenFrom: url })).statusCode,
    ).toBe(303);
    const list = (await b.get("/challenges")).body;
    const id = /action="\/challenges\/([^"]+)\/resolve"/.exec(list)?.[1] ?? "";
    const res = await b.post(
      `/challenges/${id}/resolve`,
      { state: "answered", note: "Seen", returnTo: "/challenges" },
      { csrf: csrfFrom(list) },
    );
    expect(res.statusCode).toBe(303);
    expect((await b.get("/challenges?state=answered")).body).toContain(
      "Marked answered by Scrutineer Person",
    );
  });

  it("the API answers with the same rules", async () => {
    const token = await w.services.auth.issueApiToken(w.users.otherEditor);
    const res = await app.inject({
      method: "POST",
      url: `/api/v1/actions/${w.actions["1"]}/updates`,
      headers: { authorization: `Bearer ${token}` },
      payload: { status: "completed", progress: "x", date: "2021-01-14", rowVersion: 1 },
    });
    expect(res.statusCode).toBe(403);
    const plans = await app.inject({
      method: "GET",
      url: "/api/v1/plans",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(plans.json().plans).toHaveLength(1);
  });
});
