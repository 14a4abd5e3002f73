import { beforeAll, describe, expect, it } from "vitest";
import { AccountPage } from "./pages/account-page.js";
import { ActionPage } from "./pages/action-page.js";
import { normalise, textOf } from "./pages/assure-page.js";
import { FindingsPage } from "./pages/findings-page.js";
import { type ImportedPlan, MKUHT, TVP } from "./server.js";
import { MODES, type Mode, useBrowserSuite } from "./support/suite.js";

const suite = useBrowserSuite();

/** What a refusal must leave exactly as it was. */
async function snapshot(actionId: string) {
  const a = await suite.server.services.actions.get(suite.server.accounts.admin.user, actionId);
  return {
    rowVersion: a.rowVersion,
    status: a.status,
    progress: a.progress,
    lastUpdate: a.lastUpdate,
    timeline: a.timeline.map((t) => `${t.source}:${t.status}:${t.progress}`),
    findings: a.findings.map((f) => `${f.kind}:${f.resolvedOn ?? "open"}`).sort(),
  };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function actionId(plan: ImportedPlan, ref: string): string {
  const id = plan.actions.get(ref);
  if (!id) throw new Error(`The demo plan has no action ${ref}`);
  return id;
}

describe.each(MODES)("An agency updates its own actions and only those, $name", ({ javaScriptEnabled }) => {
  let mode: Mode;
  // Each mode works on a plan of its own, so what one mode changes cannot make the other pass.
  let plan: ImportedPlan;
  let action26 = "";
  let action27 = "";
  let tvpAction = "";
  const progress = `Level 3 safeguarding training delivered to all 64 paediatric and A&E staff (${javaScriptEnabled ? "js" : "no-js"}).`;
  const evidence =
    "Training register audited on 2 March: 64 of 64 staff attended; case file audit shows referrals up 20%.";

  beforeAll(async () => {
    mode = suite.mode(javaScriptEnabled);
    plan = await suite.server.importPlan();
    action26 = actionId(plan, "26");
    action27 = actionId(plan, "27");
    tvpAction = actionId(plan, "21");
    const owners = async (id: string) =>
      (await suite.server.services.actions.get(suite.server.accounts.admin.user, id)).organisations.map(
        (o) => o.name,
      );
    expect(await owners(action26)).toEqual([MKUHT]);
    expect(await owners(action27)).toEqual([MKUHT]);
    expect(await owners(tvpAction)).toEqual([TVP]);
  });

  it("shows the MKUHT editor action 26 with its overdue finding and an update form", async () => {
    const actionPage = await new ActionPage(await mode.as("mkuhtEditor")).goto(action26);
    expect(await actionPage.headingText()).toBe("Action 26");
    expect(await textOf(actionPage.detail("Organisation"))).toBe(MKUHT);
    const open = await actionPage.openFindingTitles();
    expect(
      open.some((t) => t.startsWith("Overdue")),
      `open findings: ${open.join(" | ")}`,
    ).toBe(true);
    expect(await actionPage.saveButton.isVisible()).toBe(true);
    expect(await actionPage.statusRadio("completed").count()).toBe(1);

    const findings = await new FindingsPage(actionPage.page).goto(
      `?planId=${encodeURIComponent(plan.planId)}&kind=overdue`,
    );
    expect(
      await findings.rows
        .filter({ has: findings.page.getByRole("link", { name: "26", exact: true }) })
        .count(),
    ).toBe(1);
  });

  it("lets the MKUHT editor update action 26 and shows the update in the timeline", async () => {
    const before = await snapshot(action26);
    const actionPage = await new ActionPage(await mode.as("mkuhtEditor")).goto(action26);
    expect(await actionPage.addUpdate({ status: "completed", progress, evidence })).toBe(200);

    expect(new URL(actionPage.page.url()).searchParams.get("updated")).toBe("1");
    expect(await textOf(actionPage.successBanner)).toContain("Your update has been saved");
    expect(await textOf(actionPage.detail("Status"))).toContain("Completed");
    expect(await textOf(actionPage.detail("Progress"))).toContain(progress);

    const entry = actionPage.timelineEntries.filter({ hasText: progress });
    expect(await entry.count()).toBe(1);
    const text = await textOf(entry);
    expect(text).toContain(evidence);
    expect(text).toContain(`Update by ${suite.server.accounts.mkuhtEditor.name}`);
    expect(text).toContain("Completed");

    const after = await snapshot(action26);
    expect(after.status).toBe("completed");
    expect(after.rowVersion).toBe(before.rowVersion + 1);
    expect(after.timeline).toHaveLength(before.timeline.length + 1);
  });

  it("resolves the overdue finding once action 26 is completed", async () => {
    const actionPage = await new ActionPage(await mode.as("mkuhtEditor")).goto(action26);
    const open = await actionPage.openFindingTitles();
    expect(
      open.some((t) => t.startsWith("Overdue")),
      `open findings: ${open.join(" | ")}`,
    ).toBe(false);
    expect(await actionPage.pastFindingsText()).toMatch(/Overdue: raised .* resolved /);

    const findings = await new FindingsPage(actionPage.page).goto(
      `?planId=${encodeURIComponent(plan.planId)}&kind=overdue`,
    );
    expect(
      await findings.rows
        .filter({ has: findings.page.getByRole("link", { name: "26", exact: true }) })
        .count(),
    ).toBe(0);
    // The other overdue actions of the plan are still there: the filter worked, the list is not just empty.
    expect(
      await findings.rows
        .filter({ has: findings.page.getByRole("link", { name: "27", exact: true }) })
        .count(),
    ).toBe(1);
  });

  it("offers the MKUHT editor no way to update a Thames Valley Police action", async () => {
    const actionPage = await new ActionPage(await mode.as("mkuhtEditor")).goto(tvpAction);
    expect(await actionPage.headingText()).toBe("Action 21");
    expect(await actionPage.updateForms.count()).toBe(0);
    expect(await actionPage.saveButton.count()).toBe(0);
    expect(await actionPage.progress.count()).toBe(0);
    expect(normalise((await actionPage.section("Add an update").allTextContents()).join(" "))).toContain(
      `Only ${TVP} (or a partnership admin) can update this action`,
    );
  });

  it("refuses a forged update of the Thames Valley Police action with 403, changing nothing", async () => {
    const page = await mode.as("mkuhtEditor");
    const actionPage = await new ActionPage(page).goto(tvpAction);
    const token = await actionPage.csrfToken();
    const [day, month, year] = today().split("-").reverse();
    const form = (rowVersion: number) => ({
      _csrf: token,
      rowVersion: String(rowVersion),
      status: "completed",
      progress: "Forged: closed by someone from another agency.",
      evidence: "",
      "date-day": String(Number(day)),
      "date-month": String(Number(month)),
      "date-year": year ?? "",
    });

    const before = await snapshot(tvpAction);
    const refused = await page.request.post(`/actions/${encodeURIComponent(tvpAction)}/updates`, {
      multipart: form(before.rowVersion),
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain("Forged");
    expect(await snapshot(tvpAction)).toEqual(before);

    // The same request on the editor's own action 27 goes through: the token and the form were good,
    // so the 403 above was the role rule and nothing else.
    const own = await snapshot(action27);
    const allowed = await page.request.post(`/actions/${encodeURIComponent(action27)}/updates`, {
      multipart: {
        ...form(own.rowVersion),
        status: "minor-risk",
        progress: "Training dates booked for May.",
      },
      maxRedirects: 0,
    });
    expect(allowed.status()).toBe(303);
    expect((await snapshot(action27)).rowVersion).toBe(own.rowVersion + 1);

    const reloaded = await new ActionPage(page).goto(tvpAction);
    expect(await textOf(reloaded.main)).not.toContain("Forged");
  });

  it("refuses the MKUHT editor's API token on the Thames Valley Police action, changing nothing", async () => {
    const account = await new AccountPage(await mode.as("mkuhtEditor")).goto();
    const token = await account.createApiToken();
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${suite.server.url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    const before = await snapshot(tvpAction);
    // The token is good: the editor may read the action.
    const read = await api("GET", `/actions/${encodeURIComponent(tvpAction)}`);
    expect(read.status).toBe(200);

    const update = {
      status: "completed",
      progress: "Forged through the API.",
      evidence: "",
      date: today(),
      rowVersion: before.rowVersion,
    };
    const posted = await api("POST", `/actions/${encodeURIComponent(tvpAction)}/updates`, update);
    expect(posted.status).toBe(403);
    const patched = await api("PATCH", `/actions/${encodeURIComponent(tvpAction)}`, update);
    // There may be no PATCH at all (updates are appended, not patched); either way nothing may change.
    expect([403, 404, 405]).toContain(patched.status);
    expect(await snapshot(tvpAction)).toEqual(before);
  });

  it("shows the viewer and the scrutineer action 26 without an update form", async () => {
    for (const key of ["viewer", "scrutineer"] as const) {
      const actionPage = await new ActionPage(await mode.as(key)).goto(action26);
      expect(await actionPage.headingText()).toBe("Action 26");
      expect(await actionPage.updateForms.count(), `${key} has no update form`).toBe(0);
      const challenge = actionPage.main.getByRole("textbox", { name: /^Record a challenge/ });
      expect(await challenge.count(), `${key} challenge form`).toBe(key === "scrutineer" ? 1 : 0);
    }
  });

  it("axe-core finds no violations on any page visited", async () => {
    await mode.expectAccessible();
  });
});
