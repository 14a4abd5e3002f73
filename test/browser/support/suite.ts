import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { textOf } from "../pages/assure-page.js";
import { DashboardPage } from "../pages/dashboard-page.js";
import { SignInPage } from "../pages/sign-in-page.js";
import { type AccountKey, startTestServer, type TestServer } from "../server.js";
import { AxeAuditor } from "./axe.js";
import { launchChromium } from "./chromium.js";

/** Every flow runs twice: as most people use the service, and as someone without JavaScript does. */
export const MODES = [
  { name: "with JavaScript", javaScriptEnabled: true },
  { name: "without JavaScript", javaScriptEnabled: false },
] as const;

/**
 * One browser mode of a test file: a browser context per person (signed in once, reused by every test
 * of the mode) and the axe-core auditor that sees every page they are served.
 */
export class Mode {
  readonly auditor: AxeAuditor;
  private readonly contexts = new Map<string, { context: BrowserContext; page: Page }>();

  constructor(
    readonly server: TestServer,
    readonly browser: Browser,
    readonly javaScriptEnabled: boolean,
  ) {
    this.auditor = new AxeAuditor(browser, javaScriptEnabled);
  }

  async newContext(): Promise<BrowserContext> {
    const context = await this.browser.newContext({
      baseURL: this.server.url,
      javaScriptEnabled: this.javaScriptEnabled,
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    // Well inside a test's 60 s, so a missing label fails with Playwright's message rather than a bare
    // timeout; still generous for a machine busy with other test files.
    context.setDefaultTimeout(20_000);
    return context;
  }

  /** A page of a context of its own, watched by the auditor, signed in as nobody. */
  async anonymousPage(): Promise<Page> {
    const context = await this.newContext();
    const page = await context.newPage();
    this.auditor.watch(page);
    this.contexts.set(`anonymous-${this.contexts.size}`, { context, page });
    return page;
  }

  /** The page of this person's context, signed in through the sign-in page the first time it is asked for. */
  async as(key: AccountKey): Promise<Page> {
    const existing = this.contexts.get(key);
    if (existing) return existing.page;
    const context = await this.newContext();
    const page = await context.newPage();
    this.auditor.watch(page);
    await signIn(page, this.server, key);
    this.contexts.set(key, { context, page });
    return page;
  }

  /** Forgets a person's context (after they sign out, say), so the next `as` signs in again. */
  async drop(key: AccountKey): Promise<void> {
    const entry = this.contexts.get(key);
    this.contexts.delete(key);
    await this.auditor.settle();
    await entry?.context.close();
  }

  /** Checks every page this mode was served and fails with every violation found. */
  async expectAccessible(): Promise<void> {
    await this.auditor.auditAll();
    expect(this.auditor.pagesChecked().length, "no pages were checked").toBeGreaterThan(0);
    expect(
      this.auditor.report(),
      `axe-core violations on ${this.auditor.pagesChecked().length} pages`,
    ).toEqual([]);
  }

  async close(): Promise<void> {
    await this.auditor.settle();
    for (const { context } of this.contexts.values()) await context.close();
    this.contexts.clear();
  }
}

/** Signs in through the page, and makes sure it worked: a flow on a signed-out page proves nothing. */
export async function signIn(page: Page, server: TestServer, key: AccountKey): Promise<void> {
  const account = server.accounts[key];
  const signInPage = await new SignInPage(page).goto();
  await signInPage.signIn(account.email, account.password);
  const dashboard = new DashboardPage(page);
  if (new URL(page.url()).pathname !== "/" || (await dashboard.headingText()) !== "Dashboard") {
    const problem = (await dashboard.errorSummary.count()) ? await textOf(dashboard.errorSummary) : "";
    throw new Error(`Signing in as ${key} landed on ${page.url()} ${problem}`);
  }
}

export interface Suite {
  readonly server: TestServer;
  readonly browser: Browser;
  mode(javaScriptEnabled: boolean): Mode;
}

/**
 * One server and one browser for a whole test file; call at the top of the file. Each mode is made
 * when first asked for and closed with the file.
 */
export function useBrowserSuite(): Suite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const modes = new Map<boolean, Mode>();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });

  afterAll(async () => {
    for (const m of modes.values()) await m.close();
    await browser?.close();
    await server?.close();
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} did not start`);
    return value;
  };

  return {
    get server() {
      return need(server, "test server");
    },
    get browser() {
      return need(browser, "browser");
    },
    mode(javaScriptEnabled) {
      let m = modes.get(javaScriptEnabled);
      if (!m) {
        m = new Mode(need(server, "test server"), need(browser, "browser"), javaScriptEnabled);
        modes.set(javaScriptEnabled, m);
      }
      return m;
    },
  };
}
