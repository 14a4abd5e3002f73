import type { Locator } from "playwright-core";
import { AssurePage } from "./assure-page.js";

/** Every challenge put to agencies, newest first, with the forms to mark them answered or not. */
export class ChallengesPage extends AssurePage {
  async goto(query = ""): Promise<this> {
    await this.open(`/challenges${query}`);
    return this;
  }

  /** One h3 per challenge, naming its state and its action. */
  get challengeHeadings(): Locator {
    return this.main.getByRole("heading", { level: 3 });
  }
}
