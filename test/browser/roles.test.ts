import { beforeAll, describe, expect, it } from "vitest";
import { isClosed } from "../../src/domain/status.js";
import { ROLE_LABELS } from "../../src/services/types.js";
import { AssurePage, textOf } from "./pages/assure-page.js";
import { DashboardPage } from "./pages/dashboard-page.js";
import { SignInPage } from "./pages/sign-in-page.js";
import type { AccountKey, ImportedPlan } from "./server.js";
import { MODES, type Mode, useBrowserSuite } from "./support/suite.js";

const suite = useBrowserSuite();
let plan: ImportedPlan;

beforeAll(async () => {
  plan = await suite.server.importPlan();
});

const EVERYONE = ["Dashboard", "Findings", "Scrutiny questions"];
const ADMIN_ONLY = ["Import a plan", "Admin"];

const ROLES: { key: AccountKey; admin: boolean }[] = [
  { key: "admin", admin: true },
  { key: "mkuhtEditor", admin: false },
  { key: "tvpEditor", admin: false },
  { key: "scrutineer", admin: false },
  { key: "viewer", admin: false },
];

/** Open actions of an organisation, soonest due first, as the services hold them. */
async function openActionRefsOf(organisation: string): Promise<string[]> {
  const server = suite.server;
  const orgId = server.organisations.get(organisation)?.id;
  const actions = await server.services.plans.actions(server.accounts.admin.user, plan.planId, {});
  return actions
    .filter((a) => a.organisations.some((o) => o.id === orgId) && !isClosed(a.status))
    .sort((a, b) => (a.due ?? "9999").localeCompare(b.due ?? "9999"))
    .map((a) => a.ref);
}

describe.each(MODES)("Signing in and navigating, $name", ({ javaScriptEnabled }) => {
  let mode: Mode;
  beforeAll(() => {
    mode = suite.mode(javaScriptEnabled);
  });

  it("refuses a wrong password with an error summary that says what to do", async () => {
    const page = await mode.anonymousPage();
    const signInPage = await new SignInPage(page).goto();
    expect(await signInPage.headingText()).toBe("Sign in to Assure");
    expect(await signInPage.navigationLinks()).toEqual([]);

    await signInPage.signIn(suite.server.accounts.viewer.email, "not-the-password-at-all");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await signInPage.errorSummary.waitFor();
    expect(await textOf(signInPage.errorSummary)).toContain("Enter a correct email address and password");

    // Without a session every page sends the person to sign in, and back where they were going after.
    await signInPage.open(`/plans/${plan.planId}`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(new URL(page.url()).searchParams.get("returnTo")).toBe(`/plans/${plan.planId}`);
  });

  it.each(ROLES)("$key signs in and sees the navigation of the role", async ({ key, admin }) => {
    const account = suite.server.accounts[key];
    const page = await mode.as(key);
    const dashboard = await new DashboardPage(page).goto();

    const links = await dashboard.navigationLinks();
    for (const name of EVERYONE) expect(links).toContain(name);
    for (const name of ADMIN_ONLY) {
      if (admin) expect(links).toContain(name);
      else expect(links).not.toContain(name);
    }
    expect(await textOf(dashboard.currentNavigationLink())).toBe("Dashboard");
    expect(await dashboard.signOutButton.isVisible()).toBe(true);

    const banner = await textOf(page.getByText("You are signed in as"));
    expect(banner).toContain(`signed in as ${account.name}, ${ROLE_LABELS[account.role]}`);
    if (account.organisation) expect(banner).toContain(account.organisation);

    // Every plan is there for every role to read.
    expect(await dashboard.planLink(plan.title).count()).toBeGreaterThan(0);
  });

  // One account per role: two editors see the same pages.
  it.each(ROLES.filter((r) => r.key !== "tvpEditor"))(
    "$key can open every page of the navigation",
    async ({ key }) => {
      const page = await mode.as(key);
      const dashboard = await new DashboardPage(page).goto();
      const hrefs = await dashboard.navigation
        .getByRole("link")
        .evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).getAttribute("href") ?? ""));
      expect(hrefs.length).toBeGreaterThanOrEqual(EVERYONE.length);
      for (const href of hrefs) {
        const visited = new AssurePage(page);
        const response = await visited.open(href);
        expect(response?.status(), `${key} opening ${href}`).toBe(200);
        expect((await visited.headingText()).length, `${href} has an h1`).toBeGreaterThan(0);
      }
    },
  );

  it.each(ROLES.filter((r) => !r.admin))("$key is refused the admin and import pages", async ({ key }) => {
    const page = await mode.as(key);
    for (const path of ["/imports/new", "/admin/users"]) {
      const refused = new AssurePage(page);
      const response = await refused.open(path);
      expect(response?.status(), `${key} opening ${path}`).toBe(403);
      expect(await refused.headingText()).toBe("You do not have permission");
      expect(await refused.main.getByRole("button").count(), `${path} offers nothing to submit`).toBe(0);
    }
  });

  it("shows an agency editor their own organisation's open actions, soonest due first", async () => {
    const page = await mode.as("mkuhtEditor");
    const dashboard = await new DashboardPage(page).goto();
    const refs = await dashboard.myActionRefs();
    expect(refs).toEqual(await openActionRefsOf(suite.server.accounts.mkuhtEditor.organisation ?? ""));
    expect(refs).toContain("26");
    expect(refs).not.toContain("21");

    for (const key of ["scrutineer", "viewer", "admin"] as const) {
      const other = await new DashboardPage(await mode.as(key)).goto();
      expect(await other.myActionsTable.count(), `${key} has no "my actions"`).toBe(0);
    }
  });

  it("signs out, after which pages ask to sign in again", async () => {
    const page = await mode.as("viewer");
    const dashboard = await new DashboardPage(page).goto();
    await dashboard.signOut();
    const signInPage = new SignInPage(page);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(await textOf(page.getByText("You have signed out").first())).toBe("You have signed out");
    await signInPage.open("/");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await mode.drop("viewer");
  });

  it("signs out a person who left the service idle, says why, and takes them back after sign-in", async () => {
    const page = await mode.anonymousPage();
    const account = suite.server.accounts.scrutineer;
    const signInPage = await new SignInPage(page).goto();
    await signInPage.signIn(account.email, account.password);
    const planPath = `/plans/${plan.planId}`;
    await signInPage.open(planPath);
    expect(new URL(page.url()).pathname).toBe(planPath);

    await suite.server.leaveIdle("scrutineer", 31);
    await signInPage.open(planPath);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("returnTo")).toBe(planPath);
    expect(await textOf(page.getByText("You were signed out because you were inactive for 30 minutes"))).toBe(
      "You were signed out because you were inactive for 30 minutes",
    );
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("assure-session");

    await signInPage.signIn(account.email, account.password);
    expect(new URL(page.url()).pathname).toBe(planPath);
    await mode.drop("scrutineer");
  });

  it("axe-core finds no violations on any page visited", async () => {
    await mode.expectAccessible();
  });
});
