import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsedAction, parsedPlan } from "../services/testing/fixtures.js";
import { buildWorld, type World } from "../services/testing/harness.js";
import { CONFLICT_MESSAGE } from "./routes/actions.js";
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
  const res = await b.signIn(email, w.passwords[email] ?? "");
  expect(res.statusCode).toBe(303);
  return b;
}

const pdf = Buffer.from("%PDF-1.7\nminutes of the meeting\n");

function updateFields(b: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    status: "completed",
    progress: "Training delivered to 40 staff on 3 January.",
    evidence: "Attendance register",
    "date-day": "14",
    "date-month": "1",
    "date-year": "2021",
    rowVersion: b,
    ...over,
  };
}

describe("stored HTML and script in plan text", () => {
  it("comes out escaped on every page that shows it", async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const plan = parsedPlan(
      [
        parsedAction({
          ref: `9${evil}`,
          section: `Section ${evil}`,
          organisations: [`Agency ${evil}`],
          lead: `Lead ${evil}`,
          finding: `Finding ${evil}`,
          action: `Action ${evil}`,
          progress: `Progress ${evil}\n- item ${evil}`,
          dueText: `Soon ${evil}`,
          statusText: `Green ${evil}`,
        }),
      ],
      { title: `Plan ${evil}`, version: `v${evil}` },
    );
    const staged = await w.services.imports.stage(
      w.users.admin,
      { fileName: `evil${evil}.json`, bytes: Buffer.from(JSON.stringify(plan)) },
      { kind: "new" },
    );
    const { planId } = await w.services.imports.confirm(w.users.admin, staged.id, { kind: "new" });
    const actionId = (await w.store.actions.listByPlan(planId))[0]?.id ?? "";
    const b = await as("admin");
    for (const url of ["/", `/plans/${planId}`, `/actions/${actionId}`, "/findings", "/scrutiny"]) {
      const res = await b.get(url);
      expect(res.statusCode, url).toBe(200);
      const html = res.body;
      expect(html, url).not.toContain("<script>alert");
      expect(html, url).not.toContain("<img src=x");
      expect(html, url).not.toMatch(/<[^>]*\sonerror=/i);
    }
    const page = (await b.get(`/plans/${planId}`)).body;
    expect(page).toContain("Plan &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    const action = (await b.get(`/actions/${actionId}`)).body;
    expect(action).toContain("<li>item &lt;script&gt;");
    const dashboard = (await b.get("/")).body;
    expect(dashboard).toContain("Agency &lt;script&gt;");
  });
});

