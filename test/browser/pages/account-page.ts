import type { Locator } from "playwright-core";
import { AssurePage, textOf } from "./assure-page.js";

export class AccountPage extends AssurePage {
  async goto(): Promise<this> {
    await this.open("/account");
    return this;
  }

  get createTokenButton(): Locator {
    return this.main.getByRole("button", { name: /^(Create a new|Replace your) API token$/ });
  }

  /** Creates (or replaces) the API token and reads it off the page, where it is shown once. */
  async createApiToken(): Promise<string> {
    await this.submit(this.createTokenButton);
    const token = await textOf(this.successBanner.getByText(/^assure_\S+$/));
    if (!token) throw new Error("The account page did not show a new API token");
    return token;
  }
}
