import type { Locator } from "playwright-core";
import type { Status } from "../../../src/domain/status.js";
import { STATUS_LABELS } from "../../../src/domain/status.js";
import { AssurePage, normalise, textOf } from "./assure-page.js";

export interface UpdateInput {
  status: Status;
  progress: string;
  evidence: string;
  /** Left as the form offers it (today) when absent. */
  date?: { day: string; month: string; year: string };
}

export class ActionPage extends AssurePage {
  async goto(actionId: string): Promise<this> {
    await this.open(`/actions/${encodeURIComponent(actionId)}`);
    return this;
  }

  /** A value of the action's summary list ("Status", "Organisation", "Progress"…). */
  detail(key: string): Locator {
    return this.main.locator(
      `xpath=.//dt[normalize-space()=${JSON.stringify(key)}]/following-sibling::dd[1]`,
    );
  }

  // The update form, found by its labels.
  get statusGroup(): Locator {
    return this.main.getByRole("group", { name: "Status", exact: true });
  }
  statusRadio(status: Status): Locator {
    return this.statusGroup.getByRole("radio", { name: STATUS_LABELS[status], exact: true });
  }
  get progress(): Locator {
    return this.main.getByRole("textbox", { name: "Progress", exact: true });
  }
  get evidence(): Locator {
    return this.main.getByRole("textbox", { name: /^Evidence/ });
  }
  get evidenceFiles(): Locator {
    return this.main.getByLabel(/^Evidence files/);
  }
  get dateGroup(): Locator {
    return this.main.getByRole("group", { name: /^Date of this update/ });
  }
  get saveButton(): Locator {
    return this.main.getByRole("button", { name: "Save update", exact: true });
  }

  /** Any form that would add an update: the refusal must leave none on the page. */
  get updateForms(): Locator {
    return this.main.locator('form[action$="/updates"]');
  }

  async addUpdate(input: UpdateInput): Promise<number> {
    await this.statusRadio(input.status).check();
    await this.progress.fill(input.progress);
    await this.evidence.fill(input.evidence);
    if (input.date) {
      await this.dateGroup.getByLabel("Day").fill(input.date.day);
      await this.dateGroup.getByLabel("Month").fill(input.date.month);
      await this.dateGroup.getByLabel("Year").fill(input.date.year);
    }
    const response = await this.submit(this.saveButton);
    return response?.status() ?? 0;
  }

  /** Open findings: one h3 each under "Findings", starting with the kind's label ("Overdue (high severity…)"). */
  get openFindings(): Locator {
    return this.section("Findings").getByRole("heading", { level: 3 });
  }

  async openFindingTitles(): Promise<string[]> {
    return (await this.openFindings.allTextContents()).map(normalise);
  }

  /** The "Findings no longer raised" list, by its summary. */
  get pastFindings(): Locator {
    return this.section("Findings").filter({ hasText: /Findings no longer raised/ });
  }

  async pastFindingsText(): Promise<string> {
    if ((await this.pastFindings.count()) === 0) return "";
    return await textOf(this.pastFindings);
  }

  get timelineEntries(): Locator {
    return this.section("Timeline")
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("heading", { level: 3 }) });
  }
}