describe("dashboard", () => {
  it("shows plans with counts, the charts with their data tables, and no 'my actions' for a viewer", async () => {
    const b = await as("viewer");
    const html = (await b.get("/")).body;
    expect(html).toContain(`href="/plans/${w.planId}"`);
    expect(html).toContain("Actions by status for each organisation");
    // Each chart is drawn for a small screen and for a wide one; CSS shows one.
    for (const id of ["status-chart", "findings-chart"]) {
      expect(html).toMatch(
        new RegExp(
          `<svg class="app-chart app-chart--narrow" viewBox="0 0 300 [^>]*role="img" aria-labelledby="${id}-narrow-title`,
        ),
      );
      expect(html).toMatch(
        new RegExp(
          `<svg class="app-chart app-chart--wide" viewBox="0 0 760 [^>]*role="img" aria-labelledby="${id}-title`,
        ),
      );
    }
    expect(html).toContain("Show the chart’s data as a table");
    expect(html).toContain("Open findings over time");
    expect(html).not.toContain("Your organisation’s open actions");
  });

  it("lists an editor's own open actions, soonest due first", async () => {
    const b = await as("editor");
    const html = (await b.get("/")).body;
    const section = html.slice(
      html.indexOf("Your organisation’s open actions"),
      html.indexOf('<h2 class="govuk-heading-m">Plans'),
    );
    const refs = [...section.matchAll(/href="\/actions\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toEqual([w.actions["1"], w.actions["3"]]);
  });
});

describe("wide tables", () => {
  it.each([
    ["an editor's dashboard", "editor", "/", 5],
    ["the findings", "scrutineer", "/findings", 1],
  ] as const)(
    "on %s each scroll in a focusable region named by the table's caption",
    async (_, role, path, n) => {
      const html = (await (await as(role)).get(path)).body;
      const tables = [...html.matchAll(/<table\b[\s\S]*?<caption id="([^"]+)"/g)];
      expect(tables).toHaveLength(n);
      const regions = [
        ...html.matchAll(
          /<div class="app-table-scroll" role="region" aria-labelledby="([^"]+)" tabindex="0">\s*<table\b[\s\S]*?<caption id="([^"]+)"/g,
        ),
      ];
      expect(regions.map((m) => m[1])).toEqual(tables.map((m) => m[1]));
      expect(regions.every((m) => m[1] === m[2])).toBe(true);
      expect(new Set(tables.map((m) => m[1])).size).toBe(n);
    },
  );
});

describe("plan page", () => {
  it("shows the plan's metadata and every action with its status in words", async () => {
    const b = await as("viewer");
    const html = (await b.get(`/plans/${w.planId}`)).body;
    expect(html).toContain("Joint targeted area inspection");
    expect(html).toContain("26 March 2020");
    expect(html).toContain("Every 90 days");
    expect(html).toContain("Showing 4 of 4 actions");
    expect(html).toContain("On track");
    expect(html.match(/govuk-tag govuk-tag--green/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain("Overdue");
  });

  it("filters by organisation, status and finding kind with a plain GET form", async () => {
    const b = await as("viewer");
    const byOrg = (await b.get(`/plans/${w.planId}?organisation=${w.orgs.police}`)).body;
    expect(byOrg).toContain("Showing 2 of 4 actions");
    const byStatus = (await b.get(`/plans/${w.planId}?status=completed`)).body;
    expect(byStatus).toContain("Showing 1 of 4 actions");
    const byKind = (await b.get(`/plans/${w.planId}?kind=overdue`)).body;
    expect(byKind).toContain("Showing 1 of 4 actions");
    expect(byKind).toContain(`href="/actions/${w.actions["1"]}"`);
    const junk = await b.get(`/plans/${w.planId}?status=<b>&kind=nope&sort=evil`);
    expect(junk.statusCode).toBe(200);
    expect(junk.body).toContain("Showing 4 of 4 actions");
  });

  it("sorts through links, marking the sorted column for screen readers", async () => {
    const b = await as("viewer");
    const html = (await b.get(`/plans/${w.planId}?sort=due&order=desc`)).body;
    const order = [
      ...html.matchAll(/<td class="govuk-table__cell"><a class="govuk-link" href="\/actions\/([^"]+)"/g),
    ].map((m) => m[1]);
    expect(order).toEqual([w.actions["3"], w.actions["1"], w.actions["2"], w.actions["4"]]);
    expect(html).toMatch(/aria-sort="descending"><a[^>]*href="\/plans\/[^"?]*\?sort=due#actions"/);
  });

  it("pages a long plan's actions, with every link keeping the filters, and can show them all", async () => {
    const long = parsedPlan(
      Array.from({ length: 60 }, (_, i) =>
        parsedAction({
          ref: String(i + 1),
          organisations: [i % 2 ? "Thames Valley Police" : "Milton Keynes Council"],
        }),
      ),
      { title: "A long plan" },
    );
    const staged = await w.services.imports.stage(
      w.users.admin,
      { fileName: "long.json", bytes: Buffer.from(JSON.stringify(long)) },
      { kind: "new" },
    );
    const { planId } = await w.services.imports.confirm(w.users.admin, staged.id, { kind: "new" });
    const b = await as("viewer");
    const rows = (html: string) => [
      ...html.matchAll(/<a class="govuk-link" href="\/actions\/[^"]+">([^<]+)</g),
    ];
    const refs = (html: string) => rows(html).map((m) => m[1]);

    const first = (await b.get(`/plans/${planId}`)).body;
    expect(first).toContain("Showing 1 to 50 of 60 actions.");
    expect(refs(first)).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1)));
    expect(first).toContain(`href="/plans/${planId}?page=2#actions"`);
    expect(first).toContain(
      `<a class="govuk-link" href="/plans/${planId}?all=1#actions">Show all 60 actions on one page</a>`,
    );

    const second = (await b.get(`/plans/${planId}?page=2`)).body;
    expect(second).toContain("Showing 51 to 60 of 60 actions.");
    expect(refs(second)).toEqual(Array.from({ length: 10 }, (_, i) => String(i + 51)));
    // A page past the end shows the last one.
    expect((await b.get(`/plans/${planId}?page=9`)).body).toContain("Showing 51 to 60 of 60 actions.");

    const everything = (await b.get(`/plans/${planId}?all=1`)).body;
    expect(everything).toContain("Showing 60 of 60 actions.");
    expect(rows(everything)).toHaveLength(60);
    expect(everything).not.toContain("govuk-pagination");
    expect(everything).toContain(`href="/plans/${planId}#actions">Show 50 actions a page</a>`);
    // Sorting and filtering keep showing everything.
    expect(everything).toContain(`href="/plans/${planId}?sort=due&amp;all=1#actions"`);
    expect(everything).toContain('<input type="hidden" name="all" value="1">');

    const org = (await w.store.organisations.list()).find((o) => o.name === "Milton Keynes Council");
    const filtered = (await b.get(`/plans/${planId}?organisation=${org?.id}&sort=ref&order=desc`)).body;
    expect(filtered).toContain("Showing 30 of 60 actions, sorted by ref (descending).");
    expect(filtered).not.toContain("govuk-pagination");

    const police = (await w.store.organisations.list()).find((o) => o.name === "Thames Valley Police");
    const many = parsedPlan(
      Array.from({ length: 120 }, (_, i) => parsedAction({ ref: String(i + 1) })),
      { title: "A longer plan" },
    );
    const staged2 = await w.services.imports.stage(
      w.users.admin,
      { fileName: "longer.json", bytes: Buffer.from(JSON.stringify(many)) },
      { kind: "new" },
    );
    const longer = await w.services.imports.confirm(w.users.admin, staged2.id, { kind: "new" });
    const paged = (await b.get(`/plans/${longer.planId}?organisation=${police?.id}&status=on-track&page=3`))
      .body;
    expect(paged).toContain("Showing 101 to 120 of 120 matching actions (120 in the plan).");
    expect(paged).toContain(
      `href="/plans/${longer.planId}?organisation=${police?.id}&amp;status=on-track&amp;page=2#actions"`,
    );
  });

  it("answers 404 for an unknown plan", async () => {
    const b = await as("viewer");
    expect((await b.get("/plans/nope")).statusCode).toBe(404);
  });
});

