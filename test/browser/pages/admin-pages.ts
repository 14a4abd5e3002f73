import type { Locator } from "playwright-core";
import { AssurePage } from "./assure-page.js";

/** The admin area: users, organisations and their aliases, the audit log. */
export class AdminPage extends AssurePage {
  get adminNavigation(): Locator {
    return this.page.getByRole("navigation", { name: "Admin" });
  }

  async gotoUsers(): Promise<this> {
    await this.open("/admin/users");
    return this;
  }

  async gotoOrganisations(): Promise<this> {
    await this.open("/admin/organisations");
    return this;
  }

  async gotoAudit(): Promise<this> {
    await this.open("/admin/audit");
    return this;
  }

  /** The first table on the page whose cells mention the text. */
  rowMentioning(text: string): Locator {
    return this.main.getByRole("row").filter({ hasText: text });
  }
}
