import type { Locator } from "playwright-core";
import { AssurePage } from "./assure-page.js";

/** All open findings across plans, filtered, with the report downloads. */
export class FindingsPage extends AssurePage {
  async goto(query = ""): Promise<this> {
    await this.open(`/findings${query}`);
    return this;
  }

  get table(): Locator {
    return this.main.getByRole("table", { name: "Open findings" });
  }

  get rows(): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("cell") });
  }

  get planFilter(): Locator {
    return this.main.getByLabel("Plan", { exact: true });
  }

  get kindFilter(): Locator {
    return this.main.getByLabel("Kind", { exact: true });
  }

  get applyFilters(): Locator {
    return this.main.getByRole("button", { name: "Apply filters" });
  }

  get wordReportLink(): Locator {
    return this.main.getByRole("link", { name: /\(Word\)$/ });
  }
}

/** The scrutiny questions per organisation, and the Word report of them. */
export class ScrutinyPage extends AssurePage {
  async goto(query = ""): Promise<this> {
    await this.open(`/scrutiny${query}`);
    return this;
  }

  /** One h2 per organisation, after the contents. */
  organisationHeading(name: string): Locator {
    return this.main.getByRole("heading", { level: 2, name, exact: true });
  }

  get wordReportLink(): Locator {
    return this.main.getByRole("link", { name: /\(Word\)$/ });
  }

  get excelReportLink(): Locator {
    return this.main.getByRole("link", { name: /\(Excel\)$/ });
  }
}
