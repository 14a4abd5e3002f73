import type { Locator } from "playwright-core";
import { AssurePage, textOf } from "./assure-page.js";

export class PlanPage extends AssurePage {
  async goto(planId: string): Promise<this> {
    await this.open(`/plans/${encodeURIComponent(planId)}`);
    return this;
  }

  get actionsTable(): Locator {
    return this.main.getByRole("table", { name: /^Actions of / });
  }

  /** The table's body rows (the header row is the first row). */
  get actionRows(): Locator {
    return this.actionsTable.getByRole("row").filter({ has: this.page.getByRole("cell") });
  }

  /** "Showing 33 of 33 actions." */
  get countStatus(): Locator {
    return this.main.getByRole("status").filter({ hasText: /^Showing \d+ of \d+ actions/ });
  }

  async shownAndTotal(): Promise<{ shown: number; total: number }> {
    const m = /Showing (\d+) of (\d+) actions/.exec(await textOf(this.countStatus));
    if (!m) throw new Error("The plan page does not say how many actions it shows");
    return { shown: Number(m[1]), total: Number(m[2]) };
  }

  actionLink(ref: string): Locator {
    return this.actionsTable.getByRole("link", { name: ref, exact: true });
  }

  rowOf(ref: string): Locator {
    return this.actionRows.filter({ has: this.page.getByRole("link", { name: ref, exact: true }) });
  }

  /** A value of the plan's summary list ("Source", "Version", "RAG key", "Review cadence"…). */
  metadata(key: string): Locator {
    return this.main.locator(
      `xpath=.//dt[normalize-space()=${JSON.stringify(key)}]/following-sibling::dd[1]`,
    );
  }

  get organisationFilter(): Locator {
    return this.main.getByLabel("Organisation", { exact: true });
  }

  get statusFilter(): Locator {
    return this.main.getByLabel("Status", { exact: true });
  }

  get applyFilters(): Locator {
    return this.main.getByRole("button", { name: "Apply filters" });
  }

  scrutinyReportLink(): Locator {
    return this.main.getByRole("link", { name: /scrutiny questions.*\(Word\)/i });
  }
}
