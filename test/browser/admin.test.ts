import { beforeAll, describe, expect, it } from "vitest";
import { AdminPage } from "./pages/admin-pages.js";
import { AssurePage, normalise, textOf } from "./pages/assure-page.js";
import { DashboardPage } from "./pages/dashboard-page.js";
import { SignInPage } from "./pages/sign-in-page.js";
import { MKUHT, TVP } from "./server.js";
import { MODES, type Mode, useBrowserSuite } from "./support/suite.js";

const suite = useBrowserSuite();

describe.each(MODES)(
  "The partnership admin manages people and organisations, $name",
  ({ javaScriptEnabled }) => {
    let mode: Mode;
    const email = `new.editor.${javaScriptEnabled ? "js" : "nojs"}@thamesvalley.example.org`;
    const password = `a-long-enough-password-${javaScriptEnabled ? "1" : "2"}`;
    beforeAll(() => {
      mode = suite.mode(javaScriptEnabled);
    });

    it("adds an agency editor through the form, after being told what is missing", async () => {
      const admin = await new AdminPage(await mode.as("admin")).gotoUsers();
      expect(await admin.headingText()).toBe("Users");
      expect(await admin.adminNavigation.getByRole("link").allTextContents()).toEqual([
        "Users",
        "Organisations and aliases",
        "Audit log",
      ]);
      await admin.submit(admin.main.getByRole("button", { name: "Add a user" }));
      expect(await admin.headingText()).toBe("Add a user");

      // Nothing filled in: every problem is listed, and nothing is created.
      const usersBefore = (await suite.server.services.users.list(suite.server.accounts.admin.user)).length;
      expect((await admin.submit(admin.main.getByRole("button", { name: "Add user" })))?.status()).toBe(400);
      await admin.errorSummary.waitFor();
      const summary = await textOf(admin.errorSummary);
      expect(summary).toContain("Enter the person's full name");
      expect(summary).toContain("Enter an email address");
      expect((await suite.server.services.users.list(suite.server.accounts.admin.user)).length).toBe(
        usersBefore,
      );

      await admin.main.getByLabel("Full name").fill("Nadia New");
      await admin.main.getByLabel("Email address").fill(email);
      await admin.main
        .getByRole("group", { name: "Role" })
        .getByRole("radio", { name: "Agency editor" })
        .check();
      await admin.main.getByLabel("Organisation", { exact: true }).selectOption({ label: TVP });
      await admin.main.getByLabel("Password", { exact: true }).fill(password);
      expect((await admin.submit(admin.main.getByRole("button", { name: "Add user" })))?.status()).toBe(200);
      expect(await textOf(admin.successBanner)).toContain("The user has been added");
      const row = await textOf(admin.rowMentioning(email));
      expect(row).toContain("Nadia New");
      expect(row).toContain("Agency editor");
      expect(row).toContain(TVP);
    });

    it("lets the new editor sign in as an agency editor of their organisation", async () => {
      const page = await mode.anonymousPage();
      await new SignInPage(page).goto().then((p) => p.signIn(email, password));
      const dashboard = new DashboardPage(page);
      expect(await dashboard.headingText()).toBe("Dashboard");
      expect(await textOf(page.getByText("You are signed in as"))).toContain(
        `Nadia New, Agency editor, ${TVP}`,
      );
    });

    it("shows the organisations with their aliases, adds one, and logs who changed what", async () => {
      const alias = `Thames Valley Constabulary ${javaScriptEnabled ? "A" : "B"}`;
      const admin = await new AdminPage(await mode.as("admin")).gotoOrganisations();
      expect(await admin.headingText()).toBe("Organisations and aliases");
      const mkuhtNames = admin.section(MKUHT).getByRole("listitem");
      expect((await mkuhtNames.allTextContents()).map(normalise)).toContain(
        `MKUHT Remove MKUHT as a name of ${MKUHT}`,
      );

      await admin.main.getByLabel(`Add another name for ${TVP}`).fill(alias);
      await admin.submit(admin.section(TVP).getByRole("button", { name: "Add name" }));
      expect(await textOf(admin.successBanner)).toContain("The other name has been added");
      expect(
        await admin.main.getByRole("button", { name: `Remove ${alias} as a name of ${TVP}` }).count(),
      ).toBe(1);
      const tvp = (await suite.server.services.organisations.list(suite.server.accounts.admin.user)).find(
        (o) => o.name === TVP,
      );
      expect(tvp?.aliases).toContain(alias);

      await admin.gotoAudit();
      expect(await admin.headingText()).toBe("Audit log");
      const entries = admin.main.getByRole("table", { name: "Audit log entries" }).getByRole("row");
      const created = await textOf(entries.filter({ hasText: email }).first());
      // The action's name is the audit log's own ("user.create"); what matters is who, what and the after.
      expect(created).toMatch(/user.?creat/i);
      expect(created).toContain(suite.server.accounts.admin.name);
      const aliasAdded = await textOf(entries.filter({ hasText: alias }).first());
      expect(aliasAdded).toMatch(/alias/i);
      expect(aliasAdded).toContain(suite.server.accounts.admin.name);
    });

    it("answers an unknown address with its own 404 page", async () => {
      const page = new AssurePage(await mode.as("admin"));
      const response = await page.open("/no-such-page");
      expect(response?.status()).toBe(404);
      expect(await page.headingText()).toBe("Page not found");
      const statement = await page.open("/accessibility");
      expect(statement?.status()).toBe(200);
    });

    it("axe-core finds no violations on any page visited", async () => {
      await mode.expectAccessible();
    });
  },
);