describe("action page", () => {
  it("shows the action, its findings with reasons and questions, and its timeline", async () => {
    const b = await as("viewer");
    const html = (await b.get(`/actions/${w.actions["1"]}`)).body;
    expect(html).toContain("Action 1");
    expect(html).toContain("Thames Valley Police");
    expect(html).toContain("Due on 2020-06-30");
    expect(html).toContain("Please provide an update on action 1");
    expect(html).toContain("From the plan file plan.json");
    expect(html).toContain("Only Thames Valley Police (or a partnership admin) can update this action.");
    expect(html).not.toContain('action="/actions/');
  });

  it("lets the owning agency update it, with files, and shows the result", async () => {
    const b = await as("editor");
    const page = await b.get(`/actions/${w.actions["1"]}`);
    expect(page.body).toContain("Add an update");
    const res = await b.postMultipart(
      `/actions/${w.actions["1"]}/updates`,
      updateFields("1"),
      [{ field: "attachments", fileName: "register.pdf", type: "application/pdf", bytes: pdf }],
      { csrf: csrfFrom(page.body) },
    );
    expect(res.statusCode).toBe(303);
    const after = (await b.get(res.headers.location as string)).body;
    expect(after).toContain("Your update has been saved");
    expect(after).toContain("Update by Editor Person");
    expect(after).toContain("register.pdf");
    expect(after).toContain("Assure raises no findings on this action.");
    const link = /href="(\/attachments\/[^"]+)"/.exec(after)?.[1] ?? "";
    const download = await b.get(link);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toContain('attachment; filename="register.pdf"');
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it("works as a plain url-encoded form too (no file input used)", async () => {
    const b = await as("editor");
    const res = await b.post(
      `/actions/${w.actions["3"]}/updates`,
      updateFields("1", { status: "minor-risk" }),
      {
        tokenFrom: `/actions/${w.actions["3"]}`,
      },
    );
    expect(res.statusCode).toBe(303);
    expect((await w.store.actions.get(w.actions["3"] ?? ""))?.status).toBe("minor-risk");
  });

  it("refuses the second save of a stale form with a clear message and keeps the first", async () => {
    const editor = await as("editor");
    const admin = await as("admin");
    const url = `/actions/${w.actions["1"]}`;
    const editorForm = await editor.get(url);
    const adminForm = await admin.get(url);
    const first = await editor.post(`${url}/updates`, updateFields("1", { progress: "First" }), {
      csrf: csrfFrom(editorForm.body),
    });
    expect(first.statusCode).toBe(303);
    const second = await admin.post(`${url}/updates`, updateFields("1", { progress: "Second" }), {
      csrf: csrfFrom(adminForm.body),
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain("govuk-error-summary");
    expect(second.body).toContain(CONFLICT_MESSAGE.slice(0, 60));
    expect(second.body).toContain(">Second</textarea>");
    const stored = await w.store.actions.get(w.actions["1"] ?? "");
    expect(stored?.progress).toBe("First");
    expect(await w.store.actions.history(w.actions["1"] ?? "")).toHaveLength(2);
  });

  it("refuses files over the limit or of the wrong type, saying which and why, and stores nothing", async () => {
    const b = await as("editor");
    const url = `/actions/${w.actions["1"]}`;
    const big = await b.postMultipart(
      `${url}/updates`,
      updateFields("1"),
      [
        {
          field: "attachments",
          fileName: "huge.pdf",
          type: "application/pdf",
          bytes: Buffer.concat([pdf, Buffer.alloc(70 * 1024)]),
        },
      ],
      { tokenFrom: url },
    );
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain("The selected file huge.pdf must be smaller than 64 KB");
    const exe = await b.postMultipart(
      `${url}/updates`,
      updateFields("1"),
      [
        {
          field: "attachments",
          fileName: "report.pdf",
          type: "application/pdf",
          bytes: Buffer.from("MZ\x90\x00 not a pdf"),
        },
      ],
      { tokenFrom: url },
    );
    expect(exe.statusCode).toBe(400);
    expect(exe.body).toContain(
      "The selected file report.pdf must be a PDF, DOCX, XLSX, PNG, JPG, TXT or CSV",
    );
    expect(exe.body).toContain('href="#attachments"');
    expect(await w.store.actions.history(w.actions["1"] ?? "")).toHaveLength(1);
    expect((await w.store.actions.get(w.actions["1"] ?? ""))?.rowVersion).toBe(1);
  });

  it("refuses more files than one update may carry, storing nothing", async () => {
    const b = await as("editor");
    const url = `/actions/${w.actions["1"]}`;
    const files = Array.from({ length: 6 }, (_, i) => ({
      field: "attachments",
      fileName: `f${i}.pdf`,
      type: "application/pdf",
      bytes: pdf,
    }));
    const res = await b.postMultipart(`${url}/updates`, updateFields("1"), files, { tokenFrom: url });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain("Too many files");
    expect(await w.store.actions.history(w.actions["1"] ?? "")).toHaveLength(1);
  });

  it("explains form mistakes with an error summary linked to the fields", async () => {
    const b = await as("editor");
    const url = `/actions/${w.actions["1"]}`;
    const res = await b.post(
      `${url}/updates`,
      updateFields("1", { status: "", progress: "", "date-day": "31", "date-month": "2" }),
      {
        tokenFrom: url,
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#status">Select the status of the action</a>');
    expect(res.body).toContain('<a href="#progress">Enter the progress made on the action</a>');
    expect(res.body).toContain('<a href="#date-day">Date of the update must be a real date</a>');
    expect(res.body).toMatch(/<title>Error: /);
  });

  it("refuses another agency's editor, a scrutineer and a viewer, and changes nothing", async () => {
    for (const role of ["otherEditor", "scrutineer", "viewer"] as const) {
      const b = await as(role);
      const url = `/actions/${w.actions["1"]}`;
      const res = await b.post(`${url}/updates`, updateFields("1"), { tokenFrom: url });
      expect(res.statusCode, role).toBe(403);
      expect(res.body).toContain("You do not have permission");
    }
    expect(await w.store.actions.history(w.actions["1"] ?? "")).toHaveLength(1);
  });

  it("refuses a form post without a CSRF token and saves nothing", async () => {
    const b = await as("editor");
    const res = await b.postMultipart(`/actions/${w.actions["1"]}/updates`, updateFields("1"), [], {
      csrf: null,
    });
    expect(res.statusCode).toBe(403);
    expect(await w.store.actions.history(w.actions["1"] ?? "")).toHaveLength(1);
  });
});

describe("challenges", () => {
  it("lets a scrutineer record a challenge on an action and mark it answered", async () => {
    const b = await as("scrutineer");
    const url = `/actions/${w.actions["1"]}`;
    const page = await b.get(url);
    expect(page.body).toContain("Record a challenge");
    const findingId = /<option value="([^"]+)">Finding:/.exec(page.body)?.[1] ?? "";
    const res = await b.post(
      `${url}/challenges`,
      { text: "Where is the evidence of training?", findingId },
      { csrf: csrfFrom(page.body) },
    );
    expect(res.statusCode).toBe(303);
    const list = (await b.get("/challenges?state=open")).body;
    expect(list).toContain("Where is the evidence of training?");
    const challengeId = /action="\/challenges\/([^"]+)\/resolve"/.exec(list)?.[1] ?? "";
    const resolved = await b.post(
      `/challenges/${challengeId}/resolve`,
      { state: "answered", note: "Register seen", returnTo: "/challenges" },
      { csrf: csrfFrom(list) },
    );
    expect(resolved.headers.location).toBe("/challenges?resolved=1");
    const after = (await b.get("/challenges?state=answered")).body;
    expect(after).toContain("Register seen");
  });

  it("does not offer or accept challenges from editors and viewers", async () => {
    for (const role of ["editor", "viewer"] as const) {
      const b = await as(role);
      const url = `/actions/${w.actions["1"]}`;
      expect((await b.get(url)).body).not.toContain("Record a challenge");
      const res = await b.post(`${url}/challenges`, { text: "Why?" }, { tokenFrom: url });
      expect(res.statusCode).toBe(403);
    }
    expect(await w.store.challenges.list({})).toHaveLength(0);
  });
});
