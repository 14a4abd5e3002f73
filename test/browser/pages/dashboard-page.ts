import type { Locator } from "playwright-core";
import { AssurePage, textOf } from "./assure-page.js";

export class DashboardPage extends AssurePage {
  async goto(): Promise<this> {
    await this.open("/");
    return this;
  }

  get plansTable(): Locator {
    return this.main.getByRole("table", { name: /Actions by status in each plan/ });
  }

  /** The agency editor's own open actions, soonest due first. */
  get myActionsTable(): Locator {
    return this.main.getByRole("table", { name: /Open actions owned by/ });
  }

  /** Opens every "Show the chart’s data as a table" under the charts. */
  async showChartData(): Promise<void> {
    const summaries = this.main.getByText("Show the chart’s data as a table", { exact: true });
    for (let i = 0; i < (await summaries.count()); i++) await summaries.nth(i).click();
  }

  planLink(title: string): Locator {
    return this.plansTable.getByRole("link", { name: title, exact: true });
  }

  /** Refs of the rows of "my actions", in the order shown. */
  async myActionRefs(): Promise<string[]> {
    const rows = this.myActionsTable.getByRole("row");
    const refs: string[] = [];
    for (let i = 1; i < (await rows.count()); i++) {
      const link = rows.nth(i).getByRole("link").first();
      refs.push((await textOf(link)).split(" in ")[0]?.trim() ?? "");
    }
    return refs;
  }
}
