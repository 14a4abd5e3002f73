import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsedAction, parsedPlan } from "../services/testing/fixtures.js";
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

const newPlan = parsedPlan(
  [
    parsedAction({ ref: "A1", section: "Health", organisations: ["Milton Keynes University Hospital"] }),
    parsedAction({
      ref: "A2",
      section: "Health",
      organisations: ["Milton Keynes University Hospital"],
      status: "minor-risk",
      statusText: "Amber",
    }),
  ],
  { title: "CQC review plan" },
);

const version2 = parsedPlan([
  parsedAction({ ref: "1", status: "completed", statusText: "Blue", progress: "Done." }),
  parsedAction({
    ref: "2",
    organisations: ["Milton Keynes University Hospital"],
    status: "completed",
    statusText: "Blue",
  }),
  parsedAction({ ref: "5", organisations: ["Milton Keynes Council"] }),
]);

function file(plan: unknown, fileName = "plan.json") {
  return [{ field: "file", fileName, type: "application/json", bytes: Buffer.from(JSON.stringify(plan)) }];
}

describe("import a new plan", () => {
  it("uploads, previews every warning and action, then stores the plan on confirm", async () => {
    const b = await as("admin");
    const up = await b.postMultipart("/imports", { target: "new" }, file(newPlan, "cqc.json"), {
      tokenFrom: "/imports/new",
    });
    expect(up.statusCode).toBe(303);
    const previewUrl = up.headers.location as string;
    expect(previewUrl).toMatch(/^\/imports\/[0-9a-f-]{36}$/);
    const preview = await b.get(previewUrl);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Check what Assure read from cqc.json");
    expect(preview.body).toContain("Colour C0C0C0 is not in the key");
    expect(preview.body).toContain("table 2, row 4");
    expect(preview.body).toContain("A2");
    expect(await w.store.plans.list()).toHaveLength(1);

    // The file is not sent again: the confirm form carries only the choice.
    const confirm = await b.post(
      `${previewUrl}/confirm`,
      { target: "new" },
      { csrf: csrfFrom(preview.body) },
    );
    expect(confirm.statusCode).toBe(303);
    const planUrl = confirm.headers.location as string;
    const plan = await b.get(planUrl);
    expect(plan.body).toContain("The plan has been imported");
    expect(plan.body).toContain("CQC review plan");
    expect(plan.body).toContain("Showing 2 of 2 actions");
    expect(await w.store.plans.list()).toHaveLength(2);
    // Confirmed uploads are gone.
    expect((await b.get(previewUrl)).statusCode).toBe(404);
  });

  it("refuses a file that is not a plan with a clear message and stores nothing", async () => {
    const b = await as("admin");
    const res = await b.postMultipart(
      "/imports",
      { target: "new" },
      [
        {
          field: "file",
          fileName: "letter.docx",
          type: "application/octet-stream",
          bytes: Buffer.from("Dear colleague"),
        },
      ],
      { tokenFrom: "/imports/new" },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("govuk-error-summary");
    expect(res.body).toContain(
      "The selected file could not be read as an action plan: no header row was found in any table",
    );
    expect(await w.store.plans.list()).toHaveLength(1);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const b = await as("admin");
    const res = await b.postMultipart(
      "/imports",
      { target: "new" },
      [{ field: "file", fileName: "huge.csv", type: "text/csv", bytes: Buffer.alloc(300 * 1024, 65) }],
      { tokenFrom: "/imports/new" },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("The selected file must be smaller than 256 KB");
    expect(await w.store.plans.list()).toHaveLength(1);
  });

  it("asks for a file when none is chosen", async () => {
    const b = await as("admin");
    const res = await b.postMultipart("/imports", { target: "new" }, [], { tokenFrom: "/imports/new" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#file">Select the action plan file to import</a>');
  });

  it("can be discarded, leaving nothing behind", async () => {
    const b = await as("admin");
    const up = await b.postMultipart("/imports", { target: "new" }, file(newPlan), {
      tokenFrom: "/imports/new",
    });
    const previewUrl = up.headers.location as string;
    const discard = await b.post(`${previewUrl}/discard`, {}, { tokenFrom: previewUrl });
    expect(discard.headers.location).toBe("/imports/new?discarded=1");
    expect((await b.get(previewUrl)).statusCode).toBe(404);
  });
});

describe("import a new version", () => {
  it("shows what changes against the chosen plan, then records it as history", async () => {
    const b = await as("admin");
    const up = await b.postMultipart("/imports", { target: "version", planId: w.planId }, file(version2), {
      tokenFrom: "/imports/new",
    });
    const previewUrl = up.headers.location as string;
    expect(previewUrl).toContain(`?target=version&planId=${w.planId}`);
    const preview = await b.get(previewUrl);
    expect(preview.body).toContain("1 changed, 1 new, 2 no longer in the plan");
    expect(preview.body).toContain("Work is under way.");
    expect(preview.body).toContain("Done.");
    const confirm = await b.post(
      `${previewUrl.split("?")[0]}/confirm`,
      { target: "version", planId: w.planId },
      { csrf: csrfFrom(preview.body) },
    );
    expect(confirm.headers.location).toBe(`/plans/${w.planId}?imported=1`);
    const plan = await w.services.plans.get(w.users.viewer, w.planId);
    expect(plan.versionNumber).toBe(2);
    const action = (await b.get(`/actions/${w.actions["3"]}`)).body;
    expect(action).toContain("This action is no longer in the latest version of the plan");
  });

  it("lets the admin switch the preview between new plan and new version with a GET form", async () => {
    const b = await as("admin");
    const up = await b.postMultipart("/imports", { target: "new" }, file(version2), {
      tokenFrom: "/imports/new",
    });
    const base = (up.headers.location as string).split("?")[0];
    const asVersion = await b.get(`${base}?target=version&planId=${w.planId}`);
    expect(asVersion.body).toContain("1 changed, 1 new");
    const missingPlan = await b.get(`${base}?target=version&planId=nope`);
    expect(missingPlan.statusCode).toBe(400);
    expect(missingPlan.body).toContain("Select the plan this file is a new version of");
  });
});

describe("who may import", () => {
  it("refuses everyone but admins, before reading the upload", async () => {
    for (const role of ["editor", "scrutineer", "viewer"] as const) {
      const b = await as(role);
      expect((await b.get("/imports/new")).statusCode, role).toBe(403);
      const res = await b.postMultipart("/imports", { target: "new" }, file(newPlan), { tokenFrom: "/" });
      expect(res.statusCode, role).toBe(403);
    }
    expect(await w.store.plans.list()).toHaveLength(1);
  });

  it("keeps one admin's upload from another admin", async () => {
    const b = await as("admin");
    const up = await b.postMultipart("/imports", { target: "new" }, file(newPlan), {
      tokenFrom: "/imports/new",
    });
    const previewUrl = up.headers.location as string;
    await w.services.users.create(w.users.admin, {
      email: "admin2@example.org",
      name: "Second Admin",
      role: "admin",
      organisationId: null,
      password: "another-long-password",
    });
    const other = new Browser(app);
    await other.signIn("admin2@example.org", "another-long-password");
    expect((await other.get(previewUrl)).statusCode).toBe(404);
    const res = await other.post(`${previewUrl}/confirm`, { target: "new" }, { tokenFrom: "/" });
    expect(res.statusCode).toBe(404);
    expect(await w.store.plans.list()).toHaveLength(1);
  });

  it("refuses a confirm without a CSRF token", async () => {
    const b = await as("admin");
    const up = await b.postMultipart("/imports", { target: "new" }, file(newPlan), {
      tokenFrom: "/imports/new",
    });
    const res = await b.post(`${up.headers.location}/confirm`, { target: "new" }, { csrf: null });
    expect(res.statusCode).toBe(403);
    expect(await w.store.plans.list()).toHaveLength(1);
  });
});
