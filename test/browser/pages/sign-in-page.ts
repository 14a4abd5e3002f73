import type { Locator } from "playwright-core";
import { AssurePage } from "./assure-page.js";

export class SignInPage extends AssurePage {
  get email(): Locator {
    return this.page.getByLabel("Email address", { exact: true });
  }

  get password(): Locator {
    return this.page.getByLabel("Password", { exact: true });
  }

  get signInButton(): Locator {
    return this.main.getByRole("button", { name: "Sign in", exact: true });
  }

  async goto(): Promise<this> {
    await this.open("/sign-in");
    return this;
  }

  /** Fills and sends the form; the caller checks where it landed. */
  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit(this.signInButton);
  }
}
