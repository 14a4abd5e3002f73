import type { Locator, Page, Response } from "playwright-core";

/**
 * What every page of the service has: the service navigation, the sign-out button, the phase banner,
 * one main landmark with one h1, the GOV.UK error summary and success banner. Locators go by role and
 * accessible name only, so a page that loses its labels fails here as it would fail a screen reader.
 */
export class AssurePage {
  constructor(readonly page: Page) {}

  get main(): Locator {
    return this.page.getByRole("main");
  }

  get heading(): Locator {
    return this.main.getByRole("heading", { level: 1 });
  }

  get navigation(): Locator {
    return this.page.getByRole("navigation", { name: "Menu" });
  }

  get signOutButton(): Locator {
    return this.navigation.getByRole("button", { name: /^Sign out/ });
  }

  /** The GOV.UK error summary ("There is a problem"). */
  get errorSummary(): Locator {
    return this.page
      .getByRole("alert")
      .filter({ has: this.page.getByRole("heading", { name: "There is a problem" }) });
  }

  /** A success notification banner (role alert, titled "Success"). */
  get successBanner(): Locator {
    return this.page.getByRole("alert").filter({ has: this.page.getByRole("heading", { name: "Success" }) });
  }

  async headingText(): Promise<string> {
    return await textOf(this.heading);
  }

  /** The names of the navigation's links, in order. */
  async navigationLinks(): Promise<string[]> {
    if ((await this.navigation.count()) === 0) return [];
    return (await this.navigation.getByRole("link").allTextContents()).map(normalise);
  }

  /** The link of the navigation for the page shown, marked aria-current. */
  currentNavigationLink(): Locator {
    return this.navigation.locator('a[aria-current="page"]');
  }

  async open(path: string): Promise<Response | null> {
    return this.page.goto(path, { waitUntil: "load" });
  }

  /** Clicks something that submits a form or follows a link, and waits for the page that comes back. */
  async submit(control: Locator): Promise<Response | null> {
    const [response] = await Promise.all([
      this.page.waitForNavigation({ waitUntil: "load" }),
      control.click(),
    ]);
    return response;
  }

  async signOut(): Promise<void> {
    await this.submit(this.signOutButton);
  }

  /** The CSRF token the page's forms carry (every signed-in page has the sign-out form). */
  async csrfToken(): Promise<string> {
    const token = await this.page.locator('input[type="hidden"][name="_csrf"]').first().getAttribute("value");
    if (!token) throw new Error(`No CSRF token on ${this.page.url()}`);
    return token;
  }

  /** A region of main by its name: a wide table's scroll container is named by the table's caption. */
  region(name: string): Locator {
    return this.main.getByRole("region", { name, exact: true });
  }

  /** How wide the page's content is against the window: wider means the whole page scrolls sideways. */
  async widths(): Promise<{ scrollWidth: number; innerWidth: number }> {
    return this.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
  }

  /**
   * Every table of main, with the region holding it (if any) as an assistive technology finds it: the
   * region's name, whether it takes focus from the keyboard, and whether it has more to scroll to.
   */
  async tablesAndTheirRegions(): Promise<
    { caption: string; region: { name: string; tabIndex: number; scrolls: boolean } | null }[]
  > {
    return this.main.evaluate((main) =>
      Array.from(main.querySelectorAll("table")).map((table) => {
        const caption = table.caption?.textContent?.replace(/\s+/g, " ").trim() ?? "";
        const region = table.parentElement?.closest<HTMLElement>('[role="region"]') ?? null;
        if (!region) return { caption, region: null };
        const name = (region.getAttribute("aria-labelledby") ?? "")
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" ")
          .replace(/\s+/g, " ")
          .trim();
        return {
          caption,
          region: { name, tabIndex: region.tabIndex, scrolls: region.scrollWidth > region.clientWidth },
        };
      }),
    );
  }

  /**
   * The elements of main between the h2 of this name and the next h2: one section of a long page. It
   * matches those elements themselves, so look inside them for what they contain (their tables, items).
   */
  section(h2: string): Locator {
    const name = JSON.stringify(h2);
    return this.main.locator(
      `xpath=.//h2[normalize-space()=${name}]/following-sibling::*[not(self::h2)][preceding-sibling::h2[1][normalize-space()=${name}]]`,
    );
  }
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The text of what the locator finds, whitespace collapsed (visually hidden text included, as a screen reader hears it). */
export async function textOf(locator: Locator): Promise<string> {
  return normalise((await locator.textContent()) ?? "");
}
