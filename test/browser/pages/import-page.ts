import type { Locator } from "playwright-core";
import { AssurePage, textOf } from "./assure-page.js";

/** Upload a plan file, then the preview of what was read, then confirm. */
export class ImportPage extends AssurePage {
  async goto(): Promise<this> {
    await this.open("/imports/new");
    return this;
  }

  get fileInput(): Locator {
    return this.main.getByLabel("Action plan file");
  }

  get newPlanRadio(): Locator {
    return this.main.getByRole("radio", { name: /new plan/i });
  }

  get newVersionRadio(): Locator {
    return this.main.getByRole("radio", { name: /new version/i });
  }

  /** The plan a new version belongs to (the only list on the upload page). */
  get planSelect(): Locator {
    return this.main.getByRole("combobox", { name: /\bplan\b/i });
  }

  get uploadButton(): Locator {
    return this.main.getByRole("button", { name: "Upload and check" });
  }

  async upload(path: string): Promise<number> {
    await this.fileInput.setInputFiles(path);
    await this.newPlanRadio.first().check();
    const response = await this.submit(this.uploadButton);
    return response?.status() ?? 0;
  }

  async uploadNewVersion(path: string, planId: string): Promise<number> {
    await this.fileInput.setInputFiles(path);
    await this.newVersionRadio.check();
    await this.planSelect.selectOption(planId);
    const response = await this.submit(this.uploadButton);
    return response?.status() ?? 0;
  }

  // The preview.

  /** A value of the preview's summary list ("Title", "Actions", "Warnings"…). */
  summary(key: string): Locator {
    return this.main.locator(
      `xpath=.//dt[normalize-space()=${JSON.stringify(key)}]/following-sibling::dd[1]`,
    );
  }

  async summaryValue(key: string): Promise<string> {
    return await textOf(this.summary(key));
  }

  get warningsSection(): Locator {
    return this.section("Warnings");
  }

  /** Rows of the warnings table (header excluded). */
  get warningRows(): Locator {
    return this.main
      .getByRole("table", { name: "Warnings", exact: true })
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell") });
  }

  get actionsReadRows(): Locator {
    return this.main
      .getByRole("table", { name: /Actions read/ })
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell") });
  }

  get confirmButton(): Locator {
    return this.main.getByRole("button", { name: "Import this plan" });
  }

  async confirm(): Promise<number> {
    const response = await this.submit(this.confirmButton);
    return response?.status() ?? 0;
  }
}
